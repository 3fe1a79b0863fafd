export { StockItemCreate, StockItemEdit } from './stock-item-form';
export { StockItemList } from './stock-item-list';
