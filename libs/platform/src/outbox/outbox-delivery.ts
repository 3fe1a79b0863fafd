import { Injectable, Logger } from '@nestjs/common';
import { MikroORM, RequestContext, TransactionContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { systemEntityManager } from '../database/system-em';
import { DoneMarks } from './done-marks';
import { OutboxConsumers, PermanentDeliveryError } from './outbox.consumers';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';
import { outboxDead, outboxDelivered, outboxFailed } from './outbox-metrics';
import type { ClaimedMessage } from './outbox-transport';
import { OUTBOX_MESSAGE_DEAD, outboxMessageDead } from './outbox.events';

const MAX_BACKOFF_MS = 10 * 60_000;

/** Exponential backoff with ±20 % jitter: 1 s, 2 s, 4 s … (for a 1 s base), capped at ten minutes. */
export function retryDelayMs(attempt: number, baseMs = 1000, random: () => number = Math.random): number {
  const base = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Hands one claimed message to its consumer and records the outcome on the row. */
@Injectable()
export class OutboxDelivery {
  private readonly logger = new Logger('Outbox');
  private readonly doneMarks = new DoneMarks(() => this.systemEm());

  constructor(
    private readonly orm: MikroORM,
    private readonly consumers: OutboxConsumers,
  ) {}

  /** A fork that background work may use: not tied to a request, and not narrowed to any store. */
  systemEm(): EntityManager {
    return systemEntityManager(this.orm);
  }

  /**
   * `message` is the row as claimed; marking it done, for retry or dead checks it is still ours
   * (status processing). A delivered message keeps the error of its last failed attempt, for support questions.
   */
  async deliver(message: ClaimedMessage, policy: { maxAttempts: number; retryBaseMs: number }): Promise<void> {
    const em = this.systemEm();
    const consumer = this.consumers.get(message.consumer);
    if (!consumer) {
      await this.bury(em, message, `No consumer named "${message.consumer}" in this version`);
      return;
    }
    try {
      // A commit's nudge starts deliveries inside that transaction's async context; MikroORM
      // prefers a transaction context over a request context, so both are set to a fresh manager.
      const context = this.systemEm();
      await TransactionContext.create(context, () =>
        RequestContext.create(context, () =>
          consumer.handle(
            { type: message.eventType, payload: message.payload, storeId: message.storeId ?? undefined },
            { messageId: message.id, attempt: message.attempts },
          ),
        ),
      );
      await this.doneMarks.mark(message.id);
      outboxDelivered.inc({ consumer: message.consumer });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof PermanentDeliveryError;
      if (permanent || message.attempts >= policy.maxAttempts) {
        this.logger.error(`${message.consumer} gave up on ${message.id} after ${message.attempts} attempt(s): ${reason}`);
        await this.bury(em, message, reason);
        outboxDead.inc({ consumer: message.consumer });
      } else {
        this.logger.warn(`${message.consumer} failed on ${message.id} (attempt ${message.attempts}): ${reason}`);
        await em.nativeUpdate(
          OutboxMessage,
          { id: message.id, status: OutboxStatus.PROCESSING },
          {
            status: OutboxStatus.PENDING,
            lockedUntil: null,
            lastError: reason,
            availableAt: new Date(Date.now() + retryDelayMs(message.attempts, policy.retryBaseMs)),
          },
        );
        outboxFailed.inc({ consumer: message.consumer });
      }
    }
  }

  /**
   * Dead-letters a message and, in the same transaction, publishes `OutboxMessageDead` to whoever
   * listens (staff alerts). A dead `OutboxMessageDead` delivery announces nothing, so alerts never loop.
   */
  private async bury(em: EntityManager, message: ClaimedMessage, error: string): Promise<void> {
    await em.transactional(async (tx) => {
      const moved = await tx.nativeUpdate(
        OutboxMessage,
        { id: message.id, status: OutboxStatus.PROCESSING },
        { status: OutboxStatus.DEAD, lockedUntil: null, processedAt: new Date(), lastError: error },
      );
      if (moved !== 1 || message.eventType === OUTBOX_MESSAGE_DEAD) return;
      const event = outboxMessageDead({
        messageId: message.id,
        eventType: message.eventType,
        consumer: message.consumer,
        storeId: message.storeId,
        attempts: message.attempts,
        lastError: error,
        at: new Date().toISOString(),
      });
      for (const consumer of this.consumers.recipientsOf(event)) {
        tx.persist(Object.assign(new OutboxMessage(), { eventType: event.type, consumer: consumer.name, payload: event.payload, storeId: message.storeId }));
      }
    });
  }
}
