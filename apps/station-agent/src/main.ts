#!/usr/bin/env node
// The Kassa station agent: `npm run station -- --server <url> --token <kst_…>` (see --help).
import { ConfigError, loadConfig, USAGE } from './agent-config';
import { createLogger } from './logger';
import { StationAgent } from './station-agent';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.argv.slice(2), process.env, process.cwd());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`station agent: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (config === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { verbose, ...options } = config;
  const log = createLogger({ verbose });
  let agent: StationAgent;
  try {
    agent = await StationAgent.start({ ...options, log });
  } catch (error) {
    log.error('cannot start', { error: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }

  let signalledAt = 0;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (signalledAt > 0) {
        // npm and the terminal both pass on a Ctrl+C: only a later, deliberate one forces exit.
        if (Date.now() - signalledAt < 1000) return;
        log.warn('second signal, exiting without waiting', { signal });
        process.exit(1);
      }
      signalledAt = Date.now();
      log.info('stopping, finishing the job in flight', { signal });
      agent.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('stop failed', { error: error instanceof Error ? error.message : String(error) });
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`station agent: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
