import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { InventoryService } from '@kassa/inventory';
import { PaymentHistory, PaymentLine, PaymentsError, PaymentsService, PaymentSummary } from '@kassa/payments';
import { FieldProblem, money, vatOfGross } from '@kassa/shared';
import { SlotsService } from '@kassa/slots';
import { OrderLine } from './entities/order-line.entity';
import { OrderRefund, RefundedLine } from './entities/order-refund.entity';
import { OrderTransition } from './entities/order-transition.entity';
import { Order } from './entities/order.entity';
import { OrdersError, OrdersErrorCode } from './orders.errors';
import { OrderActor, OrdersService } from './orders.service';
import { OrderPaymentsResponse, OrderRefundResponse, PaymentSummaryResponse } from './dto/refund.dto';
import { nextStatus, OrderStatus } from './rules/order-state-machine';

/** What staff ask for: an amount, or lines with quantities (the amount follows from them), and why. */
export interface RefundRequest {
  /** Minor units; left out = everything still refundable (or the lines' worth). */
  readonly amount?: number;
  readonly lines?: ReadonlyArray<{ readonly lineId: string; readonly quantity: number }>;
  readonly reason: string;
  /** Put the refunded lines' goods back on hand (a `return` movement). */
  readonly restock?: boolean;
}

export interface RefundOutcome {
  readonly refund: OrderRefund;
  readonly payment: PaymentSummary;
  readonly orderStatus: OrderStatus;
}

const MAX_REASON = 500;

/**
 * Money given back for an order from the admin, and the order's reaction, in the caller's
 * transaction. Lock order: the payment row first (PaymentsService.hold) — it serialises refunds
 * of one payment, so what is left is read after any earlier refund committed — then the
 * provider is called with only that row locked, and only then the order row (as a payment
 * outcome from a webhook does). So a provider that is slow never blocks staff moving the order.
 */
@Injectable()
export class OrderRefunds {
  constructor(
    private readonly em: EntityManager,
    private readonly orders: OrdersService,
    private readonly payments: PaymentsService,
    private readonly inventory: InventoryService,
    private readonly slots: SlotsService,
  ) {}

  async refund(orderId: string, request: RefundRequest, actor: OrderActor): Promise<RefundOutcome> {
    const order = await this.orders.get(orderId);
    const reason = typeof request.reason === 'string' ? request.reason.trim() : '';
    if (reason.length < 1 || reason.length > MAX_REASON) throw invalid([{ field: 'reason', reason: `must be 1–${MAX_REASON} characters` }]);
    if (!order.paymentId) throw new OrdersError(OrdersErrorCode.ORDER_NOT_PAID, `Order ${order.number} has no payment to refund`, [{ field: 'payment', reason: 'none' }]);

    const payment = await this.payments.hold(order.paymentId);
    if (payment.status !== 'captured' && payment.status !== 'partially_refunded') {
      throw PaymentsError.notPending(payment.id, payment.status, 'refunded');
    }
    const refundable = payment.amount - payment.refundedAmount;
    const lines = await this.orders.lines(order.id);
    const earlier = await this.em.find(OrderRefund, { orderId: order.id });
    const left = quantitiesLeft(lines, earlier);

    let refunded: RefundedLine[];
    let amount: number;
    if (request.lines !== undefined) {
      refunded = requestedLines(request.lines, lines, left);
      amount = refunded.reduce((sum, l) => sum + l.amount, 0);
      if (request.amount !== undefined && request.amount !== amount) {
        throw invalid([{ field: 'amount', reason: `must be the lines' worth, ${amount}, or left out` }]);
      }
    } else {
      amount = request.amount ?? refundable;
      const full = amount === refundable;
      // A refund of everything left also gives back every line not yet refunded.
      refunded = full ? lines.flatMap((l) => lineWorth(l, left.get(l.id) ?? 0)) : [];
      if (!full && payment.method === 'klarna') throw invalid([{ field: 'lines', reason: 'a partial Klarna refund must name the lines it is for' }]);
      if (!full && request.restock) throw invalid([{ field: 'restock', reason: 'name the lines to put back on the shelf' }]);
    }
    if (amount > refundable || amount < 1) throw PaymentsError.refundTooLarge(payment.id, amount, refundable);

    const byId = new Map(lines.map((l) => [l.id, l]));
    const paymentLines = request.lines !== undefined ? refunded.map((r) => paymentLineOf(order, byId, r)) : undefined;
    const settled = await this.payments.refundPart(payment.id, amount, reason, { staffUserId: actor.id ?? undefined, lines: paymentLines });

    const entry = `Refunded ${(amount / 100).toFixed(2)} ${order.currency}: ${reason}`.slice(0, MAX_REASON);
    let status = await this.lockedStatus(order.id);
    if (settled.status === 'refunded' && nextStatus(status, 'refund', { by: actor.kind, payInStore: order.paymentMethod === 'in_store' }) !== null) {
      // All the money is back before hand-over: the order is called off and its slot given back.
      status = (await this.orders.act(order.id, 'refund', actor, entry)).status;
      await this.slots.release(order.id);
    } else {
      this.em.persist(
        this.em.create(OrderTransition, { orderId: order.id, fromStatus: status, toStatus: status, actorKind: actor.kind, actorId: actor.id, actorName: actor.name, reason: entry, at: new Date() }),
      );
    }
    const restock = request.restock === true && refunded.length > 0;
    if (restock) {
      await this.inventory.restock(
        order.storeId,
        order.id,
        refunded.map((r) => {
          const line = byId.get(r.lineId) as OrderLine;
          return { productId: line.productId, name: order.locale === 'en' ? line.nameEn : line.nameSv, quantity: r.quantity };
        }),
        `Refund of order ${order.number}`,
        actor.id,
      );
    }
    const record = this.em.create(OrderRefund, {
      orderId: order.id,
      storeId: order.storeId,
      paymentId: payment.id,
      amount,
      currency: order.currency,
      lines: refunded,
      reason,
      restocked: restock,
      actorId: actor.id,
      actorName: actor.name,
      createdAt: new Date(),
    });
    this.em.persist(record);
    await this.em.flush();
    return { refund: record, payment: settled, orderStatus: status };
  }

