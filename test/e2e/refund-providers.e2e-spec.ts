import { demoStoreId } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { FakeKlarna } from '../../libs/payments/test/fake-klarna';
import { FakeStripe, intentEvent, signed, STRIPE_SECRET_KEY } from '../../libs/payments/test/fake-stripe';
import { checkout, checkoutBody, openAllDay, stockedProduct } from '../../libs/orders/test/orders.factory';

/**
 * Refunds from the admin reach the provider: a card order through Stripe and a Klarna order per
 * line, each provider replaced by a local server that speaks its API.
 */
describe('refunds through Stripe and Klarna', () => {
  const stripe = new FakeStripe();
  const klarna = new FakeKlarna();
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let bun: { id: string };

  beforeAll(async () => {
    await Promise.all([stripe.start(), klarna.start()]);
    kassa = await startTestApp({
      KASSA_DEMO_DATA: 'false',
      KASSA_WORKERS: 'false',
      ...stripe.env(),
      ...klarna.env('accept'),
      KASSA_PAYMENT_TIMEOUT_MS: '700',
    });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId, { maxOrders: 50 });
    bun = await stockedProduct(kassa.http, owner, storeId, { price: 4500, onHand: 50 });
  });
  afterEach(() => stripe.heal());
  afterAll(async () => {
    await kassa.close();
    await Promise.all([stripe.close(), klarna.close()]);
  });

  it('creates a Stripe refund of the amount, logs its reference, and says 502 and changes nothing when Stripe is down', async () => {
    const order = (await checkout(kassa.http, checkoutBody(storeId, bun.id, { items: [{ productId: bun.id, quantity: 2 }], payment: { method: 'card' } })).expect(201)).body;
    const intentId = String(order.payment.nextAction.clientSecret).split('_secret_')[0];
    const payload = intentEvent('payment_intent.succeeded', stripe.succeed(intentId));
    await kassa.http.post('/api/v1/payments/card/webhook').set('Content-Type', 'application/json').set('Stripe-Signature', signed(payload)).send(payload).expect(200);
    const refund = (body: object) => kassa.http.post(`/api/v1/admin/orders/${order.id}/refunds`).set('Authorization', owner).send(body);

    stripe.fail('/v1/refunds', 'server_error');
    const down = await refund({ amount: 1500, reason: 'Bränd' }).expect(502);
    expect(down.body.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    stripe.heal();
    const history = async () => (await kassa.http.get(`/api/v1/admin/orders/${order.id}/payments`).set('Authorization', owner).expect(200)).body;
    expect((await history()).payments[0]).toMatchObject({ method: 'card', status: 'captured', refundedAmount: 0 });
    expect((await history()).refunds).toEqual([]);

    const done = await refund({ amount: 1500, reason: 'Bränd' }).expect(201);
    expect(done.body).toMatchObject({ payment: { method: 'card', status: 'partially_refunded', refundedAmount: 1500 }, orderStatus: 'paid' });
    expect(stripe.refundsOf(intentId)).toEqual([expect.objectContaining({ amount: 1500, status: 'succeeded' })]);
    const [payment] = (await history()).payments;
    const logged = payment.events.find((e: { kind: string }) => e.kind === 'refunded');
    expect(logged).toMatchObject({ amount: 1500, reason: 'Bränd', providerReference: intentId, actor: expect.stringMatching(/^staff:/) });
    expect(JSON.stringify(payment)).not.toContain(STRIPE_SECRET_KEY);
  });

  it('refunds a Klarna order per line (a bare partial amount is refused naming lines), listing the lines at Klarna', async () => {
    const order = (await checkout(kassa.http, checkoutBody(storeId, bun.id, { items: [{ productId: bun.id, quantity: 3 }], payment: { method: 'klarna' } })).expect(201)).body;
    const session = klarna.session(String(order.payment.nextAction.sessionId));
    await kassa.http.post(String(order.payment.nextAction.authorizeUrl)).send({ authorizationToken: klarna.authorize(session.session_id) }).expect(200);
    await kassa.http.post(`/api/v1/admin/orders/${order.id}/accept`).set('Authorization', owner).expect(200);
    const klarnaOrder = [...klarna.orders.values()].find((candidate) => candidate.order_amount === order.totals.total && candidate.captured_amount === order.totals.total && candidate.refunds.length === 0);
    expect(klarnaOrder).toMatchObject({ status: 'CAPTURED', captured_amount: 13_500 });
    const refund = (body: object) => kassa.http.post(`/api/v1/admin/orders/${order.id}/refunds`).set('Authorization', owner).send(body);

    const bare = await refund({ amount: 4500, reason: 'En bulle för mycket' }).expect(422);
    expect(bare.body.details).toEqual([expect.objectContaining({ field: 'lines' })]);
    const { lines } = (await kassa.http.get(`/api/v1/admin/orders/${order.id}`).set('Authorization', owner).expect(200)).body;
    const done = await refund({ lines: [{ lineId: lines[0].id, quantity: 1 }], reason: 'En bulle för mycket' }).expect(201);
    expect(done.body).toMatchObject({ payment: { method: 'klarna', status: 'partially_refunded', refundedAmount: 4500 }, refund: { amount: 4500 } });
    expect(klarnaOrder?.refunds).toEqual([
      expect.objectContaining({ refunded_amount: 4500, description: 'En bulle för mycket', order_lines: [expect.objectContaining({ quantity: 1, unit_price: 4500, total_amount: 4500, tax_rate: 1200 })] }),
    ]);
  });
});
