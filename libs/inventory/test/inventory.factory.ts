import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { applyTenancy, newId } from '@kassa/shared';
import type { TestApp } from '../../../test/support/test-app';
import { InventoryService, StockTracking, StockUnit } from '../src';

let counter = 0;

/** A fork of the app's EntityManager for system work, not narrowed to any store. */
export function systemEm(kassa: TestApp): EntityManager {
  const em = kassa.app.get(MikroORM).em.fork() as EntityManager;
  applyTenancy(em, 'unscoped');
  return em;
}

/** Runs `work` with the InventoryService in its own transaction, as a caller's entry point would. */
export function inTransaction<T>(kassa: TestApp, work: (inventory: InventoryService) => Promise<T>): Promise<T> {
  const inventory = kassa.app.get(InventoryService);
  return systemEm(kassa).transactional(() => work(inventory));
}

export async function organisationOf(kassa: TestApp, auth: string): Promise<string> {
  const me = await kassa.http.get('/api/v1/auth/me').set('Authorization', auth).expect(200);
  return me.body.organisationId as string;
}

/** A catalog product (only its id lives here) that tracks its own stock. */
export async function trackedProduct(
  kassa: TestApp,
  organisationId: string,
  name: string,
  options: { allowBackorder?: boolean } = {},
): Promise<{ productId: string; stockItemId: string; name: string }> {
  counter += 1;
  const productId = newId();
  const tracking: StockTracking = { mode: 'tracked', allowBackorder: options.allowBackorder ?? false };
  await inTransaction(kassa, (inventory) => inventory.configureProduct(organisationId, { productId, sku: `P-${counter}-${productId.slice(0, 8)}`, name }, tracking));
  const [row] = await systemEm(kassa).execute<Array<{ id: string }>>('select id from stock_item where product_id = ?', [productId]);
  return { productId, stockItemId: row.id, name };
}

export async function stockItem(
  kassa: TestApp,
  organisationId: string,
  name: string,
  unit: StockUnit,
  options: { allowBackorder?: boolean } = {},
): Promise<string> {
  counter += 1;
  return inTransaction(kassa, (inventory) =>
    inventory.createStockItem(organisationId, { sku: `I-${counter}-${newId().slice(0, 8)}`, name, unit, allowBackorder: options.allowBackorder }),
  );
}

export async function recipeProduct(
  kassa: TestApp,
  organisationId: string,
  name: string,
  ingredients: Array<{ stockItemId: string; quantity: number }>,
): Promise<{ productId: string; name: string }> {
  counter += 1;
  const productId = newId();
  await inTransaction(kassa, (inventory) =>
    inventory.configureProduct(organisationId, { productId, sku: `R-${counter}-${productId.slice(0, 8)}`, name }, { mode: 'recipe', ingredients }),
  );
  return { productId, name };
}

export function deliver(kassa: TestApp, storeId: string, stockItemId: string, quantity: number): Promise<{ onHandAfter: number }> {
  return inTransaction(kassa, (inventory) =>
    inventory.recordMovement({ storeId, stockItemId, kind: 'delivery', quantity, reason: 'Leverans' }),
  );
}

export interface LevelFacts {
  onHand: number;
  reserved: number;
}

export async function levelOf(kassa: TestApp, storeId: string, stockItemId: string): Promise<LevelFacts> {
  const [row] = await systemEm(kassa).execute<Array<{ on_hand: number; reserved: number }>>(
    'select on_hand, reserved from stock_level where store_id = ? and stock_item_id = ?',
    [storeId, stockItemId],
  );
  return { onHand: row?.on_hand ?? 0, reserved: row?.reserved ?? 0 };
}

/**
 * The ledger's promise, checked for every level in the database: on hand is the sum of the
 * on-hand changes of its movements, reserved the sum of their reserved changes, and reserved is
 * exactly what the active holds keep.
 */
export async function ledgerMismatches(kassa: TestApp): Promise<unknown[]> {
  return systemEm(kassa).execute(
    `select l.store_id, l.stock_item_id, l.on_hand, l.reserved, m.moved, m.reserved_moved, h.held
       from stock_level l
       left join lateral (
         select coalesce(sum(quantity), 0)::int as moved, coalesce(sum(reserved_delta), 0)::int as reserved_moved
           from stock_movement where store_id = l.store_id and stock_item_id = l.stock_item_id) m on true
       left join lateral (
         select coalesce(sum((a->>'quantity')::int), 0)::int as held
           from stock_hold h cross join jsonb_array_elements(h.allocations) a
          where h.store_id = l.store_id and h.status = 'active' and (a->>'stockItemId')::uuid = l.stock_item_id) h on true
      where l.on_hand <> m.moved or l.reserved <> m.reserved_moved or l.reserved <> h.held`,
  );
}

export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
