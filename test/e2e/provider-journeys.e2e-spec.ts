import { checkout, checkoutBody, firstFreeSlot, openAllDay, slotRemaining, stockedProduct, stockOf } from '../../libs/orders/test/orders.factory';
import { FakeKlarna } from '../../libs/payments/test/fake-klarna';
import { FakeStripe, intentEvent, signed, STRIPE_PUBLISHABLE_KEY } from '../../libs/payments/test/fake-stripe';
import { FakeSwish, SWISH_PAYEE_ALIAS, TestCertificates } from '../../libs/payments/test/fake-swish';
import { startTestApp, type TestApp } from '../support/test-app';

interface Order {
  id: string;
  token: string;
  status: string;
  totals: { total: number };
  payment: { id: string; method: string; status: string; nextAction: Record<string, unknown> | null } | null;
}

const SLOT_CAPACITY = 5;
const QUANTITY = 2;

/**
 * The storefront's journey with each real payment provider, over HTTP against the app booted as
 * production boots it, with each provider replaced by a local server that speaks its protocol:
 * checkout → the provider's customer step → paid → accepted → ready → handed over with the
 * pickup code → picked up, and the slot and the stock counted right all the way.
 */
describe('storefront journeys with Stripe, Swish and Klarna', () => {
  const certs = new TestCertificates();
  const stripe = new FakeStripe();
  const swish = new FakeSwish(certs);
  const klarna = new FakeKlarna();
  let kassa: TestApp;
  let auth: string;
  let storeId: string;

  beforeAll(async () => {
    await Promise.all([stripe.start(), swish.start(), klarna.start()]);
    kassa = await startTestApp({
      KASSA_TEST_PAYMENTS: 'false',
      KASSA_PAYMENT_TIMEOUT_MS: '2000',
      ...stripe.env(),
      ...swish.env(),
      ...klarna.env('handover'),
    });
    auth = await kassa.login();
    const stores = (await kassa.http.get('/api/v1/stores').expect(200)).body as Array<{ id: string }>;
    storeId = stores[0].id;
    await openAllDay(kassa.http, auth, storeId, { maxOrders: SLOT_CAPACITY });
  });
  afterAll(async () => {
    await kassa?.close();
    await Promise.all([stripe.close(), swish.close(), klarna.close()]);
    certs.remove();
  });

  const readOrder = async (order: Order): Promise<Order> =>
    (await kassa.http.get(`/api/v1/orders/${order.id}`).set('X-Order-Token', order.token).expect(200)).body as Order;
  const staff = (order: Order, action: 'accept' | 'ready' | 'hand-over', body: object = {}) =>
    kassa.http.post(`/api/v1/admin/orders/${order.id}/${action}`).set('Authorization', auth).send(body);

  /** What the storefront sees of a journey from checkout to hand-over; `pay` is the provider's step. */
  async function journey(method: 'card' | 'swish' | 'klarna', nextActionType: string, pay: (order: Order) => Promise<void>, payment: object = {}): Promise<Order> {
    const product = await stockedProduct(kassa.http, auth, storeId, { nameSv: `Semla (${method})`, price: 4_500, vatRate: 12, onHand: 10 });
    const slot = await firstFreeSlot(kassa.http, storeId);
    const slotBefore = await slotRemaining(kassa.http, storeId, slot.start);

    const placed = await checkout(
      kassa.http,
      checkoutBody(storeId, product.id, { items: [{ productId: product.id, quantity: QUANTITY }], pickup: { slotStart: slot.start }, payment: { method, ...payment } }),
    );
    expect(placed.status).toBe(201);
    const order = placed.body as Order;
    expect(order).toMatchObject({ status: 'pending_payment', totals: { total: QUANTITY * 4_500 }, payment: { method, status: 'pending', nextAction: { type: nextActionType } } });
    // The unpaid order holds its slot and its stock.
    expect(await slotRemaining(kassa.http, storeId, slot.start)).toBe((slotBefore ?? SLOT_CAPACITY) - 1);
    expect(await stockOf(kassa.http, auth, storeId, product.stockItemId)).toEqual({ onHand: 10, reserved: QUANTITY, available: 10 - QUANTITY });

    await pay(order);
    const paid = await readOrder(order);
    expect(paid).toMatchObject({ status: 'paid', payment: { nextAction: null } });
    expect(paid.payment?.status).toMatch(/^(captured|authorized)$/);

    expect((await staff(order, 'accept')).status).toBe(200);
    expect((await staff(order, 'ready')).status).toBe(200);
    const pass = await kassa.http.get(`/api/v1/orders/${order.id}/pickup-pass`).set('X-Order-Token', order.token).expect(200);
    const handedOver = await staff(order, 'hand-over', { code: pass.body.code });
    expect(handedOver.status).toBe(200);

    const collected = await readOrder(order);
    expect(collected.status).toBe('picked_up');
    // The stock left the shelf; the slot still counts the order that was collected in it.
    expect(await stockOf(kassa.http, auth, storeId, product.stockItemId)).toEqual({ onHand: 10 - QUANTITY, reserved: 0, available: 10 - QUANTITY });
    expect(await slotRemaining(kassa.http, storeId, slot.start)).toBe((slotBefore ?? SLOT_CAPACITY) - 1);
    return collected;
  }

  it('offers the three providers (and pay at pickup) to the storefront, with the scripts it should load', async () => {
    const methods = await kassa.http.get(`/api/v1/stores/${storeId}/payment-methods`).expect(200);
    expect([...(methods.body.methods as string[])].sort()).toEqual(['card', 'in_store', 'klarna', 'swish']);
    const config = await kassa.http.get('/api/v1/payments/config').expect(200);
    expect(config.body).toEqual({ card: { scriptUrl: expect.stringMatching(/^https:\/\//) }, klarna: { scriptUrl: expect.stringMatching(/^https:\/\//) } });
    // The page may load exactly those providers' scripts and frames, and nothing else from outside.
    const csp = (await kassa.http.get('/health')).headers['content-security-policy'] as string;
    expect(csp).toContain(`script-src 'self' 'unsafe-inline' ${new URL(config.body.card.scriptUrl).origin}`);
    expect(csp).toMatch(/frame-src 'self' [^;]*https:\/\/js\.stripe\.com/);
    expect(csp).toMatch(/connect-src 'self' [^;]*https:\/\/api\.stripe\.com/);
  });

  it('card: the Payment Element confirms the intent, Stripe’s signed webhook pays the order, staff hand it over', async () => {
    const collected = await journey('card', 'stripe_payment', async (order) => {
      expect(order.payment?.nextAction).toEqual({ type: 'stripe_payment', clientSecret: expect.stringMatching(/^pi_.+_secret_/), publishableKey: STRIPE_PUBLISHABLE_KEY });
      const intentId = String(order.payment?.nextAction?.clientSecret).split('_secret_')[0];
      expect(stripe.intent(intentId)).toMatchObject({ amount: order.totals.total, currency: 'sek', metadata: { orderId: order.id } });
      // What Stripe.js does in the customer's browser, then Stripe's webhook.
      const payload = intentEvent('payment_intent.succeeded', stripe.succeed(intentId));
      const webhook = await kassa.http.post('/api/v1/payments/card/webhook').set('Content-Type', 'application/json').set('Stripe-Signature', signed(payload)).send(payload);
      expect(webhook.status).toBe(200);
      expect(webhook.body).toEqual({ received: true, outcome: 'captured' });
    });
    expect(collected.payment?.status).toBe('captured');
  });

  it('Swish in the app: the token opens Swish, the payer approves, the callback is re-checked over mTLS, staff hand it over', async () => {
    const collected = await journey('swish', 'swish_app', async (order) => {
      const token = order.payment?.nextAction?.token;
      expect(token).toEqual(expect.stringMatching(/^[0-9a-f]{32}$/));
      const request = [...swish.requests.values()].find((candidate) => candidate.token === token);
      expect(request).toMatchObject({ amount: order.totals.total / 100, currency: 'SEK', payerAlias: null, status: 'CREATED' });
      const id = request?.id ?? '';
      swish.pay(id);
      const before = swish.calls.length;
      // Only the shape of a callback: Kassa believes what it reads back from Swish with its certificate.
      const callback = await kassa.http.post('/api/v1/payments/swish/callback').send(swish.callbackBody(id));
      expect(callback.status).toBe(200);
      expect(swish.calls.slice(before)).toEqual([expect.objectContaining({ method: 'GET', path: `/api/v1/paymentrequests/${id}`, client: SWISH_PAYEE_ALIAS })]);
    });
    expect(collected.payment?.status).toBe('captured');
  });

  it('Swish by number: the checkout’s payment.payerPhone sends the request to the payer’s phone, the callback pays, staff hand it over', async () => {
    const collected = await journey(
      'swish',
      'swish_number',
      async (order) => {
        expect(order.payment?.nextAction).toEqual({ type: 'swish_number' });
        const request = [...swish.requests.values()].find((candidate) => candidate.payerAlias === '46701234567' && candidate.status === 'CREATED');
        expect(request).toMatchObject({ amount: order.totals.total / 100, token: null });
        const id = request?.id ?? '';
        swish.pay(id);
        expect((await kassa.http.post('/api/v1/payments/swish/callback').send(swish.callbackBody(id))).status).toBe(200);
      },
      { payerPhone: '070-123 45 67' },
    );
    expect(collected.payment?.status).toBe('captured');
  });

  it('Klarna: the widget’s authorization token secures the order, staff hand it over, and the money is captured at hand-over', async () => {
    let klarnaOrderId = '';
    const collected = await journey('klarna', 'klarna_widget', async (order) => {
      const action = order.payment?.nextAction ?? {};
      expect(action).toEqual({ type: 'klarna_widget', clientToken: expect.any(String), sessionId: expect.any(String), authorizeUrl: `/api/v1/payments/klarna/${order.payment?.id}/authorize` });
      const session = klarna.session(String(action.sessionId));
      expect(session).toMatchObject({ purchase_currency: 'SEK', order_amount: order.totals.total });
      const authorized = await kassa.http.post(String(action.authorizeUrl)).send({ authorizationToken: klarna.authorize(session.session_id) });
      expect(authorized.status).toBe(200);
      expect(authorized.body).toMatchObject({ status: 'authorized' });
      klarnaOrderId = [...klarna.orders.values()].find((candidate) => candidate.order_amount === order.totals.total && candidate.captures.length === 0)?.order_id ?? '';
      expect(klarna.order(klarnaOrderId)).toMatchObject({ status: 'AUTHORIZED', captured_amount: 0 });
    });
    // KLARNA_CAPTURE_ON=handover: the hand-over captured the authorized money at Klarna.
    expect(collected.payment?.status).toBe('captured');
    expect(klarna.order(klarnaOrderId)).toMatchObject({ status: 'CAPTURED', captured_amount: collected.totals.total });
  });
});
