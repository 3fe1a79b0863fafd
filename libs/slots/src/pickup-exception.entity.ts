import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId, StoreScoped } from '@kassa/shared';
import type { ClockWindow } from './engine/slot-rules';

/** A date with other pickup hours than its weekday: a holiday (closed) or special hours. */
@Entity({ tableName: 'pickup_exception' })
@StoreScoped()
@Unique({ properties: ['storeId', 'date'] })
export class PickupException {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  storeId!: string;

  /** The store-local date, YYYY-MM-DD. */
  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'boolean' })
  closed!: boolean;

  /** The day's only windows when not closed. */
  @Property({ type: 'json' })
  windows: ClockWindow[] = [];

  @Property({ type: 'string', length: 200, nullable: true })
  note: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
