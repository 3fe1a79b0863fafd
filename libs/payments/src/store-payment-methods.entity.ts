import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { StoreScoped } from '@kassa/shared';
import type { PaymentMethod } from './payments.types';

/**
 * The payment methods a store offers, chosen by its staff from those this server has providers
 * for. No row: the store offers every configured method.
 */
@Entity({ tableName: 'store_payment_methods' })
@StoreScoped()
export class StorePaymentMethods {
  @PrimaryKey({ type: 'uuid' })
  storeId!: string;

  @Property({ type: 'json' })
  methods!: PaymentMethod[];

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
