export { OrderList } from './order-list';
export { OrderShow } from './order-show';
