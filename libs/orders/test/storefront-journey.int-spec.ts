import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { checkout, checkoutBody, firstFreeSlot, openAllDay, slotRemaining, stockedProduct, stockOf } from './orders.factory';

/** The storefront journey over HTTP, from the catalogue to the counter, checking slot and stock at every step. */
describe('a customer orders a cinnamon bun and collects it', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let bun: { id: string; stockItemId: string };

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true' });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId, { maxOrders: 5 });
    bun = await stockedProduct(kassa.http, owner, storeId, { nameSv: 'Kanelbulle', price: 3500, vatRate: 12, onHand: 10 });
  });
  afterAll(() => kassa.close());

  it('goes catalog → slot → checkout → paid → accepted → ready → picked up', async () => {
    const catalog = await kassa.http.get(`/api/v1/stores/${storeId}/catalog`).expect(200);
    const listed = catalog.body.categories.flatMap((c: { products: Array<{ id: string; price: number }> }) => c.products);
    expect(listed.find((p: { id: string }) => p.id === bun.id)).toMatchObject({ price: 3500 });

    const slot = await firstFreeSlot(kassa.http, storeId);
    expect(slot.remainingOrders).toBe(5);

    const placed = await checkout(kassa.http, checkoutBody(storeId, bun.id, { items: [{ productId: bun.id, quantity: 2, note: 'Värm gärna' }], pickup: { slotStart: slot.start } })).expect(201);
    const order = placed.body;
    expect(order).toMatchObject({
      status: 'pending_payment',
      number: expect.stringMatching(/^[A-Z]-\d{3}$/),
      pickup: { start: slot.start, end: slot.end, asap: false },
      customer: { name: 'Åsa Öberg', email: 'asa@example.se', phone: '+46701234567' },
      currency: 'SEK',
      totals: { subtotal: 7000, discount: 0, vat: [{ rate: 12, base: 6250, amount: 750 }], total: 7000 },
      payment: { method: 'test', status: 'pending', nextAction: { type: 'test_approval' } },
      cancellable: true,
    });
    expect(order.lines).toEqual([expect.objectContaining({ productId: bun.id, nameSv: 'Kanelbulle', quantity: 2, unitPrice: 3500, lineTotal: 7000, vatRate: 12, note: 'Värm gärna' })]);
    expect(Date.parse(order.holdExpiresAt)).toBeGreaterThan(Date.now());
    expect(placed.headers.location).toBe(`/api/v1/orders/${order.id}`);
    expect(await slotRemaining(kassa.http, storeId, slot.start)).toBe(4);
    expect(await stockOf(kassa.http, owner, storeId, bun.stockItemId)).toEqual({ onHand: 10, reserved: 2, available: 8 });

    await kassa.http.post(`/api/v1/payments/test/${order.payment.id}/approve`).expect(200);
    const paid = await kassa.http.get(`/api/v1/orders/${order.id}`).set('X-Order-Token', order.token).expect(200);
    expect(paid.body).toMatchObject({ status: 'paid', holdExpiresAt: null, payment: { status: 'captured' } });
    expect(await stockOf(kassa.http, owner, storeId, bun.stockItemId)).toEqual({ onHand: 8, reserved: 0, available: 8 });
    expect(await slotRemaining(kassa.http, storeId, slot.start)).toBe(4);

    const accepted = await kassa.http.post(`/api/v1/admin/orders/${order.id}/accept`).set('Authorization', owner).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', allowedActions: ['start', 'ready', 'cancel'] });
    await kassa.http.post(`/api/v1/admin/orders/${order.id}/ready`).set('Authorization', owner).expect(200);

    const pass = await kassa.http.get(`/api/v1/orders/${order.id}/pickup-pass`).set('X-Order-Token', order.token).expect(200);
    expect(pass.body.code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    const wrong = pass.body.code === '333333' ? '444444' : '333333';
    const refused = await kassa.http.post(`/api/v1/admin/orders/${order.id}/hand-over`).set('Authorization', owner).send({ code: wrong }).expect(422);
    expect(refused.body).toMatchObject({ code: 'PICKUP_CODE_INVALID', details: [{ field: 'code' }] });

    const handed = await kassa.http.post(`/api/v1/admin/orders/${order.id}/hand-over`).set('Authorization', owner).send({ code: pass.body.code.toLowerCase() }).expect(200);
    expect(handed.body).toMatchObject({ status: 'picked_up', pickupCodeFailures: 1, allowedActions: [] });
    expect(handed.body.timeline.map((t: { from: string | null; to: string; actor: { kind: string } }) => [t.from, t.to, t.actor.kind])).toEqual([
      [null, 'pending_payment', 'customer'],
      ['pending_payment', 'paid', 'system'],
      ['paid', 'accepted', 'staff'],
      ['accepted', 'ready', 'staff'],
      ['ready', 'picked_up', 'staff'],
    ]);
    const after = await kassa.http.get(`/api/v1/orders/${order.id}`).set('X-Order-Token', order.token).expect(200);
    expect(after.body).toMatchObject({ status: 'picked_up', cancellable: false });
    expect(await stockOf(kassa.http, owner, storeId, bun.stockItemId)).toEqual({ onHand: 8, reserved: 0, available: 8 });
    expect(await slotRemaining(kassa.http, storeId, slot.start)).toBe(4);
  });
});
