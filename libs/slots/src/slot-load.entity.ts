import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { StoreScoped } from '@kassa/shared';

/**
 * What active and confirmed holds keep booked in one slot. Holds change it only through one
 * conditional UPDATE that checks the caps, so concurrent checkouts can never pass them.
 */
@Entity({ tableName: 'slot_load' })
@StoreScoped()
export class SlotLoad {
  @PrimaryKey({ type: 'uuid' })
  storeId!: string;

  @PrimaryKey({ type: 'timestamptz' })
  slotStart!: Date;

  @Property({ type: 'integer' })
  orders = 0;

  @Property({ type: 'integer' })
  items = 0;

  @Property({ type: 'integer' })
  kitchenMinutes = 0;
}
