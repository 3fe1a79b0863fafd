import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A checkout's `Idempotency-Key` and the answer it got, written in the transaction that created
 * the order: a retry with the same key and body gets these bytes back, even after a restart.
 * Refused checkouts leave no row (nothing was held, so running them again is safe).
 */
@Entity({ tableName: 'idempotency_key' })
@Index({ properties: ['expiresAt'] })
export class IdempotencyKey {
  @PrimaryKey({ type: 'string', length: 255 })
  key!: string;

  /** SHA-256 of the request body in canonical JSON. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  @Property({ type: 'integer', nullable: true })
  responseStatus: number | null = null;

  @Property({ type: 'text', nullable: true })
  responseBody: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
