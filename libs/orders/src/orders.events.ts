import { DomainEvent, domainEvent } from '@kassa/shared';
import { ActorKind, OrderStatus } from './rules/order-state-machine';

export const ORDER_PLACED = 'OrderPlaced';
export const ORDER_PAID = 'OrderPaid';
export const ORDER_ACCEPTED = 'OrderAccepted';
export const ORDER_PREPARING = 'OrderPreparing';
export const ORDER_READY = 'OrderReady';
export const ORDER_PICKED_UP = 'OrderPickedUp';
export const ORDER_CANCELLED = 'OrderCancelled';
export const ORDER_EXPIRED = 'OrderExpired';
export const ORDER_NO_SHOW = 'OrderNoShow';

/** The event each status is reached with. */
export const ORDER_EVENT_OF: Readonly<Record<OrderStatus, string>> = {
  pending_payment: ORDER_PLACED,
  paid: ORDER_PAID,
  accepted: ORDER_ACCEPTED,
  preparing: ORDER_PREPARING,
  ready: ORDER_READY,
  picked_up: ORDER_PICKED_UP,
  cancelled: ORDER_CANCELLED,
  expired: ORDER_EXPIRED,
  no_show: ORDER_NO_SHOW,
};

/**
 * Every order event carries what an order board, a printer or a message needs without asking
 * back: number, status, pickup window, customer's first contact, total and items.
 */
/**
 * The start of an OrderCancelled reason when the checkout placed the order but could not start its
 * payment with the provider: the customer saw that error at checkout and was never told of the order.
 */
export const PAYMENT_NOT_STARTED = 'The payment could not be started';

export interface OrderEventPayload {
  readonly orderId: string;
  readonly organisationId: string;
  readonly storeId: string;
  readonly number: string;
  readonly status: OrderStatus;
  readonly previousStatus: OrderStatus | null;
  readonly pickup: { readonly start: string; readonly end: string; readonly asap: boolean };
  readonly customer: { readonly name: string; readonly email: string | null; readonly phone: string | null };
  readonly locale: string;
  readonly currency: string;
  readonly total: number;
  readonly paymentMethod: string;
  readonly items: ReadonlyArray<{ readonly name: string; readonly quantity: number; readonly note: string | null }>;
  readonly actor: { readonly kind: ActorKind; readonly id: string | null };
  readonly reason: string | null;
  readonly at: string;
}

export function orderEvent(payload: OrderEventPayload): DomainEvent<OrderEventPayload> {
  return domainEvent(ORDER_EVENT_OF[payload.status], payload, payload.storeId);
}
