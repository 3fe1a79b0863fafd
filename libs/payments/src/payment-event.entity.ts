import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { newId, StoreScoped } from '@kassa/shared';
import { PAYMENT_EVENT_KINDS, PAYMENT_STATUSES, PaymentEventKind, PaymentStatus } from './payments.types';

/**
 * Append-only log of every status change and provider call of a payment. Holds references and
 * reasons only — never secrets or card data.
 */
@Entity({ tableName: 'payment_event' })
@StoreScoped()
@Index({ properties: ['paymentId', 'createdAt'] })
export class PaymentEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  paymentId!: string;

  /** Copied from the payment so the log is narrowed to the caller's stores like the payment. */
  @Property({ type: 'uuid' })
  storeId!: string;

  @Enum({ items: () => [...PAYMENT_EVENT_KINDS] })
  kind!: PaymentEventKind;

  @Enum({ items: () => [...PAYMENT_STATUSES], nullable: true })
  fromStatus: PaymentStatus | null = null;

  @Enum({ items: () => [...PAYMENT_STATUSES] })
  toStatus!: PaymentStatus;

  /** Minor units this event is about: the payment's amount, or what a refund gave back. */
  @Property({ type: 'integer' })
  amount!: number;

  @Property({ type: 'text', nullable: true })
  providerReference: string | null = null;

  @Property({ type: 'json', nullable: true })
  detail: Record<string, unknown> | null = null;

  /** `system` (a call from another lib), `customer` (at the provider's page), `staff:<userId>`, `provider:<method>`. */
  @Property({ type: 'string', length: 100 })
  actor!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
