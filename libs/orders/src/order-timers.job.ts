import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { PLATFORM_OPTIONS, PlatformOptions, runExclusively, systemEntityManager } from '@kassa/platform';
import { IdempotencyKeys } from './checkout/idempotency';
import { OrdersError, OrdersErrorCode } from './orders.errors';
import { OrdersService, SYSTEM } from './orders.service';
import { OrderAction } from './rules/order-state-machine';

const PER_PASS = 200;

/**
 * The clock's part of the lifecycle: unpaid orders expire when their hold runs out, uncollected
 * ready orders become no-shows, and idempotency keys older than 72 hours go. One replica at a
 * time (advisory lock); each order moves in its own savepoint, so one that fails (or that a
 * payment moved meanwhile) does not hold back the others.
 */
@Injectable()
export class OrderTimersJob {
  private readonly logger = new Logger('OrderTimers');

  constructor(
    private readonly orm: MikroORM,
    private readonly orders: OrdersService,
    private readonly keys: IdempotencyKeys,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  @Interval(15_000)
  async tick(): Promise<void> {
    if (!this.options.outbox.dispatch) return;
    try {
      await this.run();
    } catch (error) {
      this.logger.error(`Order timers failed: ${String(error)}`);
    }
  }

  /** One pass; returns what it did (tests call it instead of waiting for the interval). */
  async run(): Promise<{ expired: number; noShows: number; keysDropped: number }> {
    const result = { expired: 0, noShows: 0, keysDropped: 0 };
    await runExclusively(systemEntityManager(this.orm), 'orders.timers', async (tx) => {
      result.expired = await this.move(tx, await this.orders.dueToExpire(PER_PASS), 'expire', 'Not paid in time');
      result.noShows = await this.move(tx, await this.orders.dueNoShows(PER_PASS), 'no_show', 'Not collected');
      result.keysDropped = await this.keys.sweep(1000);
    });
    if (result.expired > 0) this.logger.log(`Expired ${result.expired} unpaid orders`);
    if (result.noShows > 0) this.logger.log(`Marked ${result.noShows} ready orders as not collected`);
    return result;
  }

  private async move(tx: EntityManager, ids: readonly string[], action: OrderAction, reason: string): Promise<number> {
    let moved = 0;
    for (const id of ids) {
      try {
        await tx.transactional(() => this.orders.act(id, action, SYSTEM, reason));
        moved++;
      } catch (error) {
        // Paid or cancelled a moment ago: nothing to do.
        if (error instanceof OrdersError && error.code === OrdersErrorCode.INVALID_TRANSITION) continue;
        this.logger.error(`Could not ${action.replace('_', ' ')} order ${id}: ${String(error)}`);
      }
    }
    return moved;
  }
}
