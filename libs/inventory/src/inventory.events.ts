import { DomainEvent, domainEvent } from '@kassa/shared';

export const STOCK_LOW = 'StockLow';

export interface StockLowPayload {
  readonly storeId: string;
  readonly stockItemId: string;
  readonly sku: string;
  readonly name: string;
  /** On hand minus reserved, right after the movement that crossed the threshold. */
  readonly available: number;
  readonly threshold: number;
  readonly parLevel: number;
}

/** A stock item's availability at a store fell to or below its low-stock threshold (once per crossing). */
export function stockLow(payload: StockLowPayload): DomainEvent<StockLowPayload> {
  return domainEvent(STOCK_LOW, payload, payload.storeId);
}
