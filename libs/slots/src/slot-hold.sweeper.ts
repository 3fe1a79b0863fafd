import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { MikroORM } from '@mikro-orm/core';
import { PLATFORM_OPTIONS, PlatformOptions, runExclusively, systemEntityManager } from '@kassa/platform';
import { SlotLedger } from './slot-ledger.repository';

/**
 * Gives the capacity of unpaid holds back once their TTL has passed. Reads and reservations
 * already ignore expired holds; the sweep keeps the load table true for reports and the admin.
 */
@Injectable()
export class SlotHoldSweeper {
  private readonly logger = new Logger('SlotHoldSweeper');

  constructor(
    private readonly orm: MikroORM,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE)
  async sweep(): Promise<number> {
    if (!this.options.outbox.dispatch) return 0;
    const em = systemEntityManager(this.orm);
    let expired = 0;
    await runExclusively(em, 'slots.expire-holds', async (tx) => {
      expired = await new SlotLedger(tx).expire({ limit: 1000 });
    });
    if (expired > 0) this.logger.log(`Expired ${expired} unpaid slot holds`);
    return expired;
  }
}
