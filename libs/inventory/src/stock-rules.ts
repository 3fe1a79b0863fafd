import { FieldProblem, isUuid } from '@kassa/shared';
import { Allocation, ManualMovementKind, ProductStock, ReservationLine, StockTracking } from './inventory.types';

/** One stock item a product consumes per sold unit. */
export interface Component {
  readonly stockItemId: string;
  readonly perUnit: number;
  readonly allowBackorder: boolean;
}

export const MAX_QUANTITY = 1_000_000;
export const MAX_MOVEMENT_QUANTITY = 10_000_000;
export const MAX_HOLD_SECONDS = 7 * 24 * 3600;

function isCount(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

/** Shape problems of a product's stock settings, named as the catalog's product form names them. */
export function trackingProblems(tracking: StockTracking): FieldProblem[] {
  const problems: FieldProblem[] = [];
  switch (tracking?.mode) {
    case 'untracked':
      break;
    case 'tracked':
      if (typeof tracking.allowBackorder !== 'boolean') {
        problems.push({ field: 'stock.allowBackorder', reason: 'must be true or false' });
      }
      break;
    case 'recipe': {
      if (!Array.isArray(tracking.ingredients) || tracking.ingredients.length === 0) {
        problems.push({ field: 'stock.ingredients', reason: 'must name at least one ingredient' });
        break;
      }
      if (tracking.ingredients.length > 50) problems.push({ field: 'stock.ingredients', reason: 'may have at most 50 ingredients' });
      const seen = new Set<string>();
      tracking.ingredients.forEach((ingredient, i) => {
        const id = ingredient?.stockItemId;
        if (typeof id !== 'string' || !isUuid(id)) {
          problems.push({ field: `stock.ingredients.${i}.stockItemId`, reason: 'must be a stock item id' });
        } else if (seen.has(id)) {
          problems.push({ field: `stock.ingredients.${i}.stockItemId`, reason: 'is listed twice' });
        } else {
          seen.add(id);
        }
        if (!isCount(ingredient?.quantity, 1, MAX_QUANTITY)) {
          problems.push({ field: `stock.ingredients.${i}.quantity`, reason: `must be a whole number from 1 to ${MAX_QUANTITY}` });
        }
      });
      break;
    }
    default:
      problems.push({ field: 'stock.mode', reason: 'must be one of untracked, tracked, recipe' });
  }
  return problems;
}

export function reservationProblems(holdId: string, lines: readonly ReservationLine[], ttlSeconds: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (typeof holdId !== 'string' || holdId.length === 0 || holdId.length > 100) {
    problems.push({ field: 'holdId', reason: 'must be 1 to 100 characters' });
  }
  if (!isCount(ttlSeconds, 1, MAX_HOLD_SECONDS)) {
    problems.push({ field: 'ttlSeconds', reason: `must be a whole number of seconds from 1 to ${MAX_HOLD_SECONDS}` });
  }
  if (!Array.isArray(lines)) return [...problems, { field: 'items', reason: 'must be a list' }];
  lines.forEach((line, i) => {
    if (typeof line?.productId !== 'string' || !isUuid(line.productId)) {
      problems.push({ field: `items.${i}.productId`, reason: 'must be a product id' });
    }
    if (!isCount(line?.quantity, 1, MAX_QUANTITY)) {
      problems.push({ field: `items.${i}.quantity`, reason: `must be a whole number from 1 to ${MAX_QUANTITY}` });
    }
  });
  return problems;
}

/** What a set of order lines needs of each stock item, sorted by stock item id (the lock order). */
export function allocationsFor(
  lines: readonly ReservationLine[],
  componentsOf: ReadonlyMap<string, readonly Component[]>,
): Allocation[] {
  const totals = new Map<string, number>();
  for (const line of lines) {
    for (const c of componentsOf.get(line.productId) ?? []) {
      totals.set(c.stockItemId, (totals.get(c.stockItemId) ?? 0) + c.perUnit * line.quantity);
    }
  }
  return [...totals.entries()]
    .map(([stockItemId, quantity]) => ({ stockItemId, quantity }))
    .sort((a, b) => (a.stockItemId < b.stockItemId ? -1 : a.stockItemId > b.stockItemId ? 1 : 0));
}

/** Whole units of a product the given availabilities allow (recipes: the scarcest ingredient). */
export function productStockOf(components: readonly Component[] | undefined, available: ReadonlyMap<string, number>): ProductStock {
  if (!components || components.length === 0) return { tracked: false, available: null, soldOut: false };
  let units = Number.POSITIVE_INFINITY;
  let soldOut = false;
  for (const c of components) {
    const have = available.get(c.stockItemId) ?? 0;
    units = Math.min(units, Math.floor(have / c.perUnit));
    if (!c.allowBackorder && have < c.perUnit) soldOut = true;
  }
  return { tracked: true, available: units, soldOut };
}

/**
 * Which order lines cannot be served from `available` (what each stock item has for this
 * request), with "<name>: only N left" in the product's own units.
 */
export function shortLines(
  lines: readonly ReservationLine[],
  componentsOf: ReadonlyMap<string, readonly Component[]>,
  demand: readonly Allocation[],
  available: ReadonlyMap<string, number>,
): FieldProblem[] {
  const short = new Set(
    demand.filter((d) => d.quantity > (available.get(d.stockItemId) ?? 0)).map((d) => d.stockItemId),
  );
  const problems: FieldProblem[] = [];
  lines.forEach((line, i) => {
    const components = (componentsOf.get(line.productId) ?? []).filter((c) => !c.allowBackorder);
    if (!components.some((c) => short.has(c.stockItemId))) return;
    const left = Math.max(0, productStockOf(components, available).available ?? 0);
    problems.push({ field: `items.${i}.quantity`, reason: `${line.name}: only ${left} left` });
  });
  return problems;
}

export function manualMovementProblem(kind: ManualMovementKind, quantity: number): string | undefined {
  if (!Number.isSafeInteger(quantity)) return 'must be a whole number';
  switch (kind) {
    case 'adjustment':
      return quantity === 0 || Math.abs(quantity) > MAX_MOVEMENT_QUANTITY
        ? `must be a change other than 0, at most ${MAX_MOVEMENT_QUANTITY} either way`
        : undefined;
    case 'delivery':
    case 'waste':
      return quantity < 1 || quantity > MAX_MOVEMENT_QUANTITY ? `must be from 1 to ${MAX_MOVEMENT_QUANTITY}` : undefined;
    case 'count':
      return quantity < 0 || quantity > MAX_MOVEMENT_QUANTITY ? `must be the counted amount, from 0 to ${MAX_MOVEMENT_QUANTITY}` : undefined;
  }
}

/** The signed change of on hand a manual movement makes; a count records the difference it found. */
export function manualDelta(kind: ManualMovementKind, quantity: number, onHand: number): number {
  switch (kind) {
    case 'adjustment':
    case 'delivery':
      return quantity;
    case 'waste':
      return -quantity;
    case 'count':
      return quantity - onHand;
  }
}

/**
 * Whether a change took availability from above the threshold to at or below it: the alert
 * fires once per crossing, not on every movement while low. A threshold of 0 is off.
 */
export function crossedLowThreshold(threshold: number, availableAfter: number, availableDelta: number): boolean {
  if (threshold <= 0) return false;
  const before = availableAfter - availableDelta;
  return availableAfter <= threshold && before > threshold;
}

export function isLow(threshold: number, available: number): boolean {
  return threshold > 0 && available <= threshold;
}

export function suggestedQuantity(parLevel: number, available: number): number {
  return Math.max(0, parLevel - available);
}

/** "Latte × 2, Kanelbulle" for the ledger. */
export function describeLines(lines: readonly ReservationLine[]): string {
  return lines
    .map((l) => (l.quantity === 1 ? l.name : `${l.name} × ${l.quantity}`))
    .join(', ')
    .slice(0, 400);
}
