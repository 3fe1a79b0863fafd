import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { MikroORM } from '@mikro-orm/core';
import { PLATFORM_OPTIONS, PlatformOptions, runExclusively, systemEntityManager } from '@kassa/platform';
import { InventoryService } from './inventory.service';

/**
 * Gives the stock of expired holds back every minute, on one replica. Reads and reservations
 * already treat expired holds as released; this makes the ledger and the admin say so too.
 */
@Injectable()
export class HoldExpiryJob {
  private readonly logger = new Logger('HoldExpiry');

  constructor(
    private readonly orm: MikroORM,
    private readonly inventory: InventoryService,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE)
  async onSchedule(): Promise<void> {
    if (!this.options.outbox.dispatch) return;
    try {
      await this.run();
    } catch (error) {
      this.logger.error(`Releasing expired holds failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Releases every expired hold now; returns how many. */
  async run(): Promise<number> {
    const em = systemEntityManager(this.orm);
    let released = 0;
    await runExclusively(em, 'inventory.expire-holds', async () => {
      released = await this.inventory.releaseExpiredHolds();
    });
    if (released > 0) this.logger.log(`Released ${released} expired stock hold(s)`);
    return released;
  }
}
