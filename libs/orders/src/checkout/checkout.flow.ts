import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { CatalogService, PricedCart } from '@kassa/catalog';
import { InventoryService } from '@kassa/inventory';
import { PaymentLine, PaymentsService, PaymentSummary, ProviderStart, StartPayment } from '@kassa/payments';
import { EventPublisher, insertStatement, OutboxMessage } from '@kassa/platform';
import { CommonError, FieldProblem, isEmailAddress, KassaError, localDateTime, normalisePhone, vatBreakdown, vatOfGross } from '@kassa/shared';
import { SlotHoldResult, SlotsService } from '@kassa/slots';
import { StoresService } from '@kassa/stores';
import { CheckoutDto } from '../dto/checkout.dto';
import { OrderLine } from '../entities/order-line.entity';
import { OrderTransition } from '../entities/order-transition.entity';
import { Order } from '../entities/order.entity';
import { customerView } from '../order-views';
import { PAYMENT_NOT_STARTED } from '../orders.events';
import { OrdersService, OrderStep, SYSTEM } from '../orders.service';
import { orderNumber } from '../rules/order-number';
import { newPickupCode } from '../rules/pickup-pass';
import { FlowStep, runFlow } from './flow';
import { IdempotencyKeys } from './idempotency';

/** Slot and stock holds outlive the order's payment deadline a little, so a payment made just in time still finds them. */
const HOLD_GRACE_SECONDS = 120;

/** The checkout's answer as sent: the replay of a key sends these same bytes. */
export interface CheckoutAnswer {
  readonly status: number;
  readonly body: string;
  readonly orderId: string | null;
  readonly replayed: boolean;
}

/**
 * A placed order whose payment is still to be opened with a provider reached over the network.
 * Its Idempotency-Key stays claimed, unanswered, until `finish` (or `abandon`) records the outcome.
 */
export interface PendingPayment {
  readonly key: string;
  readonly orderId: string;
  readonly paymentId: string;
  readonly start: StartPayment;
  readonly timeZone: string;
}

export type PlaceOutcome = { readonly answer: CheckoutAnswer } | { readonly pending: PendingPayment };

interface Customer {
  readonly name: string;
  readonly email: string | null;
  readonly phone: string | null;
}

/** What the steps learn and hand on. */
interface Checkout {
  readonly orderId: string;
  readonly request: CheckoutDto;
  readonly key: string;
  readonly organisationId: string;
  readonly timeZone: string;
  /** Swish e-commerce: the number Swish asks to pay, E.164. */
  readonly payerPhone: string | null;
  cart?: PricedCart;
  start?: StartPayment;
  /** The payment waits for its provider, contacted after this transaction. */
  remote?: boolean;
  items?: number;
  kitchenMinutes?: number;
  slot?: SlotHoldResult;
  payment?: PaymentSummary;
}

/**
 * The storefront checkout: price the cart → hold the slot → reserve the stock → start the
 * payment → record the order, in the caller's transaction. Every step that holds something has
 * its undo, so a failure anywhere leaves nothing held; the first successful answer is kept under
 * the Idempotency-Key and replayed byte for byte.
 */
@Injectable()
export class CheckoutFlow {
  private readonly logger = new Logger('Checkout');

  constructor(
    private readonly em: EntityManager,
    private readonly keys: IdempotencyKeys,
    private readonly stores: StoresService,
    private readonly catalog: CatalogService,
    private readonly slots: SlotsService,
    private readonly inventory: InventoryService,
    private readonly payments: PaymentsService,
    private readonly orders: OrdersService,
    private readonly events: EventPublisher,
  ) {}

