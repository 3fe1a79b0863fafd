import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { demoStoreId } from '../../../test/support/fixtures';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { checkout, checkoutBody, openAllDay, stockedProduct, stockOf } from './orders.factory';

/** One Idempotency-Key, one order: retries, restarts, other bodies and a crowd of identical requests. */
describe('checkout idempotency', () => {
  // On disk, so the embedded database survives the restart.
  const dataDir = mkdtempSync(join(tmpdir(), 'kassa-idempotency-'));
  let database: TestDatabase;
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let bun: { id: string; stockItemId: string };

  const orderCount = async () => {
    const [row] = await (kassa.app.get(MikroORM).em.fork() as EntityManager).execute<Array<{ n: string }>>('select count(*) as n from orders');
    return Number(row.n);
  };

  beforeAll(async () => {
    database = await createTestDatabase(dataDir);
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true' }, database);
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId);
    bun = await stockedProduct(kassa.http, owner, storeId, { onHand: 1000 });
  });
  afterAll(async () => {
    await kassa.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('replays the first answer byte for byte for the same key and body, even after a restart', async () => {
    const key = randomUUID();
    const body = checkoutBody(storeId, bun.id);
    const first = await checkout(kassa.http, body, key).expect(201);
    const again = await checkout(kassa.http, { ...body, locale: body.locale }, key).expect(201);
    expect(again.text).toBe(first.text);
    expect(again.headers['idempotent-replayed']).toBe('true');

    await kassa.close();
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true' }, database);
    // Same body with its keys in another order: still the same checkout.
    const reordered = { payment: body.payment, customer: body.customer, pickup: body.pickup, items: body.items, storeId: body.storeId, locale: body.locale };
    const afterRestart = await checkout(kassa.http, reordered, key).expect(201);
    expect(afterRestart.text).toBe(first.text);
  });

  it('refuses the same key with a different body (422 IDEMPOTENCY_KEY_REUSED) and changes nothing', async () => {
    const key = randomUUID();
    await checkout(kassa.http, checkoutBody(storeId, bun.id), key).expect(201);
    const before = await orderCount();
    const reused = await checkout(kassa.http, checkoutBody(storeId, bun.id, { items: [{ productId: bun.id, quantity: 3 }] }), key).expect(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', details: [{ field: 'Idempotency-Key' }] });
    expect(await orderCount()).toBe(before);
  });

  it('requires the header, up to 255 visible characters', async () => {
    const body = checkoutBody(storeId, bun.id);
    const missing = await kassa.http.post('/api/v1/orders').send(body).expect(400);
    expect(missing.body).toMatchObject({ code: 'INVALID_IDEMPOTENCY_KEY', details: [{ field: 'Idempotency-Key' }] });
    await checkout(kassa.http, body, 'x'.repeat(256)).expect(400);
    await checkout(kassa.http, body, 'x'.repeat(255)).expect(201);
  });

  it('lets a refused checkout run again under its key: nothing was held, nothing was kept', async () => {
    const key = randomUUID();
    const tooMany = checkoutBody(storeId, bun.id, { items: [{ productId: bun.id, quantity: 999 }] });
    const before = await stockOf(kassa.http, owner, storeId, bun.stockItemId);
    await checkout(kassa.http, tooMany, key).expect(409);
    expect(await stockOf(kassa.http, owner, storeId, bun.stockItemId)).toEqual(before);
    await checkout(kassa.http, tooMany, key).expect(409);
  });

  it('makes exactly one order from 100 identical requests sent at once', async () => {
    const key = randomUUID();
    const body = checkoutBody(storeId, bun.id, { items: [{ productId: bun.id, quantity: 2 }] });
    const before = await orderCount();
    const stockBefore = await stockOf(kassa.http, owner, storeId, bun.stockItemId);
    const answers = await Promise.all(Array.from({ length: 100 }, () => checkout(kassa.http, body, key)));
    const created = answers.filter((a) => a.status === 201);
    const inUse = answers.filter((a) => a.status === 409 && a.body.code === 'IDEMPOTENCY_KEY_IN_USE');
    expect(created.length + inUse.length).toBe(100);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((a) => a.text)).size).toBe(1);
    expect(await orderCount()).toBe(before + 1);
    expect(await stockOf(kassa.http, owner, storeId, bun.stockItemId)).toEqual({ ...stockBefore, reserved: stockBefore.reserved + 2, available: stockBefore.available - 2 });
  });
});
