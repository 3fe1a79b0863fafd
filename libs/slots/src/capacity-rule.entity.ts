import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { newId, StoreScoped } from '@kassa/shared';

/**
 * Other caps for slots starting in [start, end) on a weekday, or on one date (which wins).
 * A null cap keeps what the less specific level says.
 */
@Entity({ tableName: 'capacity_rule' })
@StoreScoped()
@Index({ properties: ['storeId'] })
export class CapacityRuleEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  storeId!: string;

  /** ISO weekday 1 (Monday) … 7 (Sunday); null when the rule is for a date. */
  @Property({ type: 'smallint', nullable: true })
  weekday: number | null = null;

  @Property({ type: 'date', nullable: true })
  date: string | null = null;

  @Property({ type: 'string', length: 5 })
  start!: string;

  @Property({ type: 'string', length: 5 })
  end!: string;

  @Property({ type: 'integer', nullable: true })
  maxOrders: number | null = null;

  @Property({ type: 'integer', nullable: true })
  maxItems: number | null = null;

  @Property({ type: 'integer', nullable: true })
  maxKitchenMinutes: number | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
