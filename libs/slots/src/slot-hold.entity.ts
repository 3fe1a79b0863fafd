import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { StoreScoped } from '@kassa/shared';

export const SLOT_HOLD_STATUSES = ['active', 'confirmed', 'released', 'expired'] as const;
export type SlotHoldStatus = (typeof SLOT_HOLD_STATUSES)[number];

/** A slot kept for an order: active until paid (confirmed), released, or past its TTL. */
@Entity({ tableName: 'slot_hold' })
@StoreScoped()
@Index({ properties: ['storeId', 'slotStart', 'status'] })
@Index({ properties: ['status', 'expiresAt'] })
export class SlotHold {
  /** Chosen by the caller (the order's id), so reserving again with it is a no-op. */
  @PrimaryKey({ type: 'string', length: 100 })
  holdId!: string;

  @Property({ type: 'uuid' })
  storeId!: string;

  @Property({ type: 'timestamptz' })
  slotStart!: Date;

  @Property({ type: 'timestamptz' })
  slotEnd!: Date;

  @Enum({ items: () => [...SLOT_HOLD_STATUSES] })
  status: SlotHoldStatus = 'active';

  @Property({ type: 'integer' })
  orders = 1;

  @Property({ type: 'integer' })
  items = 0;

  @Property({ type: 'integer' })
  kitchenMinutes = 0;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;
}
