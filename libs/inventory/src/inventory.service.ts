import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { EventPublisher } from '@kassa/platform';
import { isUuid } from '@kassa/shared';
import { InventoryError, InventoryErrorCode } from './inventory.errors';
import { stockLow } from './inventory.events';
import { Allocation, ProductStock, ReservationLine, StockTracking, StockUnit } from './inventory.types';
import { ProductTrackingService } from './product-tracking.service';
import { StockItemsService } from './stock-items.service';
import { ManualMovement, StockMovementsService } from './stock-movements.service';
import { ClosedHold, ItemFacts, LevelChange, LevelRow, NewMovement, StockLedger } from './stock-ledger.repository';
import {
  allocationsFor,
  crossedLowThreshold,
  describeLines,
  productStockOf,
  reservationProblems,
  shortLines,
} from './stock-rules';

/** Expired holds a reservation gives back on its way, at most. */
const EXPIRED_PER_RESERVATION = 100;
const EXPIRED_PER_SWEEP = 1000;

export interface NewStockItem {
  readonly sku: string;
  readonly name: string;
  readonly unit: StockUnit;
  readonly allowBackorder?: boolean;
}

/**
 * What other libs ask of inventory (catalog: tracking and availability; orders: holds).
 * Every method runs in the caller's transaction and never opens one.
 */
@Injectable()
export class InventoryService {
  constructor(
    private readonly em: EntityManager,
    private readonly ledger: StockLedger,
    private readonly tracking: ProductTrackingService,
    private readonly items: StockItemsService,
    private readonly movements: StockMovementsService,
    private readonly events: EventPublisher,
  ) {}

  /** Creates an ingredient or other stock item outside a staff request (seeding, imports); returns its id. */
  async createStockItem(organisationId: string, input: NewStockItem): Promise<string> {
    return (await this.items.createForOrganisation(organisationId, input)).id;
  }

  /** Records a delivery, waste, adjustment or count outside a staff request (seeding, imports). */
  async recordMovement(input: ManualMovement, userId: string | null = null): Promise<{ id: string; onHandAfter: number }> {
    const { id, onHandAfter } = await this.movements.record(input, userId);
    return { id, onHandAfter };
  }

  /** Sets how selling a product moves stock; 'tracked' creates or updates its own stock item (pcs). */
  configureProduct(
    organisationId: string,
    product: { productId: string; sku: string; name: string },
    tracking: StockTracking,
  ): Promise<void> {
    return this.tracking.configure(organisationId, product, tracking);
  }

  /** Each product's stock settings; products never configured are untracked. */
  productTracking(productIds: string[]): Promise<Map<string, StockTracking>> {
    return this.tracking.of(productIds);
  }

  /** The product's own stock item (set once it has been tracked), e.g. to record its opening stock. */
  async stockItemIdOf(productId: string): Promise<string | null> {
    if (!isUuid(productId)) return null;
    const [row] = await this.em.execute<Array<{ id: string }>>('select id from stock_item where product_id = ?', [productId]);
    return row?.id ?? null;
  }

  /** What each product has available at a store, counting expired holds as released. */
  async productStock(storeId: string, productIds: string[]): Promise<Map<string, ProductStock>> {
    const ids = productIds.filter(isUuid);
    const { componentsOf } = await this.ledger.components(ids);
    const stockItemIds = [...new Set([...componentsOf.values()].flat().map((c) => c.stockItemId))];
    const available = isUuid(storeId) ? await this.ledger.availability(storeId, stockItemIds) : new Map<string, number>();
    return new Map(productIds.map((id) => [id, productStockOf(componentsOf.get(id), available)]));
  }

