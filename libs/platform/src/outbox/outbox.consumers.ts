import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@kassa/shared';

export interface DeliveryContext {
  /** Stable across retries of this delivery: use it as the idempotency key of any side effect. */
  readonly messageId: string;
  readonly attempt: number;
}

export interface OutboxConsumer<Payload extends object = object> {
  /** Unique, stable name: it is stored with each message (`printing.order-paid`). */
  readonly name: string;
  readonly eventType: string;
  /**
   * Whether this consumer has anything to do for the event, asked when the event is published: a
   * consumer that would ignore it gets no row, so nothing is claimed, delivered or marked for it.
   * Decide from the payload alone. Without it, every event of `eventType` is delivered.
   */
  readonly wants?: (payload: Payload) => boolean;
  handle(event: DomainEvent<Payload>, context: DeliveryContext): Promise<void>;
}

/** A failure that retrying cannot fix (a rejected address, a 4xx): go straight to dead-letter. */
export class PermanentDeliveryError extends Error {}

/** Who listens to which event. Libs register their consumers when their module starts. */
@Injectable()
export class OutboxConsumers {
  private readonly byName = new Map<string, OutboxConsumer>();

  register<Payload extends object>(consumer: OutboxConsumer<Payload>): void {
    if (this.byName.has(consumer.name)) {
      throw new Error(`Outbox consumer "${consumer.name}" is registered twice`);
    }
    this.byName.set(consumer.name, consumer as unknown as OutboxConsumer);
  }

  forEvent(eventType: string): OutboxConsumer[] {
    return [...this.byName.values()].filter((c) => c.eventType === eventType);
  }

  /** The consumers that get a row for this event: those of its type that want it. */
  recipientsOf(event: DomainEvent): OutboxConsumer[] {
    return this.forEvent(event.type).filter((c) => c.wants?.(event.payload) ?? true);
  }

  get(name: string): OutboxConsumer | undefined {
    return this.byName.get(name);
  }
}
