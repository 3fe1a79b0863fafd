import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { StoreScoped } from '@kassa/shared';

/** The last receipt number of a store; taken with an atomic increment, so numbers are gapless. */
@Entity({ tableName: 'receipt_number' })
@StoreScoped()
export class ReceiptNumber {
  @PrimaryKey({ type: 'uuid' })
  storeId!: string;

  @Property({ type: 'integer' })
  last = 0;
}
