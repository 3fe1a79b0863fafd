import { Check, Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId, StoreScoped } from '@kassa/shared';

/**
 * How much of a stock item one store has. `onHand` is always the sum of the item's on-hand
 * movements at the store and `reserved` the sum of their reserved deltas; both change only
 * together with a StockMovement row, in one transaction.
 */
@Entity({ tableName: 'stock_level' })
@StoreScoped()
@Unique({ properties: ['storeId', 'stockItemId'] })
@Check({ name: 'stock_level_reserved_check', expression: 'reserved >= 0' })
export class StockLevel {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  storeId!: string;

  @Property({ type: 'uuid', index: true })
  stockItemId!: string;

  @Property({ type: 'integer' })
  onHand = 0;

  @Property({ type: 'integer' })
  reserved = 0;

  /** At or below this availability the item is low; 0 turns the alert off. */
  @Property({ type: 'integer' })
  lowStockThreshold = 0;

  /** What a reorder should bring availability back up to. */
  @Property({ type: 'integer' })
  parLevel = 0;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
