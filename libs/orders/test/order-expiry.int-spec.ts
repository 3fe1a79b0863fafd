import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { OrderTimersJob } from '../src/order-timers.job';
import { checkout, checkoutBody, firstFreeSlot, openAllDay, slotRemaining, stockedProduct, stockOf } from './orders.factory';

/** An unpaid order gives everything back when its hold runs out, and the customer sees it. */
describe('unpaid orders expire with their hold', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let bun: { id: string; stockItemId: string };

  /** Moves the order's payment deadline into the past, as if ten minutes went by. */
  const letHoldRunOut = (orderId: string) =>
    (kassa.app.get(MikroORM).em.fork() as EntityManager).execute(`update orders set hold_expires_at = now() - interval '1 second' where id = ?`, [orderId]);

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true', KASSA_WORKERS: 'false' });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId, { maxOrders: 3 });
    bun = await stockedProduct(kassa.http, owner, storeId, { onHand: 5 });
  });
  afterAll(() => kassa.close());

  it('expires the order, gives back slot, stock and payment, and refuses a late payment', async () => {
    const slot = await firstFreeSlot(kassa.http, storeId);
    const order = (await checkout(kassa.http, checkoutBody(storeId, bun.id, { items: [{ productId: bun.id, quantity: 2 }], pickup: { slotStart: slot.start } })).expect(201)).body;
    expect(await slotRemaining(kassa.http, storeId, slot.start)).toBe(2);
    expect(await stockOf(kassa.http, owner, storeId, bun.stockItemId)).toEqual({ onHand: 5, reserved: 2, available: 3 });

    // Not yet due: the timer leaves it alone.
    expect((await kassa.app.get(OrderTimersJob).run()).expired).toBe(0);
    await letHoldRunOut(order.id);
    expect((await kassa.app.get(OrderTimersJob).run()).expired).toBe(1);

    const seen = await kassa.http.get(`/api/v1/orders/${order.id}`).set('X-Order-Token', order.token).expect(200);
    expect(seen.body).toMatchObject({ status: 'expired', holdExpiresAt: null, cancellable: false, payment: { status: 'cancelled' } });
    expect(await slotRemaining(kassa.http, storeId, slot.start)).toBe(3);
    expect(await stockOf(kassa.http, owner, storeId, bun.stockItemId)).toEqual({ onHand: 5, reserved: 0, available: 5 });

    const late = await kassa.http.post(`/api/v1/payments/test/${order.payment.id}/approve`);
    expect(late.status).toBe(409);
    const detail = await kassa.http.get(`/api/v1/admin/orders/${order.id}`).set('Authorization', owner).expect(200);
    expect(detail.body.timeline.map((t: { to: string; actor: { kind: string }; reason: string | null }) => [t.to, t.actor.kind, t.reason])).toEqual([
      ['pending_payment', 'customer', null],
      ['expired', 'system', 'Not paid in time'],
    ]);
  });

  it('refuses a payment that comes after the deadline even before the timer ran', async () => {
    const order = (await checkout(kassa.http, checkoutBody(storeId, bun.id)).expect(201)).body;
    await letHoldRunOut(order.id);
    const late = await kassa.http.post(`/api/v1/payments/test/${order.payment.id}/approve`).expect(409);
    expect(late.body.code).toBe('ORDER_EXPIRED');
    expect((await kassa.app.get(OrderTimersJob).run()).expired).toBe(1);
  });

  it('never expires an order paid in time, nor a pay-at-pickup order', async () => {
    const paid = (await checkout(kassa.http, checkoutBody(storeId, bun.id)).expect(201)).body;
    await kassa.http.post(`/api/v1/payments/test/${paid.payment.id}/approve`).expect(200);
    const inStore = (await checkout(kassa.http, checkoutBody(storeId, bun.id, { payment: { method: 'in_store' } })).expect(201)).body;
    expect(inStore).toMatchObject({ status: 'pending_payment', holdExpiresAt: null, payment: { method: 'in_store', nextAction: { type: 'pay_in_store' } } });
    await (kassa.app.get(MikroORM).em.fork() as EntityManager).execute(`update orders set hold_expires_at = now() - interval '1 hour' where id in (?, ?) and hold_expires_at is not null`, [paid.id, inStore.id]);
    expect((await kassa.app.get(OrderTimersJob).run()).expired).toBe(0);
    expect((await kassa.http.get(`/api/v1/orders/${paid.id}`).set('X-Order-Token', paid.token)).body.status).toBe('paid');
    expect((await kassa.http.get(`/api/v1/orders/${inStore.id}`).set('X-Order-Token', inStore.token)).body.status).toBe('pending_payment');
  });
});
