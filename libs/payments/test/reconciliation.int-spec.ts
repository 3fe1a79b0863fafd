import { randomUUID } from 'node:crypto';
import { localDateTime } from '@kassa/shared';
import { PaymentLine, PaymentsService, PaymentSummary } from '@kassa/payments';
import { createStore, openAllDay } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { instructionIdOf } from '../src/providers/swish/swish.provider';
import { FakeKlarna } from './fake-klarna';
import { FakeStripe, intentEvent, signed } from './fake-stripe';
import { FakeSwish, TestCertificates } from './fake-swish';
import { inTransaction, query, RecordingListener, standInForOrders, startInput } from './payments.factory';

const ZONE = 'Europe/Stockholm';
const LINES: PaymentLine[] = [{ name: 'Kanelbulle', quantity: 2, unitPrice: 3_900, totalAmount: 7_800, taxRate: 1_200, totalTaxAmount: 836 }];

/** End-of-day reconciliation of a store's day: Kassa's ledger against a local server that speaks Stripe's API. */
describe('end-of-day reconciliation per store and provider', () => {
  const stripe = new FakeStripe();
  const certs = new TestCertificates();
  const swish = new FakeSwish(certs);
  const klarna = new FakeKlarna();
  let kassa: TestApp;
  let payments: PaymentsService;
  let owner: string;

  beforeAll(async () => {
    await stripe.start();
    await swish.start();
    await klarna.start();
    kassa = await startTestApp({
      ...swish.env(),
      ...klarna.env('handover'),
      KASSA_TEST_PAYMENTS: 'true',
      ...stripe.env(),
      KASSA_PAYMENT_TIMEOUT_MS: '700',
    });
    payments = kassa.app.get(PaymentsService);
    standInForOrders(kassa.app, new RecordingListener());
    owner = await kassa.login();
  });
  afterEach(() => {
    stripe.heal();
    swish.heal();
    klarna.heal();
  });
  afterAll(async () => {
    await kassa.close();
    await stripe.close();
    await swish.close();
    await klarna.close();
    certs.remove();
  });

  const today = () => localDateTime(Date.now(), ZONE).date;
  const newStore = async () => (await createStore(kassa.http, owner, { timezone: ZONE })).id;
  const start = (storeId: string, method: 'test' | 'card', amount: number) =>
    inTransaction(kassa.app, () => payments.start(startInput({ storeId, method, amount })));
  const approveTest = async (payment: PaymentSummary) => kassa.http.post(`/api/v1/payments/test/${payment.id}/approve`).expect(200);
  const intentIdOf = (payment: PaymentSummary) => (payment.nextAction?.clientSecret ?? '').split('_secret_')[0];
  const payByCard = async (storeId: string, amount: number) => {
    const payment = await start(storeId, 'card', amount);
    const payload = intentEvent('payment_intent.succeeded', stripe.succeed(intentIdOf(payment)));
    await kassa.http.post('/api/v1/payments/card/webhook').set('Content-Type', 'application/json').set('Stripe-Signature', signed(payload)).send(payload).expect(200);
    return payment;
  };
  const payBySwish = async (storeId: string, amount: number) => {
    const payment = await inTransaction(kassa.app, () => payments.start(startInput({ storeId, method: 'swish', amount })));
    swish.pay(instructionIdOf(payment.id));
    await kassa.http.post('/api/v1/payments/swish/callback').send({ id: instructionIdOf(payment.id) }).expect(200);
    return payment;
  };
  const payByKlarna = async (storeId: string) => {
    const payment = await inTransaction(kassa.app, () => payments.start(startInput({ storeId, method: 'klarna', amount: 7_800, lines: LINES })));
    const token = klarna.authorize(payment.nextAction?.sessionId ?? '');
    await kassa.http.post(`/api/v1/payments/klarna/${payment.id}/authorize`).send({ authorizationToken: token }).expect(200);
    await inTransaction(kassa.app, () => payments.capture(payment.id));
    const [row] = await query<{ provider_reference: string }>(kassa.app, 'select provider_reference from payment where id = ?', [payment.id]);
    return { payment, klarnaOrderId: row.provider_reference };
  };
  const report = async (storeId: string, date = today()) =>
    (await kassa.http.get(`/api/v1/admin/stores/${storeId}/reconciliation?date=${date}`).set('Authorization', owner).expect(200)).body;
  const provider = (body: any, method: string) => body.providers.find((p: any) => p.method === method);
  const kinds = (body: any, method: string) => provider(body, method).mismatches.map((m: any) => [m.kind, m.paymentId]);

  it('shows a day of matching test and card payments per provider with no mismatch', async () => {
    const storeId = await newStore();
    const test = await start(storeId, 'test', 4_500);
    await approveTest(test);
    const card = await payByCard(storeId, 12_900);
    await inTransaction(kassa.app, () => payments.refundPart(card.id, 2_900, 'one bun returned'));

    const body = await report(storeId);
    expect(body).toMatchObject({ storeId, date: today(), timezone: ZONE });
    expect(provider(body, 'test')).toMatchObject({ kassa: { captured: 4_500, refunded: 0, count: 1 }, provider: null, reachable: true, mismatches: [] });
    expect(provider(body, 'card')).toMatchObject({
      kassa: { captured: 12_900, refunded: 2_900, count: 1 },
      provider: { captured: 12_900, refunded: 2_900, count: 1 },
      reachable: true,
      mismatches: [],
    });
    expect(provider(body, 'card').payments).toEqual([
      expect.objectContaining({ paymentId: card.id, providerReference: intentIdOf(card), kassa: { captured: 12_900, refunded: 2_900 }, provider: { captured: 12_900, refunded: 2_900 }, mismatches: [] }),
    ]);
    expect(body.totals).toEqual({ kassa: { captured: 17_400, refunded: 2_900, count: 2 }, provider: { captured: 12_900, refunded: 2_900, count: 1 }, mismatches: 0 });
  });

  it('lists a capture Stripe lacks, an amount that differs, refunds on one side only and a capture Kassa does not know', async () => {
    const storeId = await newStore();
    const lost = await payByCard(storeId, 5_000);
    stripe.charges.splice(stripe.charges.findIndex((c) => c.payment_intent === intentIdOf(lost)), 1);
    const short = await payByCard(storeId, 7_000);
    const charge = stripe.charges.find((c) => c.payment_intent === intentIdOf(short));
    if (charge) charge.amount_captured = 6_000;
    const kassaOnlyRefund = await payByCard(storeId, 3_000);
    await inTransaction(kassa.app, () => payments.refundPart(kassaOnlyRefund.id, 1_000, 'spilled'));
    stripe.refunds.splice(stripe.refunds.findIndex((r) => r.payment_intent === intentIdOf(kassaOnlyRefund)), 1);
    const stripeOnlyRefund = await payByCard(storeId, 2_000);
    stripe.refunds.push({ id: 're_dashboard', object: 'refund', amount: 500, payment_intent: intentIdOf(stripeOnlyRefund), status: 'succeeded', created: Math.floor(Date.now() / 1000) });
    const stranger = stripe.addCharge({ amount: 9_900, payment_intent: 'pi_made_in_dashboard', metadata: { storeId, paymentId: '00000000-0000-4000-8000-00000000beef' } });
    // Another store's charge is not this store's business.
    stripe.addCharge({ amount: 1_100, payment_intent: 'pi_other_store', metadata: { storeId: '00000000-0000-4000-8000-000000000001' } });

    const body = await report(storeId);
    expect(kinds(body, 'card')).toEqual(
      expect.arrayContaining([
        ['missing_at_provider', lost.id],
        ['amount_differs', short.id],
        ['refund_differs', kassaOnlyRefund.id],
        ['refund_differs', stripeOnlyRefund.id],
        ['missing_in_kassa', '00000000-0000-4000-8000-00000000beef'],
      ]),
    );
    expect(kinds(body, 'card')).toHaveLength(5);
    expect(provider(body, 'card').mismatches.find((m: any) => m.kind === 'amount_differs')).toMatchObject({ kassaAmount: 7_000, providerAmount: 6_000 });
    expect(provider(body, 'card').mismatches.find((m: any) => m.kind === 'missing_in_kassa')).toMatchObject({ kassaAmount: 0, providerAmount: 9_900 });
    expect(provider(body, 'card').payments.find((p: any) => p.providerReference === stranger.payment_intent)).toMatchObject({ paymentStatus: null, mismatches: ['missing_in_kassa'] });
    expect(provider(body, 'card').kassa).toEqual({ captured: 17_000, refunded: 1_000, count: 4 });
    expect(provider(body, 'card').provider).toEqual({ captured: 6_000 + 3_000 + 2_000 + 9_900, refunded: 500, count: 4 });
    expect(body.totals.mismatches).toBe(5);

    // The same as CSV for Excel: BOM, `;`, decimal comma, one row per payment with its mismatch.
    const csv = await kassa.http.get(`/api/v1/admin/stores/${storeId}/reconciliation?date=${today()}`).set('Authorization', owner).set('Accept', 'text/csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers['content-disposition']).toContain(`kassa-reconciliation-${today()}.csv`);
    const text = csv.text;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = text.slice(1).trimEnd().split('\r\n');
    expect(header).toBe(
      'date;store_id;method;payment_id;provider_reference;order_number;order_id;order_status;payment_status;currency;kassa_captured;kassa_refunded;provider_captured;provider_refunded;mismatch;detail',
    );
    expect(rows).toHaveLength(5);
    const shortRow = rows.find((r) => r.includes(short.id))?.split(';');
    expect(shortRow?.slice(8, 15)).toEqual(['captured', 'SEK', '70,00', '0,00', '60,00', '0,00', 'amount_differs']);
    const viaQuery = await kassa.http.get(`/api/v1/admin/stores/${storeId}/reconciliation?date=${today()}&format=csv`).set('Authorization', owner).expect(200);
    expect(viaQuery.text).toBe(text);
  });

  it('reads each Swish payment request and refund and each Klarna order, since neither lists a day', async () => {
    const storeId = await newStore();
    const swishOk = await payBySwish(storeId, 4_500);
    await inTransaction(kassa.app, () => payments.refundPart(swishOk.id, 500, 'no lid'));
    const swishShort = await payBySwish(storeId, 3_000);
    swish.request(instructionIdOf(swishShort.id)).amount = 25;
    const klarnaOk = await payByKlarna(storeId);
    const klarnaRefund = await payByKlarna(storeId);
    await inTransaction(kassa.app, () => payments.refundPart(klarnaRefund.payment.id, 3_900, 'one bun returned'));
    // Klarna never recorded the refund.
    const order = klarna.order(klarnaRefund.klarnaOrderId);
    order.refunds.splice(0);
    order.refunded_amount = 0;

    const body = await report(storeId);
    expect(provider(body, 'swish')).toMatchObject({ reachable: true, kassa: { captured: 7_500, refunded: 500, count: 2 }, provider: { captured: 7_000, refunded: 500, count: 2 } });
    expect(kinds(body, 'swish')).toEqual([['amount_differs', swishShort.id]]);
    expect(provider(body, 'klarna')).toMatchObject({ reachable: true, kassa: { captured: 15_600, refunded: 3_900, count: 2 }, provider: { captured: 15_600, refunded: 0, count: 2 } });
    expect(kinds(body, 'klarna')).toEqual([['refund_differs', klarnaRefund.payment.id]]);
    expect(provider(body, 'klarna').payments.find((p: any) => p.paymentId === klarnaOk.payment.id)).toMatchObject({ mismatches: [], provider: { captured: 7_800, refunded: 0 } });
    expect(swish.calls.some((c) => c.method === 'GET' && c.path.startsWith('/api/v1/refunds/'))).toBe(true);

    swish.fail('/api/v1/paymentrequests', 'timeout');
    const later = await report(storeId);
    expect(provider(later, 'swish')).toMatchObject({ reachable: false, provider: null });
    expect(provider(later, 'klarna')).toMatchObject({ reachable: true });
  });

  it('says a provider was unreachable for that provider only, and the rest of the report stands', async () => {
    const storeId = await newStore();
    const test = await start(storeId, 'test', 1_500);
    await approveTest(test);
    const card = await payByCard(storeId, 4_000);
    stripe.fail('/v1/charges', 'server_error');
    const body = await report(storeId);
    expect(provider(body, 'card')).toMatchObject({ reachable: false, provider: null, kassa: { captured: 4_000 }, mismatches: [] });
    expect(provider(body, 'card').error).toMatch(/could not list the day’s charges/);
    expect(provider(body, 'test')).toMatchObject({ reachable: true, kassa: { captured: 1_500 } });
    const csv = await kassa.http.get(`/api/v1/admin/stores/${storeId}/reconciliation?date=${today()}&format=csv`).set('Authorization', owner).expect(200);
    expect(csv.text.split('\r\n').find((r) => r.includes(card.id))).toContain('provider_unreachable');
  });

  it('counts money in the store’s local day, not the UTC one', async () => {
    const storeId = await newStore();
    // 00:30 in Stockholm on 10 November is 23:30 UTC on the 9th; 23:30 local on the 10th is still the 10th.
    const early = await start(storeId, 'test', 1_000);
    await approveTest(early);
    const late = await start(storeId, 'test', 2_000);
    await approveTest(late);
    await query(kassa.app, `update payment_event set created_at = '2026-11-09T23:30:00Z' where payment_id = ?`, [early.id]);
    await query(kassa.app, `update payment_event set created_at = '2026-11-10T22:30:00Z' where payment_id = ?`, [late.id]);

    const day = await report(storeId, '2026-11-10');
    expect(day).toMatchObject({ from: '2026-11-09T23:00:00.000Z', to: '2026-11-10T23:00:00.000Z' });
    expect(provider(day, 'test').payments.map((p: any) => p.paymentId).sort()).toEqual([early.id, late.id].sort());
    expect(provider(day, 'test').kassa).toEqual({ captured: 3_000, refunded: 0, count: 2 });
    const before = await report(storeId, '2026-11-09');
    expect(provider(before, 'test')).toBeUndefined();
  });

  it('answers 400 naming date for a date that is not one, and 404 for a store that is not the caller’s', async () => {
    const storeId = await newStore();
    for (const date of ['2026-02-30', 'yesterday', '2026-1-1']) {
      const response = await kassa.http.get(`/api/v1/admin/stores/${storeId}/reconciliation?date=${date}`).set('Authorization', owner).expect(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'date' })]);
    }
    await kassa.http.get('/api/v1/admin/stores/00000000-0000-4000-8000-000000000009/reconciliation?date=x').set('Authorization', owner).expect(404);
    await kassa.http.get(`/api/v1/admin/stores/${storeId}/reconciliation`).expect(401);
  });
});

