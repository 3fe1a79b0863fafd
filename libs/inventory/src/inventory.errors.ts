import { ErrorStatus, FieldProblem, KassaError } from '@kassa/shared';

export enum InventoryErrorCode {
  OUT_OF_STOCK = 'OUT_OF_STOCK',
  INSUFFICIENT_STOCK = 'INSUFFICIENT_STOCK',
  HOLD_NOT_FOUND = 'HOLD_NOT_FOUND',
  HOLD_CLOSED = 'HOLD_CLOSED',
  HOLD_COMMITTED = 'HOLD_COMMITTED',
  INVALID_RESERVATION = 'INVALID_RESERVATION',
  INVALID_STOCK_SETTINGS = 'INVALID_STOCK_SETTINGS',
  INVALID_MOVEMENT = 'INVALID_MOVEMENT',
  SKU_TAKEN = 'SKU_TAKEN',
  STOCK_ITEM_NOT_FOUND = 'STOCK_ITEM_NOT_FOUND',
  STOCK_LEVEL_NOT_FOUND = 'STOCK_LEVEL_NOT_FOUND',
  STOCK_MOVEMENT_NOT_FOUND = 'STOCK_MOVEMENT_NOT_FOUND',
  STORE_NOT_FOUND = 'STORE_NOT_FOUND',
}

const STATUS: Record<InventoryErrorCode, ErrorStatus> = {
  [InventoryErrorCode.OUT_OF_STOCK]: 409,
  [InventoryErrorCode.INSUFFICIENT_STOCK]: 409,
  [InventoryErrorCode.HOLD_NOT_FOUND]: 404,
  [InventoryErrorCode.HOLD_CLOSED]: 409,
  [InventoryErrorCode.HOLD_COMMITTED]: 409,
  [InventoryErrorCode.INVALID_RESERVATION]: 422,
  [InventoryErrorCode.INVALID_STOCK_SETTINGS]: 422,
  [InventoryErrorCode.INVALID_MOVEMENT]: 400,
  [InventoryErrorCode.SKU_TAKEN]: 409,
  [InventoryErrorCode.STOCK_ITEM_NOT_FOUND]: 404,
  [InventoryErrorCode.STOCK_LEVEL_NOT_FOUND]: 404,
  [InventoryErrorCode.STOCK_MOVEMENT_NOT_FOUND]: 404,
  [InventoryErrorCode.STORE_NOT_FOUND]: 404,
};

export class InventoryError extends KassaError<InventoryErrorCode> {
  get status(): ErrorStatus {
    return STATUS[this.code];
  }

  static outOfStock(names: readonly string[], details: FieldProblem[]): InventoryError {
    return new InventoryError(
      InventoryErrorCode.OUT_OF_STOCK,
      `Not enough in stock: ${details.map((d) => d.reason).join('; ') || names.join(', ')}`,
      details,
    );
  }

  static invalidSettings(details: FieldProblem[]): InventoryError {
    return new InventoryError(
      InventoryErrorCode.INVALID_STOCK_SETTINGS,
      `Invalid stock settings: ${details.map((d) => `${d.field}: ${d.reason}`).join('; ')}`,
      details,
    );
  }

  static invalidReservation(details: FieldProblem[]): InventoryError {
    return new InventoryError(
      InventoryErrorCode.INVALID_RESERVATION,
      `Invalid reservation: ${details.map((d) => `${d.field}: ${d.reason}`).join('; ')}`,
      details,
    );
  }

  static invalidMovement(reason: string): InventoryError {
    return new InventoryError(InventoryErrorCode.INVALID_MOVEMENT, `Invalid movement: quantity ${reason}`, [
      { field: 'quantity', reason },
    ]);
  }

  static notFound(code: InventoryErrorCode, what: string, id: string): InventoryError {
    return new InventoryError(code, `${what} ${id} was not found`);
  }

  static skuTaken(sku: string): InventoryError {
    return new InventoryError(InventoryErrorCode.SKU_TAKEN, `The SKU "${sku}" is already used by another stock item`, [
      { field: 'sku', reason: 'is already used by another stock item' },
    ]);
  }
}
