export { OrderBoardPage } from './order-board';
