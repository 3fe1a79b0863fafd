import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { PLATFORM_OPTIONS, PlatformOptions } from '../platform.options';
import { runExclusively } from '../scheduling/exclusive-run';
import { OutboxDelivery } from './outbox-delivery';

const KEEP_DELIVERED_DAYS = 7;

@Injectable()
export class OutboxMaintenance {
  private readonly logger = new Logger('OutboxMaintenance');

  constructor(
    private readonly delivery: OutboxDelivery,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  /** Delivered rows are kept a week for support questions, then removed; dead ones stay until handled. */
  @Cron(CronExpression.EVERY_HOUR)
  async pruneDelivered(): Promise<void> {
    if (!this.options.outbox.dispatch) return;
    await runExclusively(this.delivery.systemEm(), 'outbox.prune', async (em) => {
      const removed = await em.execute(
          `delete from outbox_message where status = 'done' and processed_at < now() - make_interval(days => ?)`,
          [KEEP_DELIVERED_DAYS],
          'run',
        );
      this.logger.log(`Pruned ${JSON.stringify(removed)} delivered outbox messages`);
    });
  }
}
