import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId } from '@kassa/shared';

/**
 * Every verified webhook or callback a provider sent, once: the unique (provider, event id) is
 * what makes a replay change nothing. Written in the transaction that acts on it, so an event
 * whose processing rolled back is processed again when the provider retries. Holds ids and
 * types only — never the payload.
 */
@Entity({ tableName: 'payment_webhook_event' })
@Unique({ properties: ['provider', 'eventId'] })
export class PaymentWebhookEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** The payment method whose provider sent it: `card`, `swish`, `klarna`. */
  @Property({ type: 'string', length: 20 })
  provider!: string;

  /** The provider's id of the event (Stripe `evt_…`; Swish: instruction id + status). */
  @Property({ type: 'string', length: 255 })
  eventId!: string;

  @Property({ type: 'string', length: 100 })
  eventType!: string;

  @Property({ type: 'uuid', nullable: true })
  paymentId: string | null = null;

  /** What Kassa did with it: captured, failed, ignored, late_success_refunded. */
  @Property({ type: 'string', length: 40 })
  outcome!: string;

  @Property({ type: 'timestamptz' })
  receivedAt: Date = new Date();
}
