import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { StoreScoped } from '@kassa/shared';

/** A store's busy mode: online ordering paused, or every pickup pushed back by a delay. */
@Entity({ tableName: 'busy_mode' })
@StoreScoped()
export class BusyMode {
  @PrimaryKey({ type: 'uuid' })
  storeId!: string;

  @Property({ type: 'boolean' })
  paused = false;

  /** In 15-minute steps. */
  @Property({ type: 'smallint' })
  delayMinutes = 0;

  @Property({ type: 'uuid', nullable: true })
  updatedBy: string | null = null;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
