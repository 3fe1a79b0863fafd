import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The last order number handed out at a store on a business day. */
@Entity({ tableName: 'order_number' })
export class OrderNumber {
  @PrimaryKey({ type: 'uuid' })
  storeId!: string;

  @PrimaryKey({ type: 'date' })
  businessDate!: string;

  @Property({ type: 'integer' })
  last = 0;
}
