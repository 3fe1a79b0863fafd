import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId, StoreScoped } from '@kassa/shared';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  NotificationChannel,
  NotificationKind,
  NotificationStatus,
} from '../notification.types';

/**
 * One message to one recipient on one channel, and its delivery log. The idempotency key makes
 * it exactly one per event per channel: rows are inserted with "on conflict do nothing", so an
 * event delivered twice finds its row already there.
 */
@Entity({ tableName: 'notification' })
@StoreScoped()
@Unique({ properties: ['idempotencyKey'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['storeId', 'createdAt'] })
@Index({ properties: ['orderId'] })
export class Notification {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  storeId!: string;

  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  /** Copied at creation, so the log lists it without asking the orders lib. */
  @Property({ type: 'string', length: 8, nullable: true })
  orderNumber: string | null = null;

  /** `<order id or outbox message id>:<kind>:<channel>[:…]`; `resend:<id>` for a resend. */
  @Property({ type: 'string', length: 300 })
  idempotencyKey!: string;

  @Enum({ items: () => [...NOTIFICATION_KINDS] })
  kind!: NotificationKind;

  @Enum({ items: () => [...NOTIFICATION_CHANNELS] })
  channel!: NotificationChannel;

  /** The full address or E.164 number, for sending; lists show it masked. */
  @Property({ type: 'string', length: 254 })
  recipient!: string;

  @Property({ type: 'string', length: 5 })
  locale!: string;

  /** E-mail only. */
  @Property({ type: 'string', length: 300, nullable: true })
  subject: string | null = null;

  @Property({ type: 'text' })
  text!: string;

  /** E-mail only. */
  @Property({ type: 'text', nullable: true })
  html: string | null = null;

  @Enum({ items: () => [...NOTIFICATION_STATUSES] })
  status: NotificationStatus = 'queued';

  @Property({ type: 'integer' })
  attempts = 0;

  /** When a worker may take it next: now for new rows, the reminder time, or the retry time. */
  @Property({ type: 'timestamptz' })
  nextAttemptAt: Date = new Date();

  /** The lease of the worker sending it; a row still `sending` after this is taken again. */
  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null = null;

  /** Reminders: when it is due; checked against the order's status when it comes. */
  @Property({ type: 'timestamptz', nullable: true })
  scheduledFor: Date | null = null;

  /** smtp, 46elks, twilio — or log when nothing was configured. */
  @Property({ type: 'string', length: 20, nullable: true })
  provider: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  providerMessageId: string | null = null;

  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  resentFrom: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;
}
