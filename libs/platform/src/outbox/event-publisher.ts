import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent } from '@kassa/shared';
import { OutboxConsumers } from './outbox.consumers';
import { OutboxDispatcher } from './outbox-dispatcher';
import { OutboxMessage } from './outbox-message.entity';

/**
 * Publishes a domain event by writing one outbox row per consumer that wants it into the current
 * unit of work. Nothing leaves the process until the caller's transaction commits; a rollback publishes nothing.
 */
@Injectable()
export class EventPublisher {
  constructor(
    private readonly em: EntityManager,
    private readonly consumers: OutboxConsumers,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  publish(event: DomainEvent): void {
    for (const message of this.rowsFor(event)) this.em.persist(message);
  }

  /**
   * The rows `publish` would add, for a caller that writes them itself — in one statement with
   * its own rows (`insertStatement`) — and then calls `written`.
   */
  rowsFor(event: DomainEvent): OutboxMessage[] {
    return this.consumers.recipientsOf(event).map((consumer) => {
      const message = Object.assign(new OutboxMessage(), { eventType: event.type, consumer: consumer.name, payload: event.payload, storeId: event.storeId ?? null });
      this.dispatcher.claimAtBirth(message, this.em);
      return message;
    });
  }

  /** `rows` (from `rowsFor`) were written outside the unit of work through `em`: delivered when its transaction commits. */
  written(em: EntityManager, rows: readonly OutboxMessage[]): void {
    this.dispatcher.noteWritten(em, rows);
  }
}
