import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { systemEntityManager } from '@kassa/platform';
import { FakeStripe, STRIPE_PUBLISHABLE_KEY } from '../../libs/payments/test/fake-stripe';
import { checkout, checkoutBody, firstFreeSlot, openAllDay, slotRemaining, stockedProduct, stockOf } from '../../libs/orders/test/orders.factory';
import { demoStoreId } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A card checkout reaches Stripe only after the transaction that placed the order has committed:
 * while Stripe takes its time nothing the next customer needs (stock level, slot load, the day's
 * order number) is locked, and when Stripe fails the order is called off and the key freed.
 */
describe('checkout with a payment provider reached over the network', () => {
  const stripe = new FakeStripe();
  let kassa: TestApp;
  let owner: string;
  let storeId: string;

  beforeAll(async () => {
    await stripe.start();
    kassa = await startTestApp({
      KASSA_TEST_PAYMENTS: 'true',
      ...stripe.env(),
      KASSA_PAYMENT_TIMEOUT_MS: '1500',
    });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId);
  });
  afterEach(() => stripe.heal());
  afterAll(async () => {
    await kassa.close();
    await stripe.close();
  });

  /** Takes each row with NOWAIT on a connection of its own: throws if any is locked. */
  const lockFree = (sql: string, params: unknown[]) =>
    systemEntityManager(kassa.app.get(MikroORM)).transactional(async (tx) => {
      await tx.execute(`${sql} for update nowait`, params);
    });

  it('locks nothing while Stripe answers, and when it fails calls the order off and frees the key', async () => {
    const bun = await stockedProduct(kassa.http, owner, storeId, { onHand: 5 });
    const slot = await firstFreeSlot(kassa.http, storeId);
    const before = { stock: await stockOf(kassa.http, owner, storeId, bun.stockItemId), slot: await slotRemaining(kassa.http, storeId, slot.start) };
    const body = checkoutBody(storeId, bun.id, { pickup: { slotStart: slot.start }, payment: { method: 'card' } });
    const key = randomUUID();

    stripe.fail('/v1/payment_intents', 'timeout');
    const answer = checkout(kassa.http, body, key).then((r) => r);
    const deadline = Date.now() + 10_000;
    while (!stripe.requests.some((r) => r.method === 'POST' && r.path === '/v1/payment_intents') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Stripe has the request and has not answered: the order is placed, and its rows are free.
    await expect(lockFree('select 1 from stock_level where store_id = ? and stock_item_id = ?', [storeId, bun.stockItemId])).resolves.toBeUndefined();
    await expect(lockFree('select 1 from slot_load where store_id = ?', [storeId])).resolves.toBeUndefined();
    await expect(lockFree('select 1 from order_number where store_id = ?', [storeId])).resolves.toBeUndefined();
    const busy = await kassa.http.post('/api/v1/orders').set('Idempotency-Key', key).send(body);
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_USE' });

    const failed = await answer;
    expect(failed.status).toBe(502);
    expect(failed.body).toMatchObject({ code: 'PAYMENT_PROVIDER_UNAVAILABLE' });
    const [order] = await systemEntityManager(kassa.app.get(MikroORM)).execute<Array<{ id: string; status: string; payment_id: string }>>(
      `select id, status, payment_id from orders where store_id = ? and customer_name = ? order by created_at desc limit 1`,
      [storeId, 'Åsa Öberg'],
    );
    expect(order.status).toBe('cancelled');
    const [payment] = await systemEntityManager(kassa.app.get(MikroORM)).execute<Array<{ status: string }>>('select status from payment where id = ?', [order.payment_id]);
    expect(payment.status).toBe('cancelled');
    expect(await stockOf(kassa.http, owner, storeId, bun.stockItemId)).toEqual(before.stock);
    expect(await slotRemaining(kassa.http, storeId, slot.start)).toBe(before.slot);
    // The customer saw the error at checkout and never heard of the order: no "cancelled" message.
    const sql = systemEntityManager(kassa.app.get(MikroORM));
    const delivered = async () =>
      (await sql.execute<Array<{ n: string }>>(
        `select count(*) as n from outbox_message where consumer = 'notifications.order-cancelled' and payload->>'orderId' = ? and status = 'done'`,
        [order.id],
      ))[0].n;
    const until = Date.now() + 10_000;
    while (Number(await delivered()) === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Number(await delivered())).toBe(1);
    expect(await sql.execute('select id from notification where order_id = ?', [order.id])).toEqual([]);

    // Stripe is back: the customer's retry with the same key places the order afresh, once.
    stripe.heal();
    const placed = await checkout(kassa.http, body, key).expect(201);
    expect(placed.body).toMatchObject({ status: 'pending_payment', payment: { method: 'card', status: 'pending', nextAction: { type: 'stripe_payment', publishableKey: STRIPE_PUBLISHABLE_KEY } } });
    expect(placed.body.id).not.toBe(order.id);
    const replay = await checkout(kassa.http, body, key).expect(201);
    expect(replay.text).toBe(placed.text);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await stockOf(kassa.http, owner, storeId, bun.stockItemId)).toMatchObject({ reserved: before.stock.reserved + 1 });
  });

  it('keeps the test method in one transaction, answered at once, and tells the customer of a declined payment', async () => {
    const bun = await stockedProduct(kassa.http, owner, storeId, { onHand: 2 });
    const placed = await checkout(kassa.http, checkoutBody(storeId, bun.id)).expect(201);
    expect(placed.body.payment).toMatchObject({ method: 'test', status: 'pending', nextAction: { type: 'test_approval' } });
    expect(stripe.requests.filter((r) => r.path === '/v1/payment_intents' && r.form['metadata[orderId]'] === placed.body.id)).toEqual([]);

    // A payment the customer declines cancels the order, and that the customer is told of.
    await kassa.http.post(`/api/v1/payments/test/${placed.body.payment.id}/decline`).expect(200);
    const sql = systemEntityManager(kassa.app.get(MikroORM));
    const until = Date.now() + 10_000;
    let told: Array<{ kind: string }> = [];
    while (told.length === 0 && Date.now() < until) {
      told = await sql.execute<Array<{ kind: string }>>(`select kind from notification where order_id = ? and kind = 'order_cancelled'`, [placed.body.id]);
      if (told.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(told.length).toBeGreaterThan(0);
  });
});
