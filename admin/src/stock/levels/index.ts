export { StockLevelEdit } from './stock-level-edit';
export { StockLevelList } from './stock-level-list';
