export { StockMovementList } from './stock-movement-list';
