import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { createStore, createUser, demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { OrderTimersJob } from '../src/order-timers.job';
import { checkout, checkoutBody, firstFreeSlot, openAllDay, slotRemaining, stockedProduct, stockOf } from './orders.factory';

/** Cancelling, declining, paying at the counter, no-shows and refusals, as customers and staff meet them. */
describe('the order lifecycle', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let bun: { id: string; stockItemId: string };

  const place = async (overrides: Parameters<typeof checkoutBody>[2] = {}) => (await checkout(kassa.http, checkoutBody(storeId, bun.id, overrides)).expect(201)).body;
  const pay = (order: { payment: { id: string } }) => kassa.http.post(`/api/v1/payments/test/${order.payment.id}/approve`).expect(200);
  const admin = (orderId: string, action: string, body: object = {}) => kassa.http.post(`/api/v1/admin/orders/${orderId}/${action}`).set('Authorization', owner).send(body);
  const asCustomer = (order: { id: string; token: string }) => kassa.http.get(`/api/v1/orders/${order.id}`).set('X-Order-Token', order.token);

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true', KASSA_WORKERS: 'false', KASSA_NO_SHOW_GRACE_MINUTES: '30' });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId, { maxOrders: 50 });
    bun = await stockedProduct(kassa.http, owner, storeId, { onHand: 100 });
  });
  afterAll(() => kassa.close());

  it('lets the customer cancel an unpaid order: slot, stock and payment are given back', async () => {
    const slot = await firstFreeSlot(kassa.http, storeId);
    const before = { slot: await slotRemaining(kassa.http, storeId, slot.start), stock: await stockOf(kassa.http, owner, storeId, bun.stockItemId) };
    const order = await place({ pickup: { slotStart: slot.start } });
    const cancelled = await kassa.http.post(`/api/v1/orders/${order.id}/cancel`).set('X-Order-Token', order.token).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellable: false, payment: { status: 'cancelled' } });
    expect(await slotRemaining(kassa.http, storeId, slot.start)).toBe(before.slot);
    expect(await stockOf(kassa.http, owner, storeId, bun.stockItemId)).toEqual(before.stock);
  });

  it('refunds a paid order the customer cancels before the store accepts it; the stock stays sold', async () => {
    const order = await place();
    await pay(order);
    const cancelled = await kassa.http.post(`/api/v1/orders/${order.id}/cancel`).set('X-Order-Token', order.token).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', payment: { status: 'refunded' } });
  });

  it('stops the customer cancelling once the store accepted; staff still can', async () => {
    const order = await place();
    await pay(order);
    await admin(order.id, 'accept').expect(200);
    const refused = await kassa.http.post(`/api/v1/orders/${order.id}/cancel`).set('X-Order-Token', order.token).expect(409);
    expect(refused.body.code).toBe('INVALID_TRANSITION');
    const cancelled = await admin(order.id, 'cancel', { reason: 'Ugnen gick sönder' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', payment: { status: 'refunded' } });
    expect(cancelled.body.timeline.at(-1)).toMatchObject({ from: 'accepted', to: 'cancelled', actor: { kind: 'staff' }, reason: 'Ugnen gick sönder' });
  });

  it('cancels the order when the payment is declined', async () => {
    const order = await place();
    await kassa.http.post(`/api/v1/payments/test/${order.payment.id}/decline`).expect(200);
    expect((await asCustomer(order).expect(200)).body).toMatchObject({ status: 'cancelled', payment: { status: 'failed' } });
  });

  it('refuses illegal moves with 409 INVALID_TRANSITION and leaves the order as it was', async () => {
    const order = await place();
    const early = await admin(order.id, 'ready').expect(409);
    expect(early.body).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('pending payment') });
    await admin(order.id, 'hand-over', { code: 'AAAAAA' }).expect(409);
    expect((await asCustomer(order)).body.status).toBe('pending_payment');
  });

  it('hands a pay-at-pickup order over and records the payment at the counter', async () => {
    const order = await place({ payment: { method: 'in_store' } });
    const accepted = await admin(order.id, 'accept').expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', paymentStatus: 'pending' });
    await admin(order.id, 'start').expect(200);
    await admin(order.id, 'ready').expect(200);
    const pass = (await kassa.http.get(`/api/v1/orders/${order.id}/pickup-pass`).set('X-Order-Token', order.token).expect(200)).body;
    const handed = await admin(order.id, 'hand-over', { qr: pass.qr }).expect(200);
    expect(handed.body).toMatchObject({ status: 'picked_up', payment: { method: 'in_store', status: 'captured' } });
  });

  it('locks code entry after five wrong codes; the QR pass still works', async () => {
    const order = await place();
    await pay(order);
    await admin(order.id, 'ready').expect(409);
    await admin(order.id, 'accept').expect(200);
    await admin(order.id, 'ready').expect(200);
    for (let i = 0; i < 5; i++) await admin(order.id, 'hand-over', { code: 'ZZZZZZ' }).expect(422);
    const pass = (await kassa.http.get(`/api/v1/orders/${order.id}/pickup-pass`).set('X-Order-Token', order.token).expect(200)).body;
    const locked = await admin(order.id, 'hand-over', { code: pass.code }).expect(409);
    expect(locked.body.code).toBe('PICKUP_CODE_LOCKED');
    await admin(order.id, 'hand-over', { qr: `${pass.qr.slice(0, -1)}${pass.qr.endsWith('A') ? 'B' : 'A'}` }).expect(422);
    await admin(order.id, 'hand-over', { qr: pass.qr }).expect(200);
  });

  it('marks a ready order nobody collected as a no-show after the window and the grace period', async () => {
    const order = await place();
    await pay(order);
    await admin(order.id, 'accept').expect(200);
    await admin(order.id, 'ready').expect(200);
    const em = (kassa.app.get(MikroORM).em.fork() as EntityManager);
    await em.execute(`update orders set pickup_end = now() - interval '29 minutes' where id = ?`, [order.id]);
    expect((await kassa.app.get(OrderTimersJob).run()).noShows).toBe(0);
    await em.execute(`update orders set pickup_end = now() - interval '31 minutes' where id = ?`, [order.id]);
    expect((await kassa.app.get(OrderTimersJob).run()).noShows).toBe(1);
    expect((await asCustomer(order)).body.status).toBe('no_show');
  });

  it('serves the pickup pass as JSON, PNG or SVG, only with the order token', async () => {
    const order = await place();
    const png = await kassa.http.get(`/api/v1/orders/${order.id}/pickup-pass`).set('X-Order-Token', order.token).set('Accept', 'image/png').buffer(true).expect(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect((png.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
    const svg = await kassa.http
      .get(`/api/v1/orders/${order.id}/pickup-pass`)
      .set('X-Order-Token', order.token)
      .set('Accept', 'image/svg+xml')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      })
      .expect(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect((svg.body as string).startsWith('<svg')).toBe(true);
    await kassa.http.get(`/api/v1/orders/${order.id}/pickup-pass`).expect(404);
    await kassa.http.get(`/api/v1/orders/${order.id}`).set('X-Order-Token', `${order.token.slice(0, -1)}x`).expect(404);
  });

  it('keeps staff to their own stores: another store’s manager cannot see or move the order', async () => {
    const order = await place();
    const other = await createStore(kassa.http, owner);
    const manager = await createUser(kassa.http, owner, { email: `manager-${Date.now()}@example.se`, role: 'manager', storeIds: [other.id] });
    const auth = await kassa.login(manager.email, manager.password);
    await kassa.http.get(`/api/v1/admin/orders/${order.id}`).set('Authorization', auth).expect(404);
    await kassa.http.post(`/api/v1/admin/orders/${order.id}/cancel`).set('Authorization', auth).send({ reason: 'x' }).expect(404);
    const list = await kassa.http.get('/api/v1/admin/orders').set('Authorization', auth).expect(200);
    expect(list.body).toEqual([]);
    const mine = await kassa.http
      .get('/api/v1/admin/orders')
      .query({ filter: JSON.stringify({ storeId, status: ['pending_payment'], q: order.number }) })
      .set('Authorization', owner)
      .expect(200);
    expect(mine.body.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect(mine.headers['content-range']).toMatch(/^orders 0-0\/1$/);
  });
});
