import { newId } from '@kassa/shared';
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

async function failure(promise: Promise<unknown>): Promise<InventoryError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InventoryError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('stock reservations', () => {
  let kassa: TestApp;
  let storeId: string;
  let organisationId: string;

  beforeAll(async () => {
    kassa = await startTestApp();
    organisationId = await organisationOf(kassa, await kassa.login());
    storeId = await demoStoreId(kassa.http);
  });
  afterAll(() => kassa.close());

  const reserve = (holdId: string, lines: Array<{ productId: string; name: string; quantity: number }>, ttl = 600) =>
    inTransaction(kassa, (inventory) => inventory.reserve(storeId, holdId, lines, ttl));
  const stockOf = async (productId: string) =>
    (await inTransaction(kassa, (inventory) => inventory.productStock(storeId, [productId]))).get(productId);

  it('reserves, then a commit turns the reservation into a sale and a release gives it back', async () => {
    const bun = await trackedProduct(kassa, organisationId, 'Kanelbulle');
    await deliver(kassa, storeId, bun.stockItemId, 10);

    const { expiresAt } = await reserve('hold-sold', [{ ...bun, quantity: 3 }]);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 590_000);
    expect(await levelOf(kassa, storeId, bun.stockItemId)).toEqual({ onHand: 10, reserved: 3 });
    expect(await stockOf(bun.productId)).toEqual({ tracked: true, available: 7, soldOut: false });

    await inTransaction(kassa, (inventory) => inventory.commit('hold-sold'));
    expect(await levelOf(kassa, storeId, bun.stockItemId)).toEqual({ onHand: 7, reserved: 0 });

    await reserve('hold-given-back', [{ ...bun, quantity: 2 }]);
    await inTransaction(kassa, (inventory) => inventory.release('hold-given-back'));
    await inTransaction(kassa, (inventory) => inventory.release('hold-given-back'));
    expect(await levelOf(kassa, storeId, bun.stockItemId)).toEqual({ onHand: 7, reserved: 0 });

    const movements = await systemEm(kassa).execute<Array<{ kind: string; quantity: number; reserved_delta: number; on_hand_after: number; hold_id: string | null }>>(
      'select kind, quantity, reserved_delta, on_hand_after, hold_id from stock_movement where stock_item_id = ? order by created_at',
      [bun.stockItemId],
    );
    expect(movements).toEqual([
      { kind: 'delivery', quantity: 10, reserved_delta: 0, on_hand_after: 10, hold_id: null },
      { kind: 'reservation', quantity: 0, reserved_delta: 3, on_hand_after: 10, hold_id: 'hold-sold' },
      { kind: 'sale', quantity: -3, reserved_delta: -3, on_hand_after: 7, hold_id: 'hold-sold' },
      { kind: 'reservation', quantity: 0, reserved_delta: 2, on_hand_after: 7, hold_id: 'hold-given-back' },
      { kind: 'release', quantity: 0, reserved_delta: -2, on_hand_after: 7, hold_id: 'hold-given-back' },
    ]);
    expect(await ledgerMismatches(kassa)).toEqual([]);
  });

  it('is idempotent per hold id, and refuses to release a sold hold or commit a released one', async () => {
    const bun = await trackedProduct(kassa, organisationId, 'Semla');
    await deliver(kassa, storeId, bun.stockItemId, 5);
    const first = await reserve('hold-twice', [{ ...bun, quantity: 2 }]);
    const second = await reserve('hold-twice', [{ ...bun, quantity: 2 }]);
    expect(second.expiresAt).toEqual(first.expiresAt);
    expect(await levelOf(kassa, storeId, bun.stockItemId)).toEqual({ onHand: 5, reserved: 2 });

    await inTransaction(kassa, (inventory) => inventory.commit('hold-twice'));
    await inTransaction(kassa, (inventory) => inventory.commit('hold-twice'));
    expect(await levelOf(kassa, storeId, bun.stockItemId)).toEqual({ onHand: 3, reserved: 0 });
    expect((await failure(inTransaction(kassa, (inventory) => inventory.release('hold-twice')))).code).toBe('HOLD_COMMITTED');

    await reserve('hold-dropped', [{ ...bun, quantity: 1 }]);
    await inTransaction(kassa, (inventory) => inventory.release('hold-dropped'));
    expect((await failure(inTransaction(kassa, (inventory) => inventory.commit('hold-dropped')))).code).toBe('HOLD_CLOSED');
    const unknown = await failure(inTransaction(kassa, (inventory) => inventory.commit('no-such-hold')));
    expect({ code: unknown.code, status: unknown.status }).toEqual({ code: 'HOLD_NOT_FOUND', status: 404 });
  });

  it('is all or nothing and names every product it cannot serve', async () => {
    const bun = await trackedProduct(kassa, organisationId, 'Kardemummabulle');
    const cake = await trackedProduct(kassa, organisationId, 'Prinsesstårta');
    await deliver(kassa, storeId, bun.stockItemId, 4);
    await deliver(kassa, storeId, cake.stockItemId, 1);

    const error = await failure(reserve('hold-too-much', [{ ...bun, quantity: 2 }, { ...cake, quantity: 2 }]));
    expect({ code: error.code, status: error.status }).toEqual({ code: 'OUT_OF_STOCK', status: 409 });
    expect(error.message).toContain('Prinsesstårta');
    expect(error.details).toEqual([{ field: 'items.1.quantity', reason: 'Prinsesstårta: only 1 left' }]);
    expect(await levelOf(kassa, storeId, bun.stockItemId)).toEqual({ onHand: 4, reserved: 0 });
    // Nothing of the failed attempt remains, so the same hold id can be used again.
    await reserve('hold-too-much', [{ ...bun, quantity: 2 }, { ...cake, quantity: 1 }]);
    expect(await stockOf(cake.productId)).toEqual({ tracked: true, available: 0, soldOut: true });
  });

  it('reserves a recipe’s ingredients: two lattes keep 36 g coffee and 400 ml milk', async () => {
    const coffee = await stockItem(kassa, organisationId, 'Kaffebönor', 'g');
    const milk = await stockItem(kassa, organisationId, 'Mjölk', 'ml');
    const latte = await recipeProduct(kassa, organisationId, 'Caffè latte', [
      { stockItemId: coffee, quantity: 18 },
      { stockItemId: milk, quantity: 200 },
    ]);
    await deliver(kassa, storeId, coffee, 1000);
    await deliver(kassa, storeId, milk, 1000);
    expect(await stockOf(latte.productId)).toEqual({ tracked: true, available: 5, soldOut: false });

    await reserve('hold-lattes', [{ ...latte, quantity: 2 }]);
    expect(await levelOf(kassa, storeId, coffee)).toEqual({ onHand: 1000, reserved: 36 });
    expect(await levelOf(kassa, storeId, milk)).toEqual({ onHand: 1000, reserved: 400 });
    expect(await stockOf(latte.productId)).toEqual({ tracked: true, available: 3, soldOut: false });

    await inTransaction(kassa, (inventory) => inventory.commit('hold-lattes'));
    expect(await levelOf(kassa, storeId, coffee)).toEqual({ onHand: 964, reserved: 0 });
    expect(await levelOf(kassa, storeId, milk)).toEqual({ onHand: 600, reserved: 0 });

    const error = await failure(reserve('hold-too-many-lattes', [{ ...latte, quantity: 4 }]));
    expect(error.details).toEqual([{ field: 'items.0.quantity', reason: 'Caffè latte: only 3 left' }]);
    const tracking = await inTransaction(kassa, (inventory) => inventory.productTracking([latte.productId, newId()]));
    expect([...tracking.values()]).toEqual([
      { mode: 'recipe', ingredients: [{ stockItemId: coffee, quantity: 18 }, { stockItemId: milk, quantity: 200 }] },
      { mode: 'untracked' },
    ]);
  });

  it('lets a backorder product go below zero, and leaves untracked products alone', async () => {
    const bread = await trackedProduct(kassa, organisationId, 'Surdegsbröd', { allowBackorder: true });
    const untracked = { productId: newId(), name: 'Kranvatten' };
    await deliver(kassa, storeId, bread.stockItemId, 1);
    await reserve('hold-backorder', [{ ...bread, quantity: 3 }, { ...untracked, quantity: 50 }]);
    expect(await stockOf(bread.productId)).toEqual({ tracked: true, available: -2, soldOut: false });
    expect(await stockOf(untracked.productId)).toEqual({ tracked: false, available: null, soldOut: false });
    await inTransaction(kassa, (inventory) => inventory.commit('hold-backorder'));
    expect(await levelOf(kassa, storeId, bread.stockItemId)).toEqual({ onHand: -2, reserved: 0 });
    expect(await inTransaction(kassa, (inventory) => inventory.productTracking([bread.productId]))).toEqual(
      new Map([[bread.productId, { mode: 'tracked', allowBackorder: true }]]),
    );
  });

  it('treats expired holds as released on read and on reserve, and the sweep releases them', async () => {
    const bun = await trackedProduct(kassa, organisationId, 'Wienerbröd');
    await deliver(kassa, storeId, bun.stockItemId, 3);
    await reserve('hold-expiring-1', [{ ...bun, quantity: 2 }]);
    await reserve('hold-expiring-2', [{ ...bun, quantity: 1 }]);
    expect(await stockOf(bun.productId)).toEqual({ tracked: true, available: 0, soldOut: true });
    await systemEm(kassa).execute(`update stock_hold set expires_at = now() - interval '1 second' where hold_id like 'hold-expiring-%'`);

    expect(await stockOf(bun.productId)).toEqual({ tracked: true, available: 3, soldOut: false });
    // A new reservation gives the expired holds' stock back first.
    await reserve('hold-after-expiry', [{ ...bun, quantity: 3 }]);
    expect(await levelOf(kassa, storeId, bun.stockItemId)).toEqual({ onHand: 3, reserved: 3 });
    expect((await failure(inTransaction(kassa, (inventory) => inventory.commit('hold-expiring-1')))).code).toBe('HOLD_CLOSED');

    await systemEm(kassa).execute(`update stock_hold set expires_at = now() - interval '1 second' where hold_id = 'hold-after-expiry'`);
    expect(await kassa.app.get(HoldExpiryJob).run()).toBe(1);
    expect(await levelOf(kassa, storeId, bun.stockItemId)).toEqual({ onHand: 3, reserved: 0 });
    const [hold] = await systemEm(kassa).execute<Array<{ status: string }>>(`select status from stock_hold where hold_id = 'hold-after-expiry'`);
    expect(hold.status).toBe('expired');
    expect(await ledgerMismatches(kassa)).toEqual([]);
  });

  it('refuses stock settings naming ingredients of another organisation, field by field', async () => {
    const coffee = await stockItem(kassa, organisationId, 'Kaffe mörkrost', 'g');
    const error = await failure(
      inTransaction(kassa, (inventory) =>
        inventory.configureProduct(organisationId, { productId: newId(), sku: 'CAPPUCCINO', name: 'Cappuccino' }, {
          mode: 'recipe',
          ingredients: [{ stockItemId: coffee, quantity: 18 }, { stockItemId: newId(), quantity: 150 }],
        }),
      ),
    );
    expect({ code: error.code, status: error.status }).toEqual({ code: 'INVALID_STOCK_SETTINGS', status: 422 });
    expect(error.details).toEqual([{ field: 'stock.ingredients.1.stockItemId', reason: 'is not a stock item of this organisation' }]);
    const otherOrganisation = await failure(
      inTransaction(kassa, (inventory) =>
        inventory.configureProduct(newId(), { productId: newId(), sku: 'CORTADO', name: 'Cortado' }, {
          mode: 'recipe',
          ingredients: [{ stockItemId: coffee, quantity: 18 }],
        }),
      ),
    );
    expect(otherOrganisation.details).toEqual([{ field: 'stock.ingredients.0.stockItemId', reason: 'is not a stock item of this organisation' }]);
  });

  it('keeps a product’s own stock item when it stops being tracked and picks it up again', async () => {
    const bun = await trackedProduct(kassa, organisationId, 'Lussekatt');
    await deliver(kassa, storeId, bun.stockItemId, 4);
    await inTransaction(kassa, (inventory) =>
      inventory.configureProduct(organisationId, { productId: bun.productId, sku: 'LUSSE', name: 'Lussekatt stor' }, { mode: 'untracked' }),
    );
    expect(await stockOf(bun.productId)).toEqual({ tracked: false, available: null, soldOut: false });
    await inTransaction(kassa, (inventory) =>
      inventory.configureProduct(organisationId, { productId: bun.productId, sku: 'LUSSE', name: 'Lussekatt stor' }, { mode: 'tracked', allowBackorder: false }),
    );
    expect(await stockOf(bun.productId)).toEqual({ tracked: true, available: 4, soldOut: false });
    const [item] = await systemEm(kassa).execute<Array<{ sku: string; name: string; unit: string }>>(
      'select sku, name, unit from stock_item where id = ?',
      [bun.stockItemId],
    );
    expect(item).toEqual({ sku: 'LUSSE', name: 'Lussekatt stor', unit: 'pcs' });
  });
});