  /** Every payment of the order with its log; 404 outside the caller's stores. */
  async history(orderId: string): Promise<{ payments: PaymentHistory[]; refunds: OrderRefund[] }> {
    const order = await this.orders.get(orderId);
    const [payments, refunds] = await Promise.all([
      this.payments.historyForOrder(order.id),
      this.em.find(OrderRefund, { orderId: order.id }, { orderBy: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    return { payments, refunds };
  }

  private async lockedStatus(orderId: string): Promise<OrderStatus> {
    const order = await this.em.findOne(Order, { id: orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!order) throw OrdersError.notFound(orderId);
    return order.status;
  }
}

function invalid(details: FieldProblem[]): OrdersError {
  return new OrdersError(OrdersErrorCode.REFUND_INVALID, `Invalid refund: ${details.map((d) => `${d.field}: ${d.reason}`).join('; ')}`, details);
}

/** Per line, the units not refunded yet. */
function quantitiesLeft(lines: readonly OrderLine[], earlier: readonly OrderRefund[]): Map<string, number> {
  const left = new Map(lines.map((l) => [l.id, l.quantity]));
  for (const refund of earlier) {
    for (const r of refund.lines) left.set(r.lineId, (left.get(r.lineId) ?? 0) - r.quantity);
  }
  return left;
}

/**
 * What `quantity` more units of a line are worth, given what is left of it: the unit price with
 * options, split so that refunding every unit, in any steps, adds up to the line total exactly.
 */
function lineWorth(line: OrderLine, quantity: number, left = quantity): RefundedLine[] {
  if (quantity < 1) return [];
  const before = line.quantity - left;
  const worth = (units: number): number => Math.floor((line.lineTotal * units) / line.quantity);
  return [{ lineId: line.id, quantity, amount: worth(before + quantity) - worth(before) }];
}

function requestedLines(
  requested: ReadonlyArray<{ readonly lineId: string; readonly quantity: number }>,
  lines: readonly OrderLine[],
  left: ReadonlyMap<string, number>,
): RefundedLine[] {
  const problems: FieldProblem[] = [];
  const byId = new Map(lines.map((l) => [l.id, l]));
  const seen = new Set<string>();
  const refunded: RefundedLine[] = [];
  if (requested.length === 0) problems.push({ field: 'lines', reason: 'must name at least one line' });
  requested.forEach((r, i) => {
    const line = byId.get(r.lineId);
    if (!line) return problems.push({ field: `lines.${i}.lineId`, reason: 'is not a line of this order' });
    if (seen.has(r.lineId)) return problems.push({ field: `lines.${i}.lineId`, reason: 'is named twice' });
    seen.add(r.lineId);
    const remaining = left.get(line.id) ?? 0;
    if (!Number.isSafeInteger(r.quantity) || r.quantity < 1 || r.quantity > remaining) {
      return problems.push({ field: `lines.${i}.quantity`, reason: remaining > 0 ? `must be a whole number from 1 to ${remaining}` : 'nothing is left to refund on this line' });
    }
    refunded.push(...lineWorth(line, r.quantity, remaining));
    return undefined;
  });
  if (problems.length > 0) throw invalid(problems);
  return refunded;
}

/** A refunded line as a provider lists it (Klarna): VAT included, per unit and in total. */
function paymentLineOf(order: Order, byId: ReadonlyMap<string, OrderLine>, refunded: RefundedLine): PaymentLine {
  const line = byId.get(refunded.lineId) as OrderLine;
  return {
    name: order.locale === 'en' ? line.nameEn : line.nameSv,
    quantity: refunded.quantity,
    unitPrice: line.unitPrice,
    totalAmount: refunded.amount,
    taxRate: line.vatRate,
    totalTaxAmount: vatOfGross(money(refunded.amount, order.currency), line.vatRate).amount,
  };
}

export function refundView(r: OrderRefund): OrderRefundResponse {
  return {
    id: r.id,
    paymentId: r.paymentId,
    amount: r.amount,
    currency: r.currency,
    lines: r.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity, amount: l.amount })),
    reason: r.reason,
    restocked: r.restocked,
    actorName: r.actorName,
    createdAt: r.createdAt.toISOString(),
  };
}

export function paymentView(p: PaymentSummary): PaymentSummaryResponse {
  return { id: p.id, method: p.method, status: p.status, amount: p.amount, refundedAmount: p.refundedAmount, currency: p.currency };
}

export function paymentsView(found: { payments: PaymentHistory[]; refunds: OrderRefund[] }): OrderPaymentsResponse {
  return {
    payments: found.payments.map((p) => ({
      ...paymentView(p),
      providerReference: p.providerReference,
      refundable: p.status === 'captured' || p.status === 'partially_refunded' ? p.amount - p.refundedAmount : 0,
      events: p.events.map((e) => ({
        id: e.id,
        kind: e.kind,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        amount: e.amount,
        providerReference: e.providerReference,
        actor: e.actor,
        reason: e.reason,
        at: e.at.toISOString(),
      })),
    })),
    refunds: found.refunds.map(refundView),
  };
}