  /**
   * In the caller's transaction: claims the key, holds slot and stock, records the order and its
   * payment. With a provider in this process the answer is complete; with one reached over the
   * network the caller commits, then `contact`s it, then records the outcome with `finish` or
   * `abandon`, each in a transaction of its own — so no slot, stock or number row is locked while
   * a provider takes its time.
   */
  async place(rawKey: string | undefined, request: CheckoutDto): Promise<PlaceOutcome> {
    const key = IdempotencyKeys.check(rawKey);
    const customer = customerOf(request);
    const payerPhone = payerPhoneOf(request);
    const pickupProblem = pickupProblemOf(request);
    if (pickupProblem) throw CommonError.validation([pickupProblem]);

    const claim = await this.keys.claim(key, IdempotencyKeys.hash(request));
    if (claim.kind === 'replay') return { answer: { status: claim.status, body: claim.body, orderId: null, replayed: true } };

    const store = await this.stores.get(request.storeId);
    const checkout: Checkout = { orderId: randomUUID(), request, key, organisationId: store.organisationId, timeZone: store.timezone, payerPhone };
    await runFlow('checkout', this.steps(), checkout, this.logger);
    const { order, lines } = await this.record(checkout, customer);
    if (checkout.remote && checkout.payment && checkout.start) {
      return { pending: { key, orderId: order.id, paymentId: checkout.payment.id, start: checkout.start, timeZone: store.timezone } };
    }
    return { answer: await this.answer(key, order, lines, checkout.payment ?? null, store.timezone) };
  }

  /** Outside any transaction: asks the provider to open the payment. */
  contact(pending: PendingPayment): Promise<ProviderStart> {
    return this.payments.contact(pending.paymentId, pending.start);
  }

  /** In a transaction after `contact`: the payment is pending with the provider's next step, and the key gets its answer. */
  async finish(pending: PendingPayment, opened: ProviderStart): Promise<CheckoutAnswer> {
    const payment = await this.payments.opened(pending.paymentId, opened);
    const order = await this.em.findOneOrFail(Order, { id: pending.orderId });
    const lines = await this.em.find(OrderLine, { orderId: order.id }, { orderBy: { position: 'ASC' } });
    return this.answer(pending.key, order, lines, payment, pending.timeZone);
  }

  /**
   * In a transaction after a failed `contact`: the order is called off (slot, stock and payment
   * given back) and the key released, so the customer's retry with it runs afresh — as a
   * checkout refused inside its transaction leaves no key either.
   */
  async abandon(pending: PendingPayment, error: unknown): Promise<void> {
    const why = error instanceof Error ? error.message : String(error);
    await this.orders.act(pending.orderId, 'cancel', SYSTEM, `${PAYMENT_NOT_STARTED}: ${why}`.slice(0, 500));
    await this.keys.release(pending.key);
  }

  private async answer(key: string, order: Order, lines: OrderLine[], payment: PaymentSummary | null, timeZone: string): Promise<CheckoutAnswer> {
    const body = JSON.stringify(customerView(order, lines, payment, this.orders.signer.orderToken(order.id), timeZone));
    await this.keys.complete(key, order.id, 201, body);
    return { status: 201, body, orderId: order.id, replayed: false };
  }

  private steps(): FlowStep<Checkout>[] {
    const holdSeconds = this.orders.options.holdTtlSeconds + HOLD_GRACE_SECONDS;
    return [
      {
        name: 'price the cart',
        run: async (c) => {
          const lines = c.request.items.map((i) => ({ productId: i.productId, quantity: i.quantity, modifierOptionIds: i.modifierOptionIds ?? [] }));
          c.cart = await this.catalog.priceLines(c.request.storeId, lines, { channel: 'online' });
          c.items = c.cart.lines.reduce((sum, l) => sum + l.quantity, 0);
          c.kitchenMinutes = c.cart.lines.reduce((sum, l) => sum + l.prepMinutes, 0);
        },
      },
      {
        name: 'hold the slot',
        run: async (c) => {
          const load = { items: c.items ?? 0, kitchenMinutes: c.kitchenMinutes ?? 0 };
          const { slotStart } = c.request.pickup;
          c.slot = await withRequestFields(() =>
            slotStart !== undefined
              ? this.slots.reserve(c.request.storeId, c.orderId, { ...load, slotStart }, holdSeconds)
              : this.slots.reserveEarliest(c.request.storeId, c.orderId, load, holdSeconds),
          );
        },
        undo: (c) => this.slots.release(c.orderId),
      },
      {
        name: 'reserve the stock',
        run: async (c) => {
          const lines = (c.cart?.lines ?? []).map((l) => ({ productId: l.productId, name: l.nameSv, quantity: l.quantity }));
          await this.inventory.reserve(c.request.storeId, c.orderId, lines, holdSeconds);
        },
        undo: (c) => this.inventory.release(c.orderId),
      },
      {
        name: 'start the payment',
        run: async (c) => {
          c.start = {
            orderId: c.orderId,
            storeId: c.request.storeId,
            organisationId: c.organisationId,
            method: c.request.payment.method,
            amount: c.cart?.total.amount ?? 0,
            currency: c.cart?.currency ?? 'SEK',
            idempotencyKey: c.key,
            lines: c.cart ? paymentLinesOf(c.cart, c.request.locale) : undefined,
            ...(c.payerPhone ? { payerPhone: c.payerPhone } : {}),
          };
          const opened = await this.payments.open(c.start);
          c.payment = opened.payment;
          c.remote = opened.remote;
        },
        undo: async (c) => {
          if (c.payment) await this.payments.cancel(c.payment.id);
        },
      },
    ];
  }

