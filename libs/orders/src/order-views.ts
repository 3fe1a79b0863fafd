import { PaymentSummary } from '@kassa/payments';
import { formatInZone } from '@kassa/shared';
import { OrderDetailResponse, OrderLineResponse, OrderPaymentResponse, OrderResponse, OrderSummaryResponse, TimelineEntryResponse } from './dto/order-response.dto';
import { OrderLine } from './entities/order-line.entity';
import { OrderTransition } from './entities/order-transition.entity';
import { Order } from './entities/order.entity';
import { allowedActions, nextStatus, OrderAction } from './rules/order-state-machine';

/** Actions the admin offers buttons for; the rest (pay, expire) belong to the system. */
const STAFF_ACTIONS: readonly OrderAction[] = ['accept', 'start', 'ready', 'hand_over', 'cancel', 'no_show'];

const percent = (basisPoints: number) => basisPoints / 100;

function iso(date: Date | null, timeZone: string): string | null {
  return date ? formatInZone(date.getTime(), timeZone) : null;
}

function pickupOf(order: Order, timeZone: string) {
  return { start: formatInZone(order.pickupStart.getTime(), timeZone), end: formatInZone(order.pickupEnd.getTime(), timeZone), asap: order.asap };
}

function lineOf(line: OrderLine): OrderLineResponse {
  return {
    id: line.id,
    productId: line.productId,
    sku: line.sku,
    nameSv: line.nameSv,
    nameEn: line.nameEn,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    lineTotal: line.lineTotal,
    vatRate: percent(line.vatRate),
    modifiers: line.modifiers.map((m) => ({ optionId: m.optionId, nameSv: m.nameSv, nameEn: m.nameEn, priceDelta: m.priceDelta })),
    note: line.note,
  };
}

function paymentOf(payment: PaymentSummary | null): OrderPaymentResponse | null {
  return payment ? { id: payment.id, method: payment.method, status: payment.status, nextAction: payment.nextAction } : null;
}

function totalsOf(order: Order) {
  return {
    subtotal: order.subtotal,
    discount: order.discount,
    vat: order.vat.map((row) => ({ rate: percent(row.rate), base: row.base, amount: row.amount })),
    total: order.total,
  };
}

/** The customer's view: the checkout's answer and the status page. */
export function customerView(order: Order, lines: readonly OrderLine[], payment: PaymentSummary | null, token: string, timeZone: string): OrderResponse {
  return {
    id: order.id,
    token,
    number: order.number,
    status: order.status,
    storeId: order.storeId,
    pickup: pickupOf(order, timeZone),
    customer: { name: order.customerName, email: order.customerEmail, phone: order.customerPhone },
    lines: lines.map(lineOf),
    totals: totalsOf(order),
    currency: order.currency,
    payment: paymentOf(payment),
    holdExpiresAt: iso(order.holdExpiresAt, timeZone),
    locale: order.locale,
    cancellable: nextStatus(order.status, 'cancel', { by: 'customer', payInStore: order.paymentMethod === 'in_store' }) !== null,
    createdAt: formatInZone(order.createdAt.getTime(), timeZone),
    updatedAt: formatInZone(order.updatedAt.getTime(), timeZone),
  };
}

export function summaryView(order: Order, paymentStatus: string | null, timeZone: string): OrderSummaryResponse {
  return {
    id: order.id,
    storeId: order.storeId,
    number: order.number,
    status: order.status,
    businessDate: order.businessDate,
    pickup: pickupOf(order, timeZone),
    customer: { name: order.customerName, email: order.customerEmail, phone: order.customerPhone },
    total: order.total,
    currency: order.currency,
    itemCount: order.itemCount,
    paymentMethod: order.paymentMethod,
    paymentStatus,
    createdAt: formatInZone(order.createdAt.getTime(), timeZone),
    holdExpiresAt: iso(order.holdExpiresAt, timeZone),
  };
}

export function detailView(
  order: Order,
  lines: readonly OrderLine[],
  timeline: readonly OrderTransition[],
  payment: PaymentSummary | null,
  timeZone: string,
): OrderDetailResponse {
  const context = { by: 'staff' as const, payInStore: order.paymentMethod === 'in_store' };
  return {
    ...summaryView(order, payment?.status ?? null, timeZone),
    lines: lines.map(lineOf),
    totals: totalsOf(order),
    payment: paymentOf(payment),
    timeline: timeline.map(
      (t): TimelineEntryResponse => ({
        at: formatInZone(t.at.getTime(), timeZone),
        from: t.fromStatus,
        to: t.toStatus,
        actor: { kind: t.actorKind, id: t.actorId, name: t.actorName },
        reason: t.reason,
      }),
    ),
    pickupCodeFailures: order.pickupCodeFailures,
    allowedActions: allowedActions(order.status, context).filter((a) => STAFF_ACTIONS.includes(a)),
    locale: order.locale,
  };
}
