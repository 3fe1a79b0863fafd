import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { checkout, checkoutBody, firstFreeSlot, openAllDay, slotRemaining, stockedProduct, stockOf } from './orders.factory';

/** Staff give money back from the admin: partial, per line, in full; never more than was taken, and the order and stock react. */
describe('refunds from the admin', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let bun: { id: string; stockItemId: string };

  const place = async (overrides: Parameters<typeof checkoutBody>[2] = {}) => (await checkout(kassa.http, checkoutBody(storeId, bun.id, overrides)).expect(201)).body;
  const paid = async (overrides: Parameters<typeof checkoutBody>[2] = {}) => {
    const order = await place(overrides);
    await kassa.http.post(`/api/v1/payments/test/${order.payment.id}/approve`).expect(200);
    return order;
  };
  const refund = (orderId: string, body: object) => kassa.http.post(`/api/v1/admin/orders/${orderId}/refunds`).set('Authorization', owner).send(body);
  const detail = async (orderId: string) => (await kassa.http.get(`/api/v1/admin/orders/${orderId}`).set('Authorization', owner).expect(200)).body;
  const payments = async (orderId: string) => (await kassa.http.get(`/api/v1/admin/orders/${orderId}/payments`).set('Authorization', owner).expect(200)).body;

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true', KASSA_WORKERS: 'false' });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId, { maxOrders: 200 });
    bun = await stockedProduct(kassa.http, owner, storeId, { price: 3500, onHand: 500 });
  });
  afterAll(() => kassa.close());

  it('refunds part of a captured payment twice, then refuses more than is left with 422 naming amount', async () => {
    const order = await paid({ items: [{ productId: bun.id, quantity: 2 }] });
    const first = await refund(order.id, { amount: 1000, reason: 'Kall kaffe' }).expect(201);
    expect(first.body).toMatchObject({ payment: { status: 'partially_refunded', refundedAmount: 1000, amount: 7000 }, refund: { amount: 1000, reason: 'Kall kaffe' }, orderStatus: 'paid' });
    await refund(order.id, { amount: 2500, reason: 'Fel bulle' }).expect(201);
    const tooMuch = await refund(order.id, { amount: 3501, reason: 'För mycket' }).expect(422);
    expect(tooMuch.body).toMatchObject({ code: 'PAYMENT_REFUND_TOO_LARGE', details: [{ field: 'amount' }] });

    const shown = await detail(order.id);
    expect(shown.status).toBe('paid');
    expect(shown.timeline.at(-1)).toMatchObject({ from: 'paid', to: 'paid', actor: { kind: 'staff' }, reason: 'Refunded 25.00 SEK: Fel bulle' });
    const { payments: [payment], refunds } = await payments(order.id);
    expect(payment).toMatchObject({ method: 'test', status: 'partially_refunded', amount: 7000, refundedAmount: 3500, refundable: 3500 });
    expect(payment.events.filter((e: { kind: string }) => e.kind === 'refunded')).toEqual([
      expect.objectContaining({ fromStatus: 'captured', toStatus: 'partially_refunded', amount: 1000, reason: 'Kall kaffe', actor: expect.stringMatching(/^staff:/) }),
      expect.objectContaining({ fromStatus: 'partially_refunded', toStatus: 'partially_refunded', amount: 2500, reason: 'Fel bulle' }),
    ]);
    expect(refunds).toHaveLength(2);

    // What is left can still go back, leaving the order (already made, perhaps) as it was told.
    const rest = await refund(order.id, { reason: 'Resten' }).expect(201);
    expect(rest.body).toMatchObject({ payment: { status: 'refunded', refundedAmount: 7000 }, refund: { amount: 3500 } });
  });

  it('cancels an accepted order refunded in full and gives its slot back', async () => {
    const slot = await firstFreeSlot(kassa.http, storeId);
    const order = await paid({ pickup: { slotStart: slot.start } });
    await kassa.http.post(`/api/v1/admin/orders/${order.id}/accept`).set('Authorization', owner).expect(200);
    const held = await slotRemaining(kassa.http, storeId, slot.start);
    const full = await refund(order.id, { reason: 'Kunden ångrade sig' }).expect(201);
    expect(full.body).toMatchObject({ payment: { status: 'refunded', refundedAmount: 3500 }, orderStatus: 'cancelled' });
    expect(await slotRemaining(kassa.http, storeId, slot.start)).toBe((held ?? 0) + 1);
    const shown = await detail(order.id);
    expect(shown).toMatchObject({ status: 'cancelled', payment: { status: 'refunded' } });
    expect(shown.timeline.at(-1)).toMatchObject({ from: 'accepted', to: 'cancelled', reason: 'Refunded 35.00 SEK: Kunden ångrade sig' });
    const again = await refund(order.id, { reason: 'Igen' }).expect(409);
    expect(again.body.code).toBe('PAYMENT_NOT_PENDING');
  });

  it('calls off an order being prepared when it is refunded in full', async () => {
    const order = await paid();
    await kassa.http.post(`/api/v1/admin/orders/${order.id}/accept`).set('Authorization', owner).expect(200);
    await kassa.http.post(`/api/v1/admin/orders/${order.id}/start`).set('Authorization', owner).expect(200);
    const part = await refund(order.id, { amount: 500, reason: 'Fel storlek' }).expect(201);
    expect(part.body.orderStatus).toBe('preparing');
    const full = await refund(order.id, { reason: 'Kunden gick' }).expect(201);
    expect(full.body).toMatchObject({ payment: { status: 'refunded', refundedAmount: 3500 }, refund: { amount: 3000 }, orderStatus: 'cancelled' });
    expect((await detail(order.id)).timeline.at(-1)).toMatchObject({ from: 'preparing', to: 'cancelled', actor: { kind: 'staff' }, reason: 'Refunded 30.00 SEK: Kunden gick' });
  });

  it('keeps a picked-up order picked up when it is refunded in full', async () => {
    const order = await paid();
    await kassa.http.post(`/api/v1/admin/orders/${order.id}/ready`).set('Authorization', owner).expect(409);
    await kassa.http.post(`/api/v1/admin/orders/${order.id}/accept`).set('Authorization', owner).expect(200);
    await kassa.http.post(`/api/v1/admin/orders/${order.id}/ready`).set('Authorization', owner).expect(200);
    const pass = (await kassa.http.get(`/api/v1/orders/${order.id}/pickup-pass`).set('X-Order-Token', order.token).expect(200)).body;
    await kassa.http.post(`/api/v1/admin/orders/${order.id}/hand-over`).set('Authorization', owner).send({ qr: pass.qr }).expect(200);
    const full = await refund(order.id, { reason: 'Reklamation' }).expect(201);
    expect(full.body).toMatchObject({ payment: { status: 'refunded' }, orderStatus: 'picked_up' });
  });

  it('refunds lines at their unit price and puts them back on the shelf with a return movement', async () => {
    const order = await paid({ items: [{ productId: bun.id, quantity: 3 }] });
    const { lines } = await detail(order.id);
    const before = await stockOf(kassa.http, owner, storeId, bun.stockItemId);
    const done = await refund(order.id, { lines: [{ lineId: lines[0].id, quantity: 2 }], reason: 'Två brända', restock: true }).expect(201);
    expect(done.body).toMatchObject({ payment: { status: 'partially_refunded', refundedAmount: 7000 }, refund: { amount: 7000, restocked: true, lines: [{ lineId: lines[0].id, quantity: 2, amount: 7000 }] } });
    expect((await stockOf(kassa.http, owner, storeId, bun.stockItemId)).onHand).toBe(before.onHand + 2);
    const movements = await kassa.http
      .get('/api/v1/admin/stock-movements')
      .query({ filter: JSON.stringify({ storeId, stockItemId: [bun.stockItemId], kind: ['return'] }) })
      .set('Authorization', owner)
      .expect(200);
    expect(movements.body[0]).toMatchObject({ kind: 'return', quantity: 2 });

    const over = await refund(order.id, { lines: [{ lineId: lines[0].id, quantity: 2 }], reason: 'En till' }).expect(422);
    expect(over.body).toMatchObject({ code: 'REFUND_INVALID', details: [{ field: 'lines.0.quantity', reason: 'must be a whole number from 1 to 1' }] });
  });

  it('refuses to refund a pay-in-store order nothing was paid on yet', async () => {
    const order = await place({ payment: { method: 'in_store' } });
    const refused = await refund(order.id, { amount: 100, reason: 'Inget betalt' }).expect(409);
    expect(refused.body.code).toBe('PAYMENT_NOT_PENDING');
    expect((await payments(order.id)).payments[0]).toMatchObject({ method: 'in_store', status: 'pending', refundable: 0 });
  });

  it('names the field of every bad input', async () => {
    const order = await paid();
    const cases: Array<[object, string]> = [
      [{}, 'reason'],
      [{ reason: '' }, 'reason'],
      [{ reason: 'x'.repeat(501) }, 'reason'],
      [{ reason: 'ok', amount: 0 }, 'amount'],
      [{ reason: 'ok', amount: 12.5 }, 'amount'],
      [{ reason: 'ok', amount: '100' }, 'amount'],
      [{ reason: 'ok', lines: [] }, 'lines'],
      [{ reason: 'ok', lines: [{ lineId: 'nope', quantity: 1 }] }, 'lines.0.lineId'],
      [{ reason: 'ok', restock: 'yes' }, 'restock'],
      [{ reason: 'ok', amount: 100, restock: true }, 'restock'],
      [{ reason: 'ok', lines: [{ lineId: order.id, quantity: 1 }] }, 'lines.0.lineId'],
      [{ reason: '   ' }, 'reason'],
    ];
    for (const [body, field] of cases) {
      const response = await refund(order.id, body);
      expect([400, 422]).toContain(response.status);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    await kassa.http.post(`/api/v1/admin/orders/00000000-0000-4000-8000-000000000000/refunds`).set('Authorization', owner).send({}).expect(404);
    expect((await payments(order.id)).payments[0]).toMatchObject({ status: 'captured', refundedAmount: 0 });
  });

  it('never gives back more than was captured when refunds race', async () => {
    const order = await paid({ items: [{ productId: bun.id, quantity: 2 }] });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => refund(order.id, { amount: 3000, reason: `Samtidigt ${i}` })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 201, 422, 422, 422, 422]);
    const { payments: [payment], refunds } = await payments(order.id);
    expect(payment).toMatchObject({ refundedAmount: 6000, status: 'partially_refunded' });
    expect(refunds).toHaveLength(2);
  });
});
