import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { InventoryError } from '../src';
import { HoldExpiryJob } from '../src/hold-expiry.job';
import {
  deliver,
  inTransaction,
  ledgerMismatches,
  levelOf,
  organisationOf,
  recipeProduct,
  stockItem,
  systemEm,
  trackedProduct,
} from './inventory.factory';

/**
 * Never oversell, under real concurrency: every reservation is its own transaction and they
 * all start at once (on PostgreSQL they race on the pool's connections).
 */
describe('stock under concurrency', () => {
  let kassa: TestApp;
  let storeId: string;
  let organisationId: string;

  beforeAll(async () => {
    kassa = await startTestApp();
    organisationId = await organisationOf(kassa, await kassa.login());
    storeId = await demoStoreId(kassa.http);
  });
  afterAll(() => kassa.close());

  it('lets exactly 5 of 100 simultaneous reservations have the last 5 buns', async () => {
    const bun = await trackedProduct(kassa, organisationId, 'Kanelbulle');
    await deliver(kassa, storeId, bun.stockItemId, 5);

    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        inTransaction(kassa, (inventory) => inventory.reserve(storeId, `race-${i}`, [{ ...bun, quantity: 1 }], 600)).then(
          () => 'reserved',
          (error: unknown) => (error instanceof InventoryError ? error : Promise.reject(error)),
        ),
      ),
    );

    const refused = outcomes.filter((o): o is InventoryError => o instanceof InventoryError);
    expect(outcomes.filter((o) => o === 'reserved')).toHaveLength(5);
    expect(refused).toHaveLength(95);
    for (const error of refused) {
      expect({ code: error.code, status: error.status }).toEqual({ code: 'OUT_OF_STOCK', status: 409 });
      expect(error.message).toContain('Kanelbulle');
      expect(error.details).toEqual([{ field: 'items.0.quantity', reason: 'Kanelbulle: only 0 left' }]);
    }
    expect(await levelOf(kassa, storeId, bun.stockItemId)).toEqual({ onHand: 5, reserved: 5 });
    const [holds] = await systemEm(kassa).execute<Array<{ n: number }>>(
      `select count(*)::int as n from stock_hold where hold_id like 'race-%' and status = 'active'`,
    );
    expect(holds.n).toBe(5);
  });

  it('keeps every level equal to the sum of its movements after a concurrent mix of everything', async () => {
    const coffee = await stockItem(kassa, organisationId, 'Kaffebönor', 'g');
    const milk = await stockItem(kassa, organisationId, 'Mjölk', 'ml');
    const latte = await recipeProduct(kassa, organisationId, 'Latte', [
      { stockItemId: coffee, quantity: 18 },
      { stockItemId: milk, quantity: 200 },
    ]);
    const bun = await trackedProduct(kassa, organisationId, 'Kardemummabulle');
    const bread = await trackedProduct(kassa, organisationId, 'Rågbröd', { allowBackorder: true });
    await Promise.all([
      deliver(kassa, storeId, coffee, 500),
      deliver(kassa, storeId, milk, 4000),
      deliver(kassa, storeId, bun.stockItemId, 15),
    ]);

    // Some holds that will have expired while the rest runs, for reservations and the sweep to give back.
    for (let i = 0; i < 4; i++) {
      await inTransaction(kassa, (inventory) => inventory.reserve(storeId, `stale-${i}`, [{ ...latte, quantity: 1 }, { ...bun, quantity: 1 }], 600));
    }
    await systemEm(kassa).execute(`update stock_hold set expires_at = now() - interval '1 second' where hold_id like 'stale-%'`);

    const lines = [
      [{ ...latte, quantity: 2 }, { ...bun, quantity: 1 }],
      [{ ...bun, quantity: 2 }, { ...bread, quantity: 3 }],
      [{ ...bread, quantity: 1 }, { ...latte, quantity: 1 }],
      [{ ...latte, quantity: 3 }],
    ];
    const work = Array.from({ length: 60 }, async (_, i) => {
      const holdId = `mix-${i}`;
      try {
        await inTransaction(kassa, (inventory) => inventory.reserve(storeId, holdId, lines[i % lines.length], 600));
      } catch (error) {
        if (error instanceof InventoryError && error.code === 'OUT_OF_STOCK') return;
        throw error;
      }
      if (i % 3 === 0) await inTransaction(kassa, (inventory) => inventory.commit(holdId));
      else if (i % 3 === 1) await inTransaction(kassa, (inventory) => inventory.release(holdId));
    });
    const manual = Array.from({ length: 12 }, (_, i) =>
      inTransaction(kassa, (inventory) =>
        inventory.recordMovement({
          storeId,
          stockItemId: [coffee, milk, bun.stockItemId][i % 3],
          kind: i % 2 === 0 ? 'delivery' : 'adjustment',
          quantity: i % 2 === 0 ? 40 : -1,
          reason: 'Inventering',
        }),
      ).catch((error: unknown) => {
        if (error instanceof InventoryError && error.code === 'INSUFFICIENT_STOCK') return;
        throw error;
      }),
    );
    const sweeps = [kassa.app.get(HoldExpiryJob).run(), kassa.app.get(HoldExpiryJob).run()];
    await Promise.all([...work, ...manual, ...sweeps]);

    const [levels] = await systemEm(kassa).execute<Array<{ n: number }>>('select count(*)::int as n from stock_level');
    expect(levels.n).toBeGreaterThanOrEqual(5);
    expect(await ledgerMismatches(kassa)).toEqual([]);
    const stale = await systemEm(kassa).execute<Array<{ status: string }>>(`select status from stock_hold where hold_id like 'stale-%'`);
    expect(stale.map((h) => h.status)).toEqual(['expired', 'expired', 'expired', 'expired']);
    // Only backorder items may be below zero.
    const negative = await systemEm(kassa).execute<Array<{ stock_item_id: string }>>(
      'select stock_item_id from stock_level where on_hand - reserved < 0',
    );
    expect(negative.map((r) => r.stock_item_id).filter((id) => id !== bread.stockItemId)).toEqual([]);
  });
});
