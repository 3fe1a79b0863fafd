import { DomainEvent, domainEvent } from '@kassa/shared';

export const OUTBOX_MESSAGE_DEAD = 'OutboxMessageDead';

export interface OutboxMessageDeadPayload {
  /** The dead-lettered outbox row (retry it at POST /api/v1/admin/outbox-messages/:id/retry). */
  readonly messageId: string;
  readonly eventType: string;
  readonly consumer: string;
  readonly storeId: string | null;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly at: string;
}

/**
 * A side effect gave up: its outbox message went to the dead-letter state. Published in the
 * transaction that moves the row there, so staff alerts are as durable as the message itself.
 */
export function outboxMessageDead(payload: OutboxMessageDeadPayload): DomainEvent<OutboxMessageDeadPayload> {
  return domainEvent(OUTBOX_MESSAGE_DEAD, payload, payload.storeId ?? undefined);
}
