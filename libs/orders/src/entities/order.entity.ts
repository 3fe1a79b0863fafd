import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { StoreScoped } from '@kassa/shared';
import { ORDER_STATUSES, OrderStatus } from '../rules/order-state-machine';

export const ORDER_LOCALES = ['sv', 'en'] as const;
export type OrderLocale = (typeof ORDER_LOCALES)[number];

/** One VAT rate's share of an order, as a Swedish receipt shows it. */
export interface OrderVatRow {
  /** Basis points: 1200 = 12 %. */
  readonly rate: number;
  readonly base: number;
  readonly amount: number;
}

/**
 * A customer's order at a store. Prices, VAT and prep time are copied from the catalogue at
 * checkout, so later catalogue changes never rewrite what was sold. The id is the hold id of
 * the order's slot and stock reservations.
 */
@Entity({ tableName: 'orders' })
@StoreScoped()
@Unique({ properties: ['storeId', 'businessDate', 'number'] })
@Index({ properties: ['storeId', 'pickupStart'] })
@Index({ properties: ['storeId', 'status', 'pickupStart'] })
@Index({ properties: ['status', 'holdExpiresAt'] })
@Index({ properties: ['status', 'pickupEnd'] })
export class Order {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  storeId!: string;

  /** `A-042`: short enough to call out at the counter; unique per store and business day. */
  @Property({ type: 'string', length: 8 })
  number!: string;

  /** The store's local date when the order was placed (YYYY-MM-DD). */
  @Property({ type: 'date' })
  businessDate!: string;

  @Enum({ items: () => [...ORDER_STATUSES] })
  status: OrderStatus = 'pending_payment';

  @Property({ type: 'timestamptz' })
  pickupStart!: Date;

  @Property({ type: 'timestamptz' })
  pickupEnd!: Date;

  /** The customer asked for "as soon as possible"; pickupStart is the earliest slot that fitted. */
  @Property({ type: 'boolean' })
  asap = false;

  @Property({ type: 'string', length: 100 })
  customerName!: string;

  @Property({ type: 'string', length: 254, nullable: true })
  customerEmail: string | null = null;

  /** E.164. */
  @Property({ type: 'string', length: 16, nullable: true })
  customerPhone: string | null = null;

  @Enum({ items: () => [...ORDER_LOCALES] })
  locale: OrderLocale = 'sv';

  @Property({ type: 'string', length: 3 })
  currency!: string;

  /** Minor units, VAT included, before discounts. */
  @Property({ type: 'integer' })
  subtotal!: number;

  @Property({ type: 'integer' })
  discount = 0;

  @Property({ type: 'integer' })
  total!: number;

  @Property({ type: 'json' })
  vat: OrderVatRow[] = [];

  @Property({ type: 'integer' })
  itemCount!: number;

  @Property({ type: 'integer' })
  kitchenMinutes!: number;

  @Property({ type: 'string', length: 20 })
  paymentMethod!: string;

  @Property({ type: 'uuid', nullable: true })
  paymentId: string | null = null;

  /** When an unpaid order gives its slot and stock back; null once paid or for pay-in-store. */
  @Property({ type: 'timestamptz', nullable: true })
  holdExpiresAt: Date | null = null;

  /** The 6-character code the customer shows at the counter. */
  @Property({ type: 'string', length: 6 })
  pickupCode!: string;

  /** Wrong codes typed at hand-over; past the limit only the QR pass hands the order over. */
  @Property({ type: 'integer' })
  pickupCodeFailures = 0;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