  /** Writes the order, its lines and its first timeline step; pay-in-store orders keep their holds for good. */
  private async record(c: Checkout, customer: Customer): Promise<{ order: Order; lines: OrderLine[] }> {
    const cart = c.cart;
    const slot = c.slot;
    if (!cart || !slot) throw new Error('checkout recorded before pricing and holding');
    const payInStore = c.request.payment.method === 'in_store';
    const businessDate = localDateTime(Date.now(), c.timeZone).date;
    const vat = vatBreakdown(
      cart.lines.map((l) => ({ gross: l.lineTotal, rate: l.vatRate })),
      cart.currency,
    ).map((row) => ({ rate: row.rate, base: row.base.amount, amount: row.amount.amount }));

    // Not managed: written below with its lines in one statement, not by the flush.
    const order = Object.assign(new Order(), {
      id: c.orderId,
      organisationId: c.organisationId,
      storeId: c.request.storeId,
      number: orderNumber(await this.nextNumber(c.request.storeId, businessDate)),
      businessDate,
      status: 'pending_payment',
      pickupStart: new Date(slot.slotStart),
      pickupEnd: new Date(slot.slotEnd),
      asap: c.request.pickup.asap === true,
      customerName: customer.name,
      customerEmail: customer.email,
      customerPhone: customer.phone,
      locale: c.request.locale ?? 'sv',
      currency: cart.currency,
      subtotal: cart.total.amount,
      discount: 0,
      total: cart.total.amount,
      vat,
      itemCount: c.items ?? 0,
      kitchenMinutes: c.kitchenMinutes ?? 0,
      paymentMethod: c.request.payment.method,
      paymentId: c.payment?.id ?? null,
      holdExpiresAt: payInStore ? null : new Date(Date.now() + this.orders.options.holdTtlSeconds * 1000),
      pickupCode: newPickupCode(),
      pickupCodeFailures: 0,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    const lines = cart.lines.map((l, position) =>
      Object.assign(new OrderLine(), {
        orderId: order.id,
        position,
        productId: l.productId,
        sku: l.sku,
        nameSv: l.nameSv,
        nameEn: l.nameEn,
        categoryId: l.category?.id ?? null,
        quantity: l.quantity,
        unitPrice: l.unitPrice.amount,
        lineTotal: l.lineTotal.amount,
        vatRate: l.vatRate,
        modifiers: l.modifiers.map((m) => ({ groupId: m.groupId, optionId: m.optionId, nameSv: m.nameSv, nameEn: m.nameEn, priceDelta: m.priceDelta.amount })),
        note: c.request.items[position]?.note?.trim() || null,
        prepMinutes: l.prepMinutes,
      }),
    );
    if (payInStore) {
      // Nothing to wait for: the slot and the stock are the customer's until pickup.
      await this.slots.confirm(order.id);
      await this.inventory.commit(order.id);
    }
    await this.insert(order, lines, await this.orders.placed(order, lines, { kind: 'customer', id: null, name: customer.name }));
    return { order, lines };
  }

  /**
   * The order, its lines, its first timeline step and its OrderPlaced outbox rows in one round
   * trip, where the unit of work would send a statement for each table (and compute change sets
   * for entities nothing changes afterwards).
   */
  private async insert(order: Order, lines: readonly OrderLine[], placed: OrderStep): Promise<void> {
    const outbox = this.events.rowsFor(placed.event);
    const rows = [
      insertStatement(this.em, OrderLine, lines),
      insertStatement(this.em, OrderTransition, [placed.transition]),
      ...(outbox.length > 0 ? [insertStatement(this.em, OutboxMessage, outbox)] : []),
    ];
    const orderRow = insertStatement(this.em, Order, [order]);
    await this.em.execute(
      `with ${rows.map((r, i) => `written${i} as (${r.sql})`).join(', ')} ${orderRow.sql}`,
      [...rows.flatMap((r) => r.params), ...orderRow.params],
      'run',
    );
    if (outbox.length > 0) this.events.written(this.em, outbox);
  }

  /** The next number of the store's day. Taken after every other step, so the counter row stays locked only while the order is written and committed. */
  private async nextNumber(storeId: string, businessDate: string): Promise<number> {
    const [row] = await this.em.execute<Array<{ last: number }>>(
      `insert into order_number (store_id, business_date, last) values (?, ?, 1)
       on conflict (store_id, business_date) do update set last = order_number.last + 1
       returning last`,
      [storeId, businessDate],
    );
    return Number(row.last);
  }
}

function pickupProblemOf(request: CheckoutDto): FieldProblem | null {
  const { slotStart, asap } = request.pickup;
  if (slotStart !== undefined && asap === true) return { field: 'pickup', reason: 'give either slotStart or asap, not both' };
  if (slotStart === undefined && asap !== true) return { field: 'pickup', reason: 'must have a slotStart or asap: true' };
  return null;
}

/** Swish's payer number, in E.164; only Swish asks for one. */
function payerPhoneOf(request: CheckoutDto): string | null {
  const raw = request.payment.payerPhone?.trim() || null;
  if (raw === null) return null;
  if (request.payment.method !== 'swish') throw CommonError.validation([{ field: 'payment.payerPhone', reason: 'is only used with the swish method' }]);
  const outcome = normalisePhone(raw);
  if (!outcome.ok) throw CommonError.validation([{ field: 'payment.payerPhone', reason: outcome.reason }]);
  return outcome.e164;
}

/** The cart as a provider shows it to the customer (Klarna): names in the order's language, VAT per line. */
function paymentLinesOf(cart: PricedCart, locale: string | undefined): PaymentLine[] {
  return cart.lines.map((line) => ({
    name: locale === 'en' ? line.nameEn : line.nameSv,
    quantity: line.quantity,
    unitPrice: line.unitPrice.amount,
    totalAmount: line.lineTotal.amount,
    taxRate: line.vatRate,
    totalTaxAmount: vatOfGross(line.lineTotal, line.vatRate).amount,
  }));
}

/** A name and at least one contact the customer gave; the phone in E.164. */
function customerOf(request: CheckoutDto): Customer {
  const problems: FieldProblem[] = [];
  const name = request.customer.name.trim();
  if (name === '') problems.push({ field: 'customer.name', reason: 'must not be empty' });
  const email = request.customer.email?.trim() || null;
  if (email !== null && !isEmailAddress(email)) problems.push({ field: 'customer.email', reason: 'must be an email address, e.g. namn@example.se' });
  const rawPhone = request.customer.phone?.trim() || null;
  let phone: string | null = null;
  if (rawPhone !== null) {
    const outcome = normalisePhone(rawPhone);
    if (outcome.ok) phone = outcome.e164;
    else problems.push({ field: 'customer.phone', reason: outcome.reason });
  }
  if (email === null && rawPhone === null) problems.push({ field: 'customer', reason: 'needs an email address or a phone number for the order’s messages' });
  if (problems.length > 0) throw CommonError.validation(problems);
  return { name, email: email?.toLowerCase() ?? null, phone };
}

/** Slots name their own inputs (`slotStart`, `asap`); the client sent them under `pickup`. */
async function withRequestFields<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof KassaError) || error.details.length === 0) throw error;
    const rename: Record<string, string> = { slotStart: 'pickup.slotStart', asap: 'pickup.asap' };
    const copy = Object.create(Object.getPrototypeOf(error) as object) as KassaError;
    Object.assign(copy, error, { details: error.details.map((d) => ({ field: rename[d.field] ?? d.field, reason: d.reason })) });
    Object.defineProperty(copy, 'message', { value: error.message, writable: true, configurable: true });
    Object.defineProperty(copy, 'stack', { value: error.stack, writable: true, configurable: true });
    throw copy;
  }
}
