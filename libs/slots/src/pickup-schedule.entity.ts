import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId, StoreScoped } from '@kassa/shared';
import type { WeeklyWindow } from './engine/slot-rules';

/** A store's pickup settings: weekly hours, slot grid, booking window and default capacity per slot. */
@Entity({ tableName: 'pickup_schedule' })
@StoreScoped()
export class PickupSchedule {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Unique()
  @Property({ type: 'uuid' })
  storeId!: string;

  @Property({ type: 'smallint' })
  slotMinutes!: number;

  @Property({ type: 'smallint' })
  leadMinutes!: number;

  @Property({ type: 'smallint' })
  daysAhead!: number;

  @Property({ type: 'smallint' })
  cutoffMinutes!: number;

  @Property({ type: 'json' })
  weeklyHours: WeeklyWindow[] = [];

  /** Default caps per slot; null = no limit of that kind. */
  @Property({ type: 'integer', nullable: true })
  maxOrders: number | null = null;

  @Property({ type: 'integer', nullable: true })
  maxItems: number | null = null;

  @Property({ type: 'integer', nullable: true })
  maxKitchenMinutes: number | null = null;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
