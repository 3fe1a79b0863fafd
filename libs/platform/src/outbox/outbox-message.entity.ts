import { Entity, Index, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { newId, StoreScoped } from '@kassa/shared';

export enum OutboxStatus {
  PENDING = 'pending',
  PROCESSING = 'processing',
  DONE = 'done',
  DEAD = 'dead',
}

/**
 * One delivery of one domain event to one consumer, written in the transaction that made the
 * event true. Rows are the source of truth for retries; queues only carry "go" signals.
 */
@Entity({ tableName: 'outbox_message' })
@StoreScoped()
@Index({ properties: ['status', 'availableAt'] })
export class OutboxMessage {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'string', length: 100 })
  eventType!: string;

  @Property({ type: 'string', length: 100 })
  consumer!: string;

  @Property({ type: 'json' })
  payload!: object;

  @Property({ type: 'uuid', nullable: true })
  storeId: string | null = null;

  @Enum({ items: () => OutboxStatus })
  status: OutboxStatus = OutboxStatus.PENDING;

  @Property({ type: 'integer' })
  attempts = 0;

  @Property({ type: 'timestamptz' })
  availableAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  processedAt: Date | null = null;
}