  /**
   * Reserves stock for the lines, all or nothing; recipe products reserve their ingredients.
   * Calling it again with the same holdId returns the first hold. Throws OUT_OF_STOCK naming
   * every line that cannot be served.
   */
  async reserve(storeId: string, holdId: string, lines: ReservationLine[], ttlSeconds: number): Promise<{ expiresAt: Date }> {
    const problems = reservationProblems(holdId, lines, ttlSeconds);
    if (!isUuid(storeId)) problems.unshift({ field: 'storeId', reason: 'must be a store id' });
    if (problems.length > 0) throw InventoryError.invalidReservation(problems);

    const { componentsOf, items } = await this.ledger.components(lines.map((l) => l.productId));
    const demand = allocationsFor(lines, componentsOf);
    // Expired holds of this store, swept as the hold is written, give their stock back first, in the same ordered pass.
    const { expiresAt, expired } = await this.ledger.insertHold(holdId, storeId, demand, lines, ttlSeconds, EXPIRED_PER_RESERVATION);
    if (!expiresAt) return this.existingHold(holdId);
    const wanted = new Map(demand.map((d) => [d.stockItemId, d.quantity]));
    const freed = totalsOf(expired);
    const freedIds = expired.flatMap((h) => h.allocations.map((a) => a.stockItemId));
    const changes: LevelChange[] = [...new Set([...wanted.keys(), ...freedIds])].map((stockItemId) => {
      const reserve = wanted.get(stockItemId) ?? 0;
      const release = freed.get(`${storeId}:${stockItemId}`) ?? 0;
      const guard = reserve > 0 && !(items.get(stockItemId)?.allowBackorder ?? false);
      return { storeId, stockItemId, onHand: 0, reserved: reserve - release, guard };
    });
    const { rows, refused } = await this.applyChanges(changes);
    if (refused) {
      throw await this.outOfStock(storeId, lines, componentsOf, demand, rows, freed);
    }

    await this.ledger.insertMovements([
      ...releaseMovements(expired, rows, 'Hold expired'),
      ...demand.map((d) => ({
        storeId,
        stockItemId: d.stockItemId,
        kind: 'reservation' as const,
        quantity: 0,
        reservedDelta: d.quantity,
        onHandAfter: rowOf(rows, storeId, d.stockItemId).onHand,
        reason: `Reserved: ${describeLines(lines)}`,
        holdId,
        userId: null,
      })),
    ]);
    for (const d of demand) {
      const item = items.get(d.stockItemId);
      const availableDelta = -(d.quantity - (freed.get(`${storeId}:${d.stockItemId}`) ?? 0));
      if (item) this.alertIfLow(storeId, d.stockItemId, item, rowOf(rows, storeId, d.stockItemId), availableDelta);
    }
    return { expiresAt };
  }

  /** The reservation becomes a sale: on hand and reserved go down together. Committing twice is a no-op. */
  async commit(holdId: string): Promise<void> {
    const hold = await this.ledger.closeHold(holdId, 'committed');
    if (!hold) {
      const state = await this.ledger.holdState(holdId);
      if (!state) throw InventoryError.notFound(InventoryErrorCode.HOLD_NOT_FOUND, 'Hold', holdId);
      if (state.status === 'committed') return;
      throw new InventoryError(InventoryErrorCode.HOLD_CLOSED, `Hold ${holdId} was ${state.status}; its stock is no longer kept`);
    }
    const { rows } = await this.applyChanges(
      hold.allocations.map((a) => ({ storeId: hold.storeId, stockItemId: a.stockItemId, onHand: -a.quantity, reserved: -a.quantity, guard: false })),
    );
    await this.ledger.insertMovements(
      hold.allocations.map((a) => ({
        storeId: hold.storeId,
        stockItemId: a.stockItemId,
        kind: 'sale' as const,
        quantity: -a.quantity,
        reservedDelta: -a.quantity,
        onHandAfter: rowOf(rows, hold.storeId, a.stockItemId).onHand,
        reason: `Sold: ${describeLines(hold.lines)}`,
        holdId,
        userId: null,
      })),
    );
  }

  /**
   * Sold goods come back on the shelf (a refunded order line): on hand goes up by what the lines
   * consumed when sold (recipe products: their ingredients), with a `return` movement each.
   * Untracked products move nothing. `holdId` ties the movements to the order they were sold in.
   */
  async restock(storeId: string, holdId: string, lines: ReservationLine[], reason: string, userId: string | null = null): Promise<void> {
    const problems = reservationProblems(holdId, lines, 1);
    if (!isUuid(storeId)) problems.unshift({ field: 'storeId', reason: 'must be a store id' });
    if (problems.length > 0) throw InventoryError.invalidReservation(problems);
    const { componentsOf } = await this.ledger.components(lines.map((l) => l.productId));
    const returned = allocationsFor(lines, componentsOf);
    if (returned.length === 0) return;
    const { rows } = await this.applyChanges(returned.map((a) => ({ storeId, stockItemId: a.stockItemId, onHand: a.quantity, reserved: 0, guard: false })));
    await this.ledger.insertMovements(
      returned.map((a) => ({
        storeId,
        stockItemId: a.stockItemId,
        kind: 'return' as const,
        quantity: a.quantity,
        reservedDelta: 0,
        onHandAfter: rowOf(rows, storeId, a.stockItemId).onHand,
        reason: `${reason.slice(0, 200)}: ${describeLines(lines)}`.slice(0, 500),
        holdId,
        userId,
      })),
    );
  }

  /** Gives a hold's stock back. Unknown, released and expired holds are a no-op; committed ones refuse. */
  async release(holdId: string): Promise<void> {
    const hold = await this.ledger.closeHold(holdId, 'released');
    if (!hold) {
      const state = await this.ledger.holdState(holdId);
      if (state?.status === 'committed') {
        throw new InventoryError(InventoryErrorCode.HOLD_COMMITTED, `Hold ${holdId} was already sold; it cannot be released`);
      }
      return;
    }
    await this.giveBack([hold], 'Released');
  }

  /** Releases holds past their expiry (the scheduled sweep); returns how many. */
  async releaseExpiredHolds(): Promise<number> {
    const expired = await this.ledger.claimExpiredHolds(EXPIRED_PER_SWEEP);
    await this.giveBack(expired, 'Hold expired');
    return expired.length;
  }

