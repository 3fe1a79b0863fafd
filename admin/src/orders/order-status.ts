import type { OrderAction, OrderDetail, OrderStatus, OrderSummary } from '../types';

/** Every status in the order's life, in the order it usually passes through them. */
export const ORDER_STATUSES: readonly OrderStatus[] = [
  'pending_payment',
  'paid',
  'accepted',
  'preparing',
  'ready',
  'picked_up',
  'expired',
  'cancelled',
  'no_show',
];

/**
 * What the counter still has to deal with: paid orders on their way to the customer, and unpaid
 * ones (pay in store, or a checkout still being paid) that may yet turn up.
 */
export const ACTIVE_STATUSES: readonly OrderStatus[] = ['pending_payment', 'paid', 'accepted', 'preparing', 'ready'];

/** The toolbar's order: moving the order on first, giving up on it last. */
export const ORDER_ACTIONS: readonly OrderAction[] = ['accept', 'start', 'ready', 'hand_over', 'no_show', 'cancel'];

type ChipColour = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

/** Filled chips for orders still in play, outlined ones for orders that are over. */
export const statusLook: Record<OrderStatus, { color: ChipColour; variant: 'filled' | 'outlined' }> = {
  pending_payment: { color: 'warning', variant: 'filled' },
  paid: { color: 'info', variant: 'filled' },
  accepted: { color: 'primary', variant: 'filled' },
  preparing: { color: 'secondary', variant: 'filled' },
  ready: { color: 'success', variant: 'filled' },
  picked_up: { color: 'default', variant: 'outlined' },
  expired: { color: 'default', variant: 'outlined' },
  cancelled: { color: 'error', variant: 'outlined' },
  no_show: { color: 'error', variant: 'filled' },
};

/** True when the filter asks for exactly the active statuses, in any order. */
export const isActiveFilter = (status: unknown): boolean =>
  Array.isArray(status) &&
  status.length === ACTIVE_STATUSES.length &&
  ACTIVE_STATUSES.every((wanted) => status.includes(wanted));

/**
 * react-admin shows a list row while the detail loads; only the detail has lines, history and
 * the allowed actions.
 */
export const isOrderDetail = (order: OrderSummary | OrderDetail | undefined): order is OrderDetail =>
  order !== undefined &&
  Array.isArray((order as Partial<OrderDetail>).lines) &&
  Array.isArray((order as Partial<OrderDetail>).timeline) &&
  Array.isArray((order as Partial<OrderDetail>).allowedActions);
