import { Injectable } from '@nestjs/common';
import { QueryResult } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '@kassa/shared';
import { NotificationChannel, NotificationKind } from '../notification.types';

export interface NewNotification {
  readonly organisationId: string;
  readonly storeId: string;
  readonly orderId: string | null;
  readonly orderNumber: string | null;
  readonly idempotencyKey: string;
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  readonly recipient: string;
  readonly locale: string;
  readonly subject: string | null;
  readonly text: string;
  readonly html: string | null;
  /** Reminders: not before this time. */
  readonly scheduledFor: Date | null;
}

/** `<source>:<kind>:<channel>`: the source is the order (one per order) or the outbox message (one per event). */
export function idempotencyKey(source: string, kind: NotificationKind, channel: NotificationChannel, ...more: string[]): string {
  return [source, kind, channel, ...more].join(':');
}

// The columns a new row sets; the delivery columns (lease, provider, error, sent at) start out null.
const COLUMNS = [
  'id', 'organisation_id', 'store_id', 'order_id', 'order_number', 'idempotency_key', 'kind', 'channel', 'recipient', 'locale',
  'subject', 'text', 'html', 'status', 'attempts', 'next_attempt_at', 'scheduled_for', 'created_at',
];

/**
 * Writes notifications with "insert … on conflict (idempotency_key) do nothing": an event
 * delivered twice, or two replicas handling it at once, leave exactly one row per key. Plain SQL:
 * every paid order writes a few of these, and the query builder costs more CPU than the insert.
 */
@Injectable()
export class NotificationWriter {
  constructor(private readonly em: EntityManager) {}

  /** How many were new. */
  async insert(rows: readonly NewNotification[], now: Date): Promise<number> {
    if (rows.length === 0) return 0;
    const values = rows.map((row) => [
      newId(), row.organisationId, row.storeId, row.orderId, row.orderNumber, row.idempotencyKey, row.kind, row.channel, row.recipient, row.locale,
      row.subject, row.text, row.html, row.scheduledFor ? 'scheduled' : 'queued', 0, row.scheduledFor ?? now, row.scheduledFor, now,
    ]);
    const placeholders = `(${COLUMNS.map(() => '?').join(', ')})`;
    const result = await this.em.execute<QueryResult>(
      `insert into notification (${COLUMNS.join(', ')}) values ${values.map(() => placeholders).join(', ')} on conflict (idempotency_key) do nothing`,
      values.flat(),
      'run',
    );
    return result.affectedRows;
  }
}
