import type { OrderAction, OrderBoardEvent, OrderDetail, OrderPickup, OrderStatus, OrderSummary } from '../types';

/** One order on the board; the detail (lines with options, next steps) arrives a moment later. */
export interface BoardOrder {
  id: string;
  storeId: string;
  number: string;
  status: OrderStatus;
  pickup: OrderPickup;
  customerName: string;
  paymentMethod: string | null;
  /** What the order event listed, shown until the detail is in. */
  items: { name: string; quantity: number; note: string | null }[];
  detail: OrderDetail | null;
}

export type BoardColumnId = 'paid' | 'accepted' | 'preparing' | 'ready';

/** Left to right, the way an order crosses the counter. Unpaid pay-in-store orders wait with the paid ones. */
export const BOARD_COLUMNS: readonly { id: BoardColumnId; statuses: readonly OrderStatus[] }[] = [
  { id: 'paid', statuses: ['paid', 'pending_payment'] },
  { id: 'accepted', statuses: ['accepted'] },
  { id: 'preparing', statuses: ['preparing'] },
  { id: 'ready', statuses: ['ready'] },
];

/** What the board asks the API for; `pending_payment` is then kept only for pay-in-store orders. */
export const BOARD_STATUSES: readonly OrderStatus[] = ['paid', 'accepted', 'preparing', 'ready', 'pending_payment'];

export const PAY_IN_STORE = 'in_store';

/** An unpaid online checkout may never be paid; an unpaid pay-in-store order will be, at the counter. */
export const isOnBoard = (order: { status: OrderStatus; paymentMethod: string | null }): boolean =>
  BOARD_STATUSES.includes(order.status) && (order.status !== 'pending_payment' || order.paymentMethod === PAY_IN_STORE);

/** The steps the board offers; cancelling and no-shows stay on the order page. */
export const BOARD_ACTIONS: readonly OrderAction[] = ['accept', 'start', 'ready', 'hand_over'];

// The order state machine as the board knows it before the order's detail (with the allowed actions) is in.
const NEXT_STEPS: Partial<Record<OrderStatus, readonly OrderAction[]>> = {
  pending_payment: ['accept'],
  paid: ['accept'],
  accepted: ['start', 'ready'],
  preparing: ['ready'],
  ready: ['hand_over'],
};

/** The API's allowed actions once the detail matches the order's status, else the usual next steps. */
export const boardActions = (order: BoardOrder): OrderAction[] => {
  const known = order.detail !== null && order.detail.status === order.status ? order.detail.allowedActions : NEXT_STEPS[order.status] ?? [];
  return BOARD_ACTIONS.filter((action) => known.includes(action));
};

export const fromEvent = (event: OrderBoardEvent, before: BoardOrder | undefined): BoardOrder => ({
  id: event.orderId,
  storeId: event.storeId,
  number: event.number,
  status: event.status,
  pickup: event.pickup,
  customerName: event.customer?.name ?? before?.customerName ?? '',
  paymentMethod: event.paymentMethod ?? before?.paymentMethod ?? null,
  items: Array.isArray(event.items) ? event.items : (before?.items ?? []),
  detail: before?.detail ?? null,
});

export const fromSummary = (summary: OrderSummary, before: BoardOrder | undefined): BoardOrder => ({
  id: summary.id,
  storeId: summary.storeId,
  number: summary.number,
  status: summary.status,
  pickup: summary.pickup,
  customerName: summary.customer.name,
  paymentMethod: summary.paymentMethod,
  items: before?.items ?? [],
  detail: before?.detail ?? null,
});

export const fromDetail = (detail: OrderDetail): BoardOrder => ({
  ...fromSummary(detail, undefined),
  items: detail.lines.map((line) => ({ name: line.nameSv, quantity: line.quantity, note: line.note })),
  detail,
});

/** Soonest pickup first; the order number breaks ties. */
export const byPickup = (a: BoardOrder, b: BoardOrder): number =>
  Date.parse(a.pickup.start) - Date.parse(b.pickup.start) || a.number.localeCompare(b.number, undefined, { numeric: true });
