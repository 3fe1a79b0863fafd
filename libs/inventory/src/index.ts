export { InventoryModule, INVENTORY_ENTITIES } from './inventory.module';
export { InventoryService } from './inventory.service';
export type { NewStockItem } from './inventory.service';
export { InventoryError, InventoryErrorCode } from './inventory.errors';
export { STOCK_LOW, stockLow } from './inventory.events';
export type { StockLowPayload } from './inventory.events';
export { STOCK_UNITS, MOVEMENT_KINDS, MANUAL_MOVEMENT_KINDS } from './inventory.types';
export type {
  StockUnit,
  StockTracking,
  StockTrackingMode,
  ProductStock,
  ReservationLine,
  MovementKind,
  ManualMovementKind,
} from './inventory.types';
export type { ManualMovement } from './stock-movements.service';