  private async giveBack(holds: readonly ClosedHold[], why: string): Promise<void> {
    const totals = totalsOf(holds);
    const { rows } = await this.applyChanges(
      [...totals.entries()].map(([key, quantity]) => {
        const [storeId, stockItemId] = key.split(':') as [string, string];
        return { storeId, stockItemId, onHand: 0, reserved: -quantity, guard: false };
      }),
    );
    await this.ledger.insertMovements(releaseMovements(holds, rows, why));
  }

  /**
   * Applies level changes in one fixed order (store, then stock item) so concurrent passes cannot
   * deadlock, in one statement. From the first change whose level row does not exist yet (an
   * item's first movement at a store), the rows are created and the rest applied in a second
   * pass, still in order; `refused` is set when a guard refused (the others are applied: the
   * caller throws, rolling its transaction back).
   */
  private async applyChanges(changes: readonly LevelChange[]): Promise<{ rows: Map<string, LevelRow>; refused?: LevelChange }> {
    const keyOf = (c: LevelChange) => `${c.storeId}:${c.stockItemId}`;
    const sorted = [...changes].sort((a, b) => compare(keyOf(a), keyOf(b)));
    const rows = await this.ledger.changeLevels(sorted);
    let left = sorted.filter((c) => !rows.has(keyOf(c)));
    if (left.length > 0) {
      for (const storeId of new Set(left.map((c) => c.storeId))) {
        await this.ledger.ensureLevels(storeId, left.filter((c) => c.storeId === storeId).map((c) => c.stockItemId));
      }
      for (const [key, row] of await this.ledger.changeLevels(left)) rows.set(key, row);
      left = left.filter((c) => !rows.has(keyOf(c)));
    }
    return { rows, refused: left[0] };
  }

  private async outOfStock(
    storeId: string,
    lines: readonly ReservationLine[],
    componentsOf: Parameters<typeof shortLines>[1],
    demand: readonly Allocation[],
    applied: ReadonlyMap<string, LevelRow>,
    freed: ReadonlyMap<string, number>,
  ): Promise<InventoryError> {
    // What each item had for this request: now, plus what this request already took or was about to free.
    const now = await this.ledger.availability(storeId, demand.map((d) => d.stockItemId));
    const had = new Map(
      demand.map((d) => {
        const key = `${storeId}:${d.stockItemId}`;
        const extra = applied.has(key) ? d.quantity : (freed.get(key) ?? 0);
        return [d.stockItemId, (now.get(d.stockItemId) ?? 0) + extra];
      }),
    );
    const details = shortLines(lines, componentsOf, demand, had);
    return InventoryError.outOfStock(lines.map((l) => l.name), details);
  }

  private async existingHold(holdId: string): Promise<{ expiresAt: Date }> {
    const state = await this.ledger.holdState(holdId);
    if (state && (state.status === 'active' || state.status === 'committed')) return { expiresAt: state.expiresAt };
    throw new InventoryError(InventoryErrorCode.HOLD_CLOSED, `Hold ${holdId} was ${state?.status ?? 'closed'}; use a new hold id`);
  }

  private alertIfLow(storeId: string, stockItemId: string, item: Pick<ItemFacts, 'sku' | 'name'>, row: LevelRow, availableDelta: number): void {
    const available = row.onHand - row.reserved;
    if (!crossedLowThreshold(row.lowStockThreshold, available, availableDelta)) return;
    this.events.publish(
      stockLow({ storeId, stockItemId, sku: item.sku, name: item.name, available, threshold: row.lowStockThreshold, parLevel: row.parLevel }),
    );
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Per `storeId:stockItemId`, the total the holds keep. */
function totalsOf(holds: readonly ClosedHold[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const hold of holds) {
    for (const a of hold.allocations) {
      const key = `${hold.storeId}:${a.stockItemId}`;
      totals.set(key, (totals.get(key) ?? 0) + a.quantity);
    }
  }
  return totals;
}

function rowOf(rows: ReadonlyMap<string, LevelRow>, storeId: string, stockItemId: string): LevelRow {
  const row = rows.get(`${storeId}:${stockItemId}`);
  if (!row) throw new Error(`No level was changed for ${stockItemId} at ${storeId}`);
  return row;
}

function releaseMovements(holds: readonly ClosedHold[], rows: ReadonlyMap<string, LevelRow>, why: string): NewMovement[] {
  return holds.flatMap((hold) =>
    hold.allocations.map((a) => ({
      storeId: hold.storeId,
      stockItemId: a.stockItemId,
      kind: 'release' as const,
      quantity: 0,
      reservedDelta: -a.quantity,
      onHandAfter: rowOf(rows, hold.storeId, a.stockItemId).onHand,
      reason: `${why}: ${describeLines(hold.lines)}`,
      holdId: hold.holdId,
      userId: null,
    })),
  );
}
