import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { StoreScoped } from '@kassa/shared';
import { Allocation, HOLD_STATUSES, HoldStatus, ReservationLine } from './inventory.types';

/** Stock kept for an unpaid order until it is committed, released, or expires. */
@Entity({ tableName: 'stock_hold' })
@StoreScoped()
@Index({ properties: ['storeId', 'status', 'expiresAt'] })
@Index({ properties: ['status', 'expiresAt'] })
export class StockHold {
  /** Chosen by the caller (the order's id), so reserving again with it is a no-op. */
  @PrimaryKey({ type: 'string', length: 100 })
  holdId!: string;

  @Property({ type: 'uuid' })
  storeId!: string;

  @Enum({ items: () => [...HOLD_STATUSES] })
  status: HoldStatus = 'active';

  /** Per stock item, what the hold keeps reserved. */
  @Property({ type: 'json' })
  allocations: Allocation[] = [];

  /** The order lines as given, for the ledger's reasons. */
  @Property({ type: 'json' })
  lines: ReservationLine[] = [];

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;
}
