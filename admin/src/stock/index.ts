export { StockItemCreate, StockItemEdit, StockItemList } from './items';
export { StockLevelEdit, StockLevelList } from './levels';
export { StockMovementList } from './movements';
export { ReorderSuggestionList } from './reorder';
