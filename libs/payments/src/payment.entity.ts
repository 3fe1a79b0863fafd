import { Check, Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId, StoreScoped } from '@kassa/shared';
import { PAYMENT_METHODS, PAYMENT_STATUSES, PaymentMethod, PaymentNextAction, PaymentStatus } from './payments.types';

/**
 * One attempt to pay for an order. Its status only moves by conditional updates in
 * PaymentLedger, and every move is logged in `payment_event`.
 */
@Entity({ tableName: 'payment' })
@StoreScoped()
@Unique({ properties: ['orderId', 'idempotencyKey'] })
@Check({ name: 'payment_amount_check', expression: 'amount > 0' })
@Check({ name: 'payment_refunded_amount_check', expression: 'refunded_amount >= 0 and refunded_amount <= amount' })
export class Payment {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  storeId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  orderId!: string;

  @Enum({ items: () => [...PAYMENT_METHODS] })
  method!: PaymentMethod;

  @Enum({ items: () => [...PAYMENT_STATUSES] })
  status: PaymentStatus = 'created';

  /** Minor units (öre). */
  @Property({ type: 'integer' })
  amount!: number;

  @Property({ type: 'character', length: 3 })
  currency!: string;

  @Property({ type: 'integer' })
  refundedAmount = 0;

  /** The provider's id for this payment (Swish instruction, Klarna order, …); never a secret. */
  @Property({ type: 'text', nullable: true })
  providerReference: string | null = null;

  @Property({ type: 'json', nullable: true })
  nextAction: PaymentNextAction | null = null;

  @Property({ type: 'string', length: 255 })
  idempotencyKey!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
