import { Inject, Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { InventoryService } from '@kassa/inventory';
import { PaymentsService } from '@kassa/payments';
import { EventPublisher } from '@kassa/platform';
import { DomainEvent, formatInZone } from '@kassa/shared';
import { SlotsService } from '@kassa/slots';
import { StoresService } from '@kassa/stores';
import { OrderLine } from './entities/order-line.entity';
import { OrderTransition } from './entities/order-transition.entity';
import { Order } from './entities/order.entity';
import { orderEvent, OrderEventPayload } from './orders.events';
import { OrdersError, OrdersErrorCode } from './orders.errors';
import { ORDERS_OPTIONS, OrdersOptions } from './orders.options';
import { ActorKind, nextStatus, OrderAction, OrderStatus } from './rules/order-state-machine';
import { normalisePickupCode, OrderSigner, sameCode } from './rules/pickup-pass';

/** Who moves an order, as the timeline shows it. */
export interface OrderActor {
  readonly kind: ActorKind;
  readonly id: string | null;
  readonly name: string | null;
}

export const SYSTEM: OrderActor = { kind: 'system', id: null, name: null };

/** What proves the customer is at the counter: the code they show or the QR pass scanned. */
export interface PickupProof {
  readonly code?: string;
  readonly qr?: string;
}

/** Wrong codes typed for one order before only its QR pass can hand it over. */
export const MAX_PICKUP_CODE_FAILURES = 5;

/** The part of an order a queued message is checked against when it is sent. */
export type OrderNotificationState = Pick<OrderForNotification, 'status' | 'paymentMethod' | 'pickupEnd' | 'pass'>;

/** What a message to the customer shows beyond the event: priced lines, the pickup code, the status-page token and the QR pass. */
export interface OrderForNotification {
  readonly id: string;
  readonly organisationId: string;
  readonly storeId: string;
  readonly number: string;
  readonly status: OrderStatus;
  readonly pickupStart: Date;
  readonly pickupEnd: Date;
  readonly asap: boolean;
  readonly customer: { readonly name: string; readonly email: string | null; readonly phone: string | null };
  readonly locale: string;
  readonly currency: string;
  readonly total: number;
  readonly paymentMethod: string;
  /** Names in the order's language; options are the chosen modifiers. */
  readonly lines: ReadonlyArray<{ readonly name: string; readonly options: string[]; readonly quantity: number; readonly lineTotal: number; readonly note: string | null }>;
  readonly pickupCode: string;
  /** X-Order-Token for the status page. */
  readonly token: string;
  /** The QR payload of the pickup pass. */
  readonly pass: string;
}

/** An order as a printer needs it (printing): content, lines, and the pickup pass's QR payload. */
export interface OrderForPrinting {
  readonly id: string;
  readonly storeId: string;
  readonly number: string;
  readonly status: OrderStatus;
  readonly locale: 'sv' | 'en';
  readonly pickupStart: Date;
  readonly pickupEnd: Date;
  readonly customerName: string;
  readonly currency: string;
  readonly subtotal: number;
  readonly discount: number;
  readonly total: number;
  /** Per VAT rate (basis points), as on the receipt. */
  readonly vat: ReadonlyArray<{ readonly rate: number; readonly base: number; readonly amount: number }>;
  readonly paymentMethod: string;
  readonly pickupCode: string;
  /** The QR payload of the pickup pass. */
  readonly passToken: string;
  readonly createdAt: Date;
  readonly lines: ReadonlyArray<{
    readonly nameSv: string;
    readonly nameEn: string;
    readonly categoryId: string | null;
    readonly quantity: number;
    readonly lineTotal: number;
    readonly modifiers: ReadonlyArray<{ readonly nameSv: string; readonly nameEn: string }>;
    readonly note: string | null;
  }>;
}

/**
 * An order's lines as a JSON array in position order, for reads that fetch an order with its lines
 * in one statement (receipts, messages, events); `orderId` is the SQL for the order's id.
 */
function linesJson(orderId: string): string {
  return `coalesce((select json_agg(json_build_object('nameSv', l.name_sv, 'nameEn', l.name_en, 'categoryId', l.category_id, 'quantity', l.quantity,
                                                     'lineTotal', l.line_total, 'modifiers', l.modifiers, 'note', l.note) order by l.position)
                      from order_line l where l.order_id = ${orderId}), '[]')`;
}

/** Besides the order row, what its events carry: the store's time zone and each line's names, quantity and note. */
interface EventFacts {
  readonly timezone: string;
  readonly items: ReadonlyArray<{ readonly nameSv: string; readonly nameEn: string; readonly quantity: number; readonly note: string | null }>;
}

/** A move of an order as it is written: its timeline row and its event. */
export interface OrderStep {
  readonly transition: OrderTransition;
  readonly event: DomainEvent<OrderEventPayload>;
}

export type HandOverOutcome = { readonly ok: true; readonly order: Order } | { readonly ok: false; readonly error: OrdersError };

const ACTION_VERB: Readonly<Record<OrderAction, string>> = {
  pay: 'be paid',
  accept: 'be accepted',
  start: 'be started',
  ready: 'be marked ready',
  hand_over: 'be handed over',
  cancel: 'be cancelled',
  expire: 'expire',
  no_show: 'be marked as not collected',
  refund: 'be refunded in full',
};

/**
 * The order's life after checkout: every move goes through `act`, which asks the state machine,
 * does what the move means for slot, stock and payment, and records who did it, in the caller's
 * transaction, with the order row locked so two moves of one order run one after the other.
 */
@Injectable()
export class OrdersService {
  readonly signer: OrderSigner;

  constructor(
    private readonly em: EntityManager,
    private readonly stores: StoresService,
    private readonly slots: SlotsService,
    private readonly inventory: InventoryService,
    private readonly payments: PaymentsService,
    private readonly events: EventPublisher,
    @Inject(ORDERS_OPTIONS) readonly options: OrdersOptions,
  ) {
    this.signer = new OrderSigner(options.signingKey);
  }

  /** The order, if the caller may see it (staff: their stores); 404 otherwise. */
  async get(id: string): Promise<Order> {
    const order = await this.em.findOne(Order, { id });
    if (!order) throw OrdersError.notFound(id);
    return order;
  }

  /** The order for a customer holding its token; a wrong token looks exactly like a missing order. */
  async forCustomer(id: string, token: string | undefined): Promise<Order> {
    if (!this.signer.verifyOrderToken(id, token)) throw OrdersError.notFound(id);
    return this.get(id);
  }

  /**
   * The order with its lines and pickup pass, for receipts and kitchen tickets; 404 when it does
   * not exist. One statement, nothing hydrated: the lines come along as JSON. Being raw SQL it is
   * not narrowed to a caller's stores; its caller (printing, from the outbox) works unscoped anyway.
   */
  async forPrinting(orderId: string): Promise<OrderForPrinting> {
    type Row = Omit<OrderForPrinting, 'pickupStart' | 'pickupEnd' | 'createdAt' | 'passToken'> & Record<'pickupStart' | 'pickupEnd' | 'createdAt', string | Date>;
    const [row] = await this.em.execute<Row[]>(
      `select o.id, o.store_id as "storeId", o.number, o.status, o.locale, o.pickup_start as "pickupStart", o.pickup_end as "pickupEnd",
              o.customer_name as "customerName", o.currency, o.subtotal, o.discount, o.total, o.vat, o.payment_method as "paymentMethod",
              o.pickup_code as "pickupCode", o.created_at as "createdAt",
              ${linesJson('o.id')} as lines
         from orders o where o.id = ?`,
      [orderId],
    );
    if (!row) throw OrdersError.notFound(orderId);
    return {
      ...row,
      pickupStart: new Date(row.pickupStart),
      pickupEnd: new Date(row.pickupEnd),
      createdAt: new Date(row.createdAt),
      passToken: this.signer.passToken(row.id, row.pickupCode),
    };
  }

  lines(orderId: string): Promise<OrderLine[]> {
    return this.em.find(OrderLine, { orderId }, { orderBy: { position: 'ASC' } });
  }

  timeline(orderId: string): Promise<OrderTransition[]> {
    return this.em.find(OrderTransition, { orderId }, { orderBy: { at: 'ASC', id: 'ASC' } });
  }

  /** Moves an order: 409 INVALID_TRANSITION when the state machine says no. */
  async act(orderId: string, action: OrderAction, actor: OrderActor, reason: string | null = null): Promise<Order> {
    const order = await this.lock(orderId);
    const to = this.target(order, action, actor);
    await this.effectsOf(order, action, actor);
    return this.moveTo(order, to, actor, reason);
  }

  /**
   * Hands an order over when the code or the QR pass matches. A wrong code is not an exception
   * here: it is counted, and the count must be committed, so the caller commits and then throws.
   */
  async handOver(orderId: string, proof: PickupProof, actor: OrderActor): Promise<HandOverOutcome> {
    const order = await this.lock(orderId);
    const to = this.target(order, 'hand_over', actor);
    const refusal = this.checkProof(order, proof);
    if (refusal) return { ok: false, error: refusal };
    await this.effectsOf(order, 'hand_over', actor);
    return { ok: true, order: await this.moveTo(order, to, actor, null) };
  }

  /**
   * The first step of a new order and its OrderPlaced event, not written: the checkout writes them
   * with the order itself, in one statement (`EventPublisher.rowsFor` for the event). Called once.
   */
  async placed(order: Order, lines: readonly OrderLine[], actor: OrderActor): Promise<OrderStep> {
    // The checkout has read the store already: this get is answered from the unit of work.
    const { timezone } = await this.stores.get(order.storeId);
    const items = lines.map((l) => ({ nameSv: l.nameSv, nameEn: l.nameEn, quantity: l.quantity, note: l.note }));
    return this.stepOf(order, null, order.status, actor, null, { timezone, items });
  }

  /**
   * What due messages are checked against when they go out: each order's row, without its lines,
   * by id; one read for a whole batch of messages. An order that no longer exists is absent.
   */
  async notificationStates(orderIds: readonly string[]): Promise<Map<string, OrderNotificationState>> {
    if (orderIds.length === 0) return new Map();
    const orders = await this.em.find(Order, { id: { $in: [...orderIds] } }, { fields: ['status', 'paymentMethod', 'pickupEnd', 'pickupCode'] });
    return new Map(orders.map(({ id, status, paymentMethod, pickupEnd, pickupCode }) => [id, { status, paymentMethod, pickupEnd, pass: this.signer.passToken(id, pickupCode) }]));
  }

  /**
   * The order as a customer message needs it, or null when it does not exist. One statement: the
   * lines come along as JSON. Being raw SQL it is not narrowed to a caller's stores; its callers
   * (notifications, from the outbox) work unscoped anyway.
   */
  async forNotification(orderId: string): Promise<OrderForNotification | null> {
    const [row] = await this.em.execute<Array<Record<string, unknown>>>(
      `select o.*, ${linesJson('o.id')} as lines
         from orders o where o.id = ?`,
      [orderId],
    );
    if (!row) return null;
    const { lines: soldLines, ...columns } = row;
    const order = this.em.map(Order, columns);
    const en = order.locale === 'en';
    type SoldLine = { nameSv: string; nameEn: string; modifiers: Array<{ nameSv: string; nameEn: string }>; quantity: number; lineTotal: number; note: string | null };
    const lines = (soldLines as SoldLine[]).map((l) => ({
      name: en ? l.nameEn : l.nameSv,
      options: l.modifiers.map((m) => (en ? m.nameEn : m.nameSv)),
      quantity: l.quantity,
      lineTotal: l.lineTotal,
      note: l.note,
    }));
    const { id, organisationId, storeId, number, status, pickupStart, pickupEnd, asap, locale, currency, total, paymentMethod, pickupCode } = order;
    const customer = { name: order.customerName, email: order.customerEmail, phone: order.customerPhone };
    return { id, organisationId, storeId, number, status, pickupStart, pickupEnd, asap, customer, locale, currency, total, paymentMethod, lines, pickupCode, token: this.signer.orderToken(id), pass: this.signer.passToken(id, pickupCode) };
  }

  /** Orders of a store still to be handed out whose pickup window starts before `until` and has not ended at `now`. */
  async openOrdersPickingUpBefore(storeId: string, now: Date, until: Date): Promise<string[]> {
    const rows = await this.em.execute<Array<{ id: string }>>(
      `select id from orders
        where store_id = ? and pickup_start < ? and pickup_end > ?
          and (status in ('paid', 'accepted', 'preparing') or (status = 'pending_payment' and payment_method = 'in_store'))
        order by pickup_start limit 1000`,
      [storeId, until, now],
    );
    return rows.map((r) => r.id);
  }

  /** Unpaid orders whose hold ran out (pay-in-store orders have none). */
  async dueToExpire(limit: number): Promise<string[]> {
    const rows = await this.em.execute<Array<{ id: string }>>(
      `select id from orders where status = 'pending_payment' and hold_expires_at <= now() order by hold_expires_at limit ?`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /** Ready orders nobody collected within the pickup window plus the grace period. */
  async dueNoShows(limit: number): Promise<string[]> {
    const rows = await this.em.execute<Array<{ id: string }>>(
      `select id from orders where status = 'ready' and pickup_end + make_interval(mins => ?) <= now() order by pickup_end limit ?`,
      [this.options.noShowGraceMinutes, limit],
    );
    return rows.map((r) => r.id);
  }

  private async lock(id: string): Promise<Order> {
    const order = await this.em.findOne(Order, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!order) throw OrdersError.notFound(id);
    return order;
  }

  private target(order: Order, action: OrderAction, actor: OrderActor): OrderStatus {
    const to = nextStatus(order.status, action, { by: actor.kind, payInStore: order.paymentMethod === 'in_store' });
    if (!to) {
      throw new OrdersError(
        OrdersErrorCode.INVALID_TRANSITION,
        `Order ${order.number} is ${order.status.replace('_', ' ')} and cannot ${ACTION_VERB[action]}${actor.kind === 'customer' ? ' by the customer' : ''}`,
        [{ field: 'status', reason: `is ${order.status}` }],
      );
    }
    return to;
  }

  /** What a move means outside the order row: the slot, the stock and the money. */
  private async effectsOf(order: Order, action: OrderAction, actor: OrderActor): Promise<void> {
    switch (action) {
      case 'pay':
        if (order.holdExpiresAt && order.holdExpiresAt.getTime() <= Date.now()) {
          throw new OrdersError(OrdersErrorCode.ORDER_EXPIRED, `Order ${order.number} was not paid in time; its slot and stock were given back`);
        }
        await this.slots.confirm(order.id);
        await this.inventory.commit(order.id);
        order.holdExpiresAt = null;
        return;
      case 'accept':
        if (order.paymentId) await this.payments.captureAt(order.paymentId, 'accept');
        return;
      case 'hand_over':
        if (order.paymentMethod === 'in_store' && order.paymentId) await this.payments.collectInStore(order.paymentId, actor.id ?? 'system');
        else if (order.paymentId) await this.payments.captureAt(order.paymentId, 'handover');
        return;
      case 'cancel':
      case 'expire':
        await this.giveBack(order);
        return;
      default:
        return;
    }
  }

  /**
   * Gives back what an order held. Unpaid: slot, stock and the started payment. Paid (or taken
   * to pay in store): the slot, and the money is refunded; the stock stays sold, because the
   * goods may already be made (a return to stock is a manual movement).
   */
  private async giveBack(order: Order): Promise<void> {
    await this.slots.release(order.id);
    const unpaid = order.status === 'pending_payment';
    if (unpaid && order.holdExpiresAt !== null) await this.inventory.release(order.id);
    if (order.paymentId) {
      if (unpaid) await this.payments.cancel(order.paymentId);
      else await this.payments.refund(order.paymentId, 'Order cancelled');
    }
    order.holdExpiresAt = null;
  }

  private checkProof(order: Order, proof: PickupProof): OrdersError | null {
    if (proof.qr !== undefined) {
      if (this.signer.verifyPassToken(proof.qr, order.id, order.pickupCode)) return null;
      return OrdersError.field(OrdersErrorCode.PICKUP_CODE_INVALID, 'qr', 'is not the pickup pass of this order');
    }
    if (proof.code === undefined) {
      return OrdersError.field(OrdersErrorCode.PICKUP_CODE_INVALID, 'code', 'the pickup code (or the scanned pass) is required to hand an order over');
    }
    if (order.pickupCodeFailures >= MAX_PICKUP_CODE_FAILURES) {
      return OrdersError.field(OrdersErrorCode.PICKUP_CODE_LOCKED, 'code', `was typed wrong ${order.pickupCodeFailures} times; scan the customer’s QR pass instead`);
    }
    const code = normalisePickupCode(proof.code);
    if (code !== null && sameCode(code, order.pickupCode)) return null;
    order.pickupCodeFailures += 1;
    order.updatedAt = new Date();
    const left = MAX_PICKUP_CODE_FAILURES - order.pickupCodeFailures;
    return OrdersError.field(
      OrdersErrorCode.PICKUP_CODE_INVALID,
      'code',
      left > 0 ? `does not match this order (${left} tries left)` : 'does not match this order; scan the customer’s QR pass instead',
    );
  }

  private async moveTo(order: Order, to: OrderStatus, actor: OrderActor, reason: string | null): Promise<Order> {
    const from = order.status;
    order.status = to;
    order.updatedAt = new Date();
    await this.record(order, from, to, actor, reason, await this.eventFacts(order));
    return order;
  }

  /**
   * What an order event needs besides the order row — the store's time zone and the items — in one
   * statement: every move of every order reads it, so neither the store nor the lines are loaded
   * as entities here. The order is already locked and in scope; its store and lines go with it.
   */
  private async eventFacts(order: Order): Promise<EventFacts> {
    const [row] = await this.em.execute<Array<{ timezone: string; items: EventFacts['items'] }>>(
      `select s.timezone,
              ${linesJson('?')} as items
         from store s where s.id = ?`,
      [order.id, order.storeId],
    );
    return row;
  }

  private async record(order: Order, from: OrderStatus | null, to: OrderStatus, actor: OrderActor, reason: string | null, facts: EventFacts): Promise<void> {
    const { transition, event } = this.stepOf(order, from, to, actor, reason, facts);
    this.em.persist(transition);
    this.events.publish(event);
  }

  /** A move's timeline row and its event, not written yet. */
  private stepOf(order: Order, from: OrderStatus | null, to: OrderStatus, actor: OrderActor, reason: string | null, facts: EventFacts): OrderStep {
    const transition = Object.assign(new OrderTransition(), {
      orderId: order.id,
      fromStatus: from,
      toStatus: to,
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      reason,
      at: new Date(),
    });
    const { timezone, items } = facts;
    const event = orderEvent({
      orderId: order.id,
      organisationId: order.organisationId,
      storeId: order.storeId,
      number: order.number,
      status: to,
      previousStatus: from,
      pickup: {
        start: formatInZone(order.pickupStart.getTime(), timezone),
        end: formatInZone(order.pickupEnd.getTime(), timezone),
        asap: order.asap,
      },
      customer: { name: order.customerName, email: order.customerEmail, phone: order.customerPhone },
      locale: order.locale,
      currency: order.currency,
      total: order.total,
      paymentMethod: order.paymentMethod,
      items: items.map((l) => ({ name: order.locale === 'en' ? l.nameEn : l.nameSv, quantity: l.quantity, note: l.note })),
      actor: { kind: actor.kind, id: actor.id },
      reason,
      at: transition.at.toISOString(),
    });
    return { transition, event };
  }
}
