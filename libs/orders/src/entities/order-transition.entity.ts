import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '@kassa/shared';
import { ActorKind, ORDER_STATUSES, OrderStatus } from '../rules/order-state-machine';

/** One step of an order's life: who moved it, when, from what to what. Never updated. */
@Entity({ tableName: 'order_transition' })
@Index({ properties: ['orderId', 'at'] })
export class OrderTransition {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  orderId!: string;

  /** Null for the order's creation. */
  @Enum({ items: () => [...ORDER_STATUSES], nullable: true })
  fromStatus: OrderStatus | null = null;

  @Enum({ items: () => [...ORDER_STATUSES] })
  toStatus!: OrderStatus;

  @Property({ type: 'string', length: 10 })
  actorKind!: ActorKind;

  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  actorName: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  reason: string | null = null;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();
}
