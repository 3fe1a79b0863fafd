export { OrderList } from './order-list';
export { OrderShow } from './order-show';
export { dateTime, localDate, shortDay } from './order-time';
export { HandOverDialog } from './order-action-buttons';
export { OrderStatusChip } from './order-status-chip';
export { pickupWindow } from './order-time';
export { apiErrorCode, useRunOrderAction, type OrderActionOutcome } from './use-order-action';