/** With orders as the app runs them: a paid order shows its number and status, and an order that disagrees with its payment is listed. */
describe('reconciliation with real orders', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let productId: string;

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_TEST_PAYMENTS: 'true' });
    owner = await kassa.login();
    storeId = (await createStore(kassa.http, owner, { timezone: ZONE })).id;
    await openAllDay(kassa.http, owner, storeId);
    const product = await kassa.http
      .post('/api/v1/admin/products')
      .set('Authorization', owner)
      .send({ sku: `REC-${randomUUID().slice(0, 8)}`, nameSv: 'Semla', nameEn: 'Semla', price: 4_900, vatRate: 12, prepMinutes: 0, stock: { mode: 'untracked' } })
      .expect(201);
    productId = product.body.id;
  });
  afterAll(() => kassa.close());

  const placePaid = async () => {
    const order = (
      await kassa.http
        .post('/api/v1/orders')
        .set('Idempotency-Key', randomUUID())
        .send({ storeId, items: [{ productId, quantity: 1 }], pickup: { asap: true }, customer: { name: 'Åsa Öberg', email: 'asa@example.se' }, payment: { method: 'test' }, locale: 'sv' })
        .expect(201)
    ).body;
    await kassa.http.post(`/api/v1/payments/test/${order.payment.id}/approve`).expect(200);
    return order as { id: string; number: string; payment: { id: string } };
  };

  it('names the order of each payment, and lists orders and payments that disagree', async () => {
    const fine = await placePaid();
    const cancelledButCaptured = await placePaid();
    const paidButPending = await placePaid();
    // What a bug or a crash between two writes could leave behind.
    await query(kassa.app, `update orders set status = 'cancelled' where id = ?`, [cancelledButCaptured.id]);
    await query(kassa.app, `update payment set status = 'pending' where id = ?`, [paidButPending.payment.id]);

    const body = (await kassa.http.get(`/api/v1/admin/stores/${storeId}/reconciliation`).set('Authorization', owner).expect(200)).body;
    const test = body.providers.find((p: any) => p.method === 'test');
    expect(test.payments.find((p: any) => p.paymentId === fine.payment.id)).toMatchObject({ orderId: fine.id, orderNumber: fine.number, orderStatus: 'paid', mismatches: [] });
    expect(test.mismatches).toEqual([
      expect.objectContaining({ kind: 'status_mismatch', paymentId: cancelledButCaptured.payment.id, orderNumber: cancelledButCaptured.number, detail: expect.stringContaining('cancelled') }),
      expect.objectContaining({ kind: 'status_mismatch', paymentId: paidButPending.payment.id, orderNumber: paidButPending.number, detail: expect.stringContaining('pending') }),
    ]);
  });
});
