export { OrdersModule, ORDERS_ENTITIES } from './orders.module';
export type { OrdersOptions } from './orders.options';
