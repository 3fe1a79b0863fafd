/** The unit a stock item is counted in; quantities are always whole units of it. */
export const STOCK_UNITS = ['pcs', 'g', 'ml'] as const;
export type StockUnit = (typeof STOCK_UNITS)[number];

/** How selling a product moves stock. */
export type StockTracking =
  | { mode: 'untracked' }
  | { mode: 'tracked'; allowBackorder: boolean }
  /** Each sold unit consumes `quantity` (in the ingredient's unit, integer > 0) of every ingredient. */
  | { mode: 'recipe'; ingredients: Array<{ stockItemId: string; quantity: number }> };

export type StockTrackingMode = StockTracking['mode'];
export const STOCK_TRACKING_MODES: readonly StockTrackingMode[] = ['untracked', 'tracked', 'recipe'];

/**
 * What a store can sell of a product right now. Recipe products: the fewest whole units any
 * ingredient allows. Untracked: `{ tracked: false, available: null, soldOut: false }`.
 */
export interface ProductStock {
  tracked: boolean;
  available: number | null;
  soldOut: boolean;
}

export interface ReservationLine {
  productId: string;
  /** Shown in errors and in the ledger ("Latte × 2"). */
  name: string;
  quantity: number;
}

/** `return`: sold goods back on the shelf after a refund (+n, 0). */
export const MOVEMENT_KINDS = ['sale', 'reservation', 'release', 'adjustment', 'delivery', 'waste', 'count', 'return'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** The movements staff record by hand; the others come from holds. */
export const MANUAL_MOVEMENT_KINDS = ['adjustment', 'delivery', 'waste', 'count'] as const;
export type ManualMovementKind = (typeof MANUAL_MOVEMENT_KINDS)[number];

export const HOLD_STATUSES = ['active', 'committed', 'released', 'expired'] as const;
export type HoldStatus = (typeof HOLD_STATUSES)[number];

/** How much of one stock item a hold keeps. */
export interface Allocation {
  stockItemId: string;
  quantity: number;
}
