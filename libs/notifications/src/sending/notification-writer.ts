import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '@kassa/shared';
import { Notification } from '../entities/notification.entity';
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

/**
 * Writes notifications with "insert … on conflict (idempotency_key) do nothing": an event
 * delivered twice, or two replicas handling it at once, leave exactly one row per key.
 */
@Injectable()
export class NotificationWriter {
  constructor(private readonly em: EntityManager) {}

  /** How many were new. */
  async insert(rows: readonly NewNotification[], now: Date): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await this.em
      .createQueryBuilder(Notification)
      .insert(
        rows.map((row) => ({
          ...row,
          id: newId(),
          status: row.scheduledFor ? ('scheduled' as const) : ('queued' as const),
          attempts: 0,
          nextAttemptAt: row.scheduledFor ?? now,
          lockedUntil: null,
          provider: null,
          providerMessageId: null,
          error: null,
          resentFrom: null,
          createdAt: now,
          sentAt: null,
        })),
      )
      .onConflict('idempotencyKey')
      .ignore()
      .execute('run');
    return result.affectedRows;
  }
}
