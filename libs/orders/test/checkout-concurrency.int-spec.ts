import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { createStore } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { checkout, checkoutBody, firstFreeSlot, openAllDay, slotRemaining, stockedProduct, stockOf } from './orders.factory';

/**
 * Real concurrency through the whole checkout (on PostgreSQL in CI's second run): a crowd of
 * customers racing for the last places never gets more orders than there is room or stock for,
 * every refusal is clean, and every order number of the day is different.
 */
describe('checkouts racing for a slot and for stock', () => {
  let kassa: TestApp;
  let owner: string;

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true' });
    owner = await kassa.login();
  });
  afterAll(() => kassa.close());

  it('fills a slot with room for 10 orders from 100 concurrent checkouts: 10 orders, 90 × 409 SLOT_FULL', async () => {
    const store = await createStore(kassa.http, owner);
    await openAllDay(kassa.http, owner, store.id, { maxOrders: 10 });
    const coffee = await stockedProduct(kassa.http, owner, store.id, { onHand: 1000 });
    const slot = await firstFreeSlot(kassa.http, store.id);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => checkout(kassa.http, checkoutBody(store.id, coffee.id, { pickup: { slotStart: slot.start } }))),
    );
    const codes = answers.map((a) => (a.status === 201 ? 'created' : `${a.status} ${a.body.code}`));
    expect(codes.filter((c) => c === 'created')).toHaveLength(10);
    expect(codes.filter((c) => c === '409 SLOT_FULL')).toHaveLength(90);
    expect(await slotRemaining(kassa.http, store.id, slot.start)).toBe(0);
    // Only the ten orders keep stock.
    expect(await stockOf(kassa.http, owner, store.id, coffee.stockItemId)).toEqual({ onHand: 1000, reserved: 10, available: 990 });
    const numbers = answers.filter((a) => a.status === 201).map((a) => a.body.number as string);
    expect(new Set(numbers).size).toBe(10);
  });

  it('sells the last 5 buns to exactly 5 of 40 concurrent checkouts; the rest get 409 OUT_OF_STOCK and hold no slot', async () => {
    const store = await createStore(kassa.http, owner);
    await openAllDay(kassa.http, owner, store.id);
    const bun = await stockedProduct(kassa.http, owner, store.id, { onHand: 5 });
    const answers = await Promise.all(Array.from({ length: 40 }, () => checkout(kassa.http, checkoutBody(store.id, bun.id))));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 409 && a.body.code === 'OUT_OF_STOCK')).toHaveLength(35);
    expect(await stockOf(kassa.http, owner, store.id, bun.stockItemId)).toEqual({ onHand: 5, reserved: 5, available: 0 });
    const em = kassa.app.get(MikroORM).em.fork() as EntityManager;
    const [holds] = await em.execute<Array<{ n: string }>>(`select count(*) as n from slot_hold where store_id = ? and status = 'active'`, [store.id]);
    expect(Number(holds.n)).toBe(5);
  });
});
