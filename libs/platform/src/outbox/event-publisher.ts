import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent } from '@kassa/shared';
import { OutboxConsumers } from './outbox.consumers';
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
  ) {}

  publish(event: DomainEvent): void {
    for (const consumer of this.consumers.recipientsOf(event)) {
      const message = new OutboxMessage();
      message.eventType = event.type;
      message.consumer = consumer.name;
      message.payload = event.payload;
      message.storeId = event.storeId ?? null;
      this.em.persist(message);
    }
  }
}
