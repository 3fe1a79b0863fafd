/**
 * The real api bootstrap plus one outbox consumer that appends each StoreUpdated delivery to
 * PROBE_FILE. Child-process tests run it to see what survives a kill.
 */
import { appendFileSync } from 'node:fs';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { OutboxConsumers } from '@kassa/platform';
import { STORE_UPDATED } from '@kassa/stores';
import { closeOnSignals, createApp } from '../../apps/api/src/bootstrap';
import { parseEnvironment } from '../../apps/api/src/config/environment';
import { buildConfig } from '../../apps/api/src/config/kassa-config';

@Injectable()
class ProbeConsumer implements OnModuleInit {
  constructor(private readonly consumers: OutboxConsumers) {}

  onModuleInit(): void {
    this.consumers.register({
      name: 'probe.store-updated',
      eventType: STORE_UPDATED,
      handle: async (event, context) => {
        appendFileSync(String(process.env.PROBE_FILE), `${JSON.stringify({ messageId: context.messageId, payload: event.payload })}\n`);
      },
    });
  }
}

@Module({ providers: [ProbeConsumer] })
class ProbeModule {}

async function main(): Promise<void> {
  const config = buildConfig(parseEnvironment(process.env));
  const { app } = await createApp(config, [ProbeModule]);
  closeOnSignals(app);
  await app.listen(config.http.port, '127.0.0.1');
  process.stdout.write(`listening ${config.http.port}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
