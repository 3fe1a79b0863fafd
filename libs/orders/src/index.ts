export { OrdersModule, ORDERS_ENTITIES } from './orders.module';
export type { OrdersOptions } from './orders.options';
export { OrdersService, SYSTEM } from './orders.service';
export type { OrderActor, OrderForNotification, OrderForPrinting, OrderNotificationState, PickupProof } from './orders.service';
export { OrdersError, OrdersErrorCode } from './orders.errors';
export { ORDER_STATUSES, ORDER_ACTIONS, nextStatus, allowedActions } from './rules/order-state-machine';
export type { OrderStatus, OrderAction, ActorKind } from './rules/order-state-machine';
export * from './orders.events';
