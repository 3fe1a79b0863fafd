/** The lifecycle of an order: which action moves it where, and who may take it. */

export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'accepted',
  'preparing',
  'ready',
  'picked_up',
  'expired',
  'cancelled',
  'no_show',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_ACTIONS = ['pay', 'accept', 'start', 'ready', 'hand_over', 'cancel', 'expire', 'no_show', 'refund'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** Who acts: the customer, a signed-in staff member, a kitchen/counter station, or the system itself (payments, timers). */
export type ActorKind = 'customer' | 'staff' | 'station' | 'system';

export interface TransitionContext {
  readonly by: ActorKind;
  /** The customer pays at pickup, so there is no online payment to wait for. */
  readonly payInStore: boolean;
}

/** Statuses an order never leaves. */
export const FINAL_STATUSES: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['picked_up', 'expired', 'cancelled', 'no_show']);

interface Transition {
  readonly from: OrderStatus;
  readonly to: OrderStatus;
  readonly by: readonly ActorKind[];
  /** Only for orders paid this way; absent means either way. */
  readonly payment?: 'in_store' | 'online';
}

// A station is the store's own screen at the counter or in the kitchen: it works orders like staff.
const STORE: readonly ActorKind[] = ['staff', 'station'];

/** The whole lifecycle. Nothing else decides what is allowed; add an edge here or nowhere. */
const TRANSITIONS: Readonly<Record<OrderAction, readonly Transition[]>> = {
  // Only the payment provider's outcome marks an order paid; pay-in-store money is taken at hand-over.
  pay: [{ from: 'pending_payment', to: 'paid', by: ['system'], payment: 'online' }],
  accept: [
    { from: 'paid', to: 'accepted', by: STORE },
    // Paying at pickup: there is nothing to wait for before the store takes the order.
    { from: 'pending_payment', to: 'accepted', by: STORE, payment: 'in_store' },
  ],
  start: [{ from: 'accepted', to: 'preparing', by: STORE }],
  ready: [
    { from: 'preparing', to: 'ready', by: STORE },
    // A coffee needs no separate "start".
    { from: 'accepted', to: 'ready', by: STORE },
  ],
  hand_over: [{ from: 'ready', to: 'picked_up', by: STORE }],
  cancel: [
    { from: 'pending_payment', to: 'cancelled', by: ['customer', 'staff', 'system'] },
    // After payment a cancel means a refund is requested.
    { from: 'paid', to: 'cancelled', by: ['customer', 'staff'] },
    // Once the store has accepted, only the store can call it off.
    { from: 'accepted', to: 'cancelled', by: ['staff'] },
  ],
  // In-store orders hold their slot without a payment deadline, so only online ones expire.
  expire: [{ from: 'pending_payment', to: 'expired', by: ['system'], payment: 'online' }],
  no_show: [{ from: 'ready', to: 'no_show', by: ['system', 'staff'] }],
  // Staff gave all the money back before hand-over (OrderRefunds): the order is off, even if made.
  // Pay-in-store money is only taken at hand-over, so there is nothing to refund before it.
  refund: (['paid', 'accepted', 'preparing', 'ready'] as const).map((from) => ({ from, to: 'cancelled' as const, by: ['staff'] as const, payment: 'online' as const })),
};

function applies(transition: Transition, from: OrderStatus, context: TransitionContext): boolean {
  if (transition.from !== from || !transition.by.includes(context.by)) return false;
  if (transition.payment === 'in_store') return context.payInStore;
  if (transition.payment === 'online') return !context.payInStore;
  return true;
}

/** The status an action leads to, or null when it is not allowed from `from` for this actor. */
export function nextStatus(from: OrderStatus, action: OrderAction, context: TransitionContext): OrderStatus | null {
  // Statuses and actions may come from the database or a request body: unknown ones allow nothing.
  const transitions = Object.hasOwn(TRANSITIONS, action) ? TRANSITIONS[action] : [];
  return transitions.find((t) => applies(t, from, context))?.to ?? null;
}

/** The actions this actor may take now (for the admin's buttons and the order's `allowedActions`), in ORDER_ACTIONS order. */
export function allowedActions(status: OrderStatus, context: TransitionContext): OrderAction[] {
  return ORDER_ACTIONS.filter((action) => nextStatus(status, action, context) !== null);
}
