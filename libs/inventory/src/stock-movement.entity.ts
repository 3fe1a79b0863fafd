import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { newId, StoreScoped } from '@kassa/shared';
import { MOVEMENT_KINDS, MovementKind } from './inventory.types';

/**
 * One row of the ledger. `quantity` is the signed change of on hand and `reservedDelta` the
 * signed change of reserved: a reservation is (0, +n), a release (0, −n), a sale (−n, −n),
 * a delivery (+n, 0), waste (−n, 0), an adjustment or a count (±n, 0).
 */
@Entity({ tableName: 'stock_movement' })
@StoreScoped()
@Index({ properties: ['storeId', 'stockItemId', 'createdAt'] })
@Index({ properties: ['storeId', 'createdAt'] })
export class StockMovement {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  storeId!: string;

  @Property({ type: 'uuid' })
  stockItemId!: string;

  @Enum({ items: () => [...MOVEMENT_KINDS] })
  kind!: MovementKind;

  @Property({ type: 'integer' })
  quantity = 0;

  @Property({ type: 'integer' })
  reservedDelta = 0;

  @Property({ type: 'integer' })
  onHandAfter!: number;

  @Property({ type: 'string', length: 500 })
  reason!: string;

  @Property({ type: 'string', length: 100, nullable: true, index: true })
  holdId: string | null = null;

  /** Who recorded it; null for the system (checkout, expiry). */
  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
