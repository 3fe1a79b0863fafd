import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { newId, StoreScoped } from '@kassa/shared';

/** One order line given back in a refund, with the money it stood for. */
export interface RefundedLine {
  readonly lineId: string;
  readonly quantity: number;
  /** Minor units, VAT and options included. */
  readonly amount: number;
}

/**
 * Money given back for an order from the admin: how much, for which lines, why, by whom, and
 * whether the goods went back on the shelf. Never updated; the payment's own log is in payments.
 */
@Entity({ tableName: 'order_refund' })
@StoreScoped()
@Index({ properties: ['orderId', 'createdAt'] })
export class OrderRefund {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  orderId!: string;

  @Property({ type: 'uuid' })
  storeId!: string;

  @Property({ type: 'uuid' })
  paymentId!: string;

  /** Minor units. */
  @Property({ type: 'integer' })
  amount!: number;

  @Property({ type: 'character', length: 3 })
  currency!: string;

  /** Empty for a refund of an amount rather than of lines. */
  @Property({ type: 'json' })
  lines: RefundedLine[] = [];

  @Property({ type: 'string', length: 500 })
  reason!: string;

  @Property({ type: 'boolean' })
  restocked = false;

  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  actorName: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
