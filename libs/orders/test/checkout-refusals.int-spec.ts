import { randomUUID } from 'node:crypto';
import { localDateTime } from '@kassa/shared';
import { createStore, demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { checkout, checkoutBody, firstFreeSlot, openAllDay, stockedProduct, stockOf } from './orders.factory';

/** Every way a checkout is refused names the problem, and none of them leaves anything held. */
describe('checkout refusals', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let bun: { id: string; stockItemId: string; nameSv: string };

  const refused = async (body: object, status: number) => (await checkout(kassa.http, body).expect(status)).body;

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true' });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId, { maxOrders: 1 });
    bun = await stockedProduct(kassa.http, owner, storeId, { nameSv: 'Semla', onHand: 3 });
  });
  afterAll(() => kassa.close());

  it('answers 400 naming each invalid field', async () => {
    const noContact = await refused(checkoutBody(storeId, bun.id, { customer: { name: 'Åke' } }), 400);
    expect(noContact).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'customer' }] });
    const badPhone = await refused(checkoutBody(storeId, bun.id, { customer: { name: 'Åke', phone: '12' } }), 400);
    expect(badPhone.details).toEqual([{ field: 'customer.phone', reason: expect.any(String) }]);
    const badEmail = await refused(checkoutBody(storeId, bun.id, { customer: { name: 'Åke', email: 'åke@' } }), 400);
    expect(badEmail.details).toEqual([{ field: 'customer.email', reason: expect.any(String) }]);
    const zero = await refused(checkoutBody(storeId, bun.id, { items: [{ productId: bun.id, quantity: 0 }] }), 400);
    expect(zero.details.map((d: { field: string }) => d.field)).toContain('items.0.quantity');
    const empty = await refused(checkoutBody(storeId, bun.id, { items: [] }), 400);
    expect(empty.details.map((d: { field: string }) => d.field)).toContain('items');
    const both = await refused(checkoutBody(storeId, bun.id, { pickup: { asap: true, slotStart: '2030-01-01T10:00:00+01:00' } }), 400);
    expect(both.details).toEqual([{ field: 'pickup', reason: expect.stringContaining('not both') }]);
    const method = await refused({ ...checkoutBody(storeId, bun.id), payment: { method: 'bitcoin' } }, 400);
    expect(method.details.map((d: { field: string }) => d.field)).toContain('payment.method');
    const payerForTest = await refused({ ...checkoutBody(storeId, bun.id), payment: { method: 'test', payerPhone: '070-123 45 67' } }, 400);
    expect(payerForTest.details).toEqual([{ field: 'payment.payerPhone', reason: 'is only used with the swish method' }]);
    const badPayer = await refused({ ...checkoutBody(storeId, bun.id), payment: { method: 'swish', payerPhone: '12' } }, 400);
    expect(badPayer.details).toEqual([{ field: 'payment.payerPhone', reason: expect.any(String) }]);
  });

  it('names the product that is out of stock (409 OUT_OF_STOCK) and holds nothing', async () => {
    const body = await refused(checkoutBody(storeId, bun.id, { items: [{ productId: bun.id, quantity: 4 }] }), 409);
    expect(body).toMatchObject({ code: 'OUT_OF_STOCK', details: [{ field: 'items.0.quantity', reason: expect.stringContaining('Semla') }] });
    expect(await stockOf(kassa.http, owner, storeId, bun.stockItemId)).toEqual({ onHand: 3, reserved: 0, available: 3 });
    const slot = await firstFreeSlot(kassa.http, storeId);
    expect(slot.remainingOrders).toBe(1);
  });

  it('refuses a product that cannot be sold (422 PRODUCT_UNAVAILABLE) naming the line', async () => {
    const body = await refused(checkoutBody(storeId, bun.id, { items: [{ productId: bun.id, quantity: 1 }, { productId: randomUUID(), quantity: 1 }] }), 422);
    expect(body).toMatchObject({ code: 'PRODUCT_UNAVAILABLE', details: [{ field: 'items.1.productId' }] });
  });

  it('refuses a full slot with 409 SLOT_FULL naming pickup.slotStart, and a payment method the store does not offer', async () => {
    const slot = await firstFreeSlot(kassa.http, storeId);
    await checkout(kassa.http, checkoutBody(storeId, bun.id, { pickup: { slotStart: slot.start } })).expect(201);
    const full = await refused(checkoutBody(storeId, bun.id, { pickup: { slotStart: slot.start } }), 409);
    expect(full).toMatchObject({ code: 'SLOT_FULL', details: [{ field: 'pickup.slotStart' }] });
    const swish = await refused(checkoutBody(storeId, bun.id, { payment: { method: 'swish' } }), 422);
    expect(swish).toMatchObject({ code: 'PAYMENT_METHOD_UNAVAILABLE', details: [{ field: 'payment.method' }] });
    // Neither refusal kept stock: one bun is held by the order that got the slot.
    expect(await stockOf(kassa.http, owner, storeId, bun.stockItemId)).toEqual({ onHand: 3, reserved: 1, available: 2 });
  });

  it('refuses a closed day (422 STORE_CLOSED), a slot sooner than the lead time (422 SLOT_TOO_EARLY) and an unknown store (404)', async () => {
    const store = await createStore(kassa.http, owner);
    await openAllDay(kassa.http, owner, store.id);
    const cake = await stockedProduct(kassa.http, owner, store.id, { onHand: 5 });
    const today = localDateTime(Date.now(), 'Europe/Stockholm').date;
    const exception = await kassa.http.post(`/api/v1/admin/stores/${store.id}/pickup-exceptions`).set('Authorization', owner).send({ date: today, closed: true }).expect(201);
    const closed = await refused(checkoutBody(store.id, cake.id), 422);
    expect(closed).toMatchObject({ code: 'STORE_CLOSED', details: [{ field: 'pickup.asap' }] });
    await kassa.http.delete(`/api/v1/admin/stores/${store.id}/pickup-exceptions/${exception.body.id}`).set('Authorization', owner);

    const soon = await firstFreeSlot(kassa.http, store.id);
    await openAllDay(kassa.http, owner, store.id, { leadMinutes: 120 });
    const early = await refused(checkoutBody(store.id, cake.id, { pickup: { slotStart: soon.start } }), 422);
    expect(early).toMatchObject({ code: 'SLOT_TOO_EARLY', details: [{ field: 'pickup.slotStart' }] });

    await refused(checkoutBody(randomUUID(), cake.id), 404);
  });
});
