import { PaymentLine, PaymentsService, PaymentSummary } from '@kassa/payments';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { FakeKlarna, KLARNA_PASSWORD, KLARNA_USERNAME } from './fake-klarna';
import { eventsOf, GARBAGE_BODIES, inTransaction, isClientError, query, RecordingListener, standInForOrders, startInput } from './payments.factory';

/** Two coffees and a bun, 25 % and 12 % VAT included. */
const LINES: PaymentLine[] = [
  { name: 'Cappuccino', quantity: 2, unitPrice: 4_500, totalAmount: 9_000, taxRate: 1_200, totalTaxAmount: 964 },
  { name: 'Kanelbulle', quantity: 1, unitPrice: 3_900, totalAmount: 3_900, taxRate: 2_500, totalTaxAmount: 780 },
];

/** Klarna Payments and Order Management against a local server that speaks Klarna's API. */
describe('Klarna payments', () => {
  const klarna = new FakeKlarna();
  const listener = new RecordingListener();
  let kassa: TestApp;
  let payments: PaymentsService;

  beforeAll(async () => {
    await klarna.start();
    kassa = await startTestApp({
      KASSA_TEST_PAYMENTS: 'false',
      ...klarna.env('handover'),
      KASSA_PAYMENT_TIMEOUT_MS: '700',
    });
    payments = kassa.app.get(PaymentsService);
    standInForOrders(kassa.app, listener);
  });
  afterEach(() => {
    klarna.heal();
    klarna.fraudStatus = 'ACCEPTED';
  });
  afterAll(async () => {
    await kassa.close();
    await klarna.close();
  });

  const tx = <T>(work: () => Promise<T>) => inTransaction(kassa.app, work);
  const start = (overrides = {}) => tx(() => payments.start(startInput({ method: 'klarna', amount: 12_900, lines: LINES, ...overrides })));
  const get = (id: string) => tx(() => payments.get(id));
  const authorize = (payment: PaymentSummary, token: string) => kassa.http.post(`/api/v1/payments/klarna/${payment.id}/authorize`).send({ authorizationToken: token });
  const sessionOf = (payment: PaymentSummary) => klarna.session(payment.nextAction?.sessionId ?? '');
  const authorized = async (overrides = {}) => {
    const payment = await start(overrides);
    const answer = await authorize(payment, klarna.authorize(sessionOf(payment).session_id)).expect(200);
    return { payment, body: answer.body as PaymentSummary, orderId: (await referenceOf(payment.id)) ?? '' };
  };
  const referenceOf = async (paymentId: string) =>
    (await query<{ provider_reference: string | null }>(kassa.app, 'select provider_reference from payment where id = ?', [paymentId]))[0].provider_reference;

  it('opens a session with the order’s lines and hands the widget its client token', async () => {
    expect(await tx(() => payments.methodsFor(startInput().storeId))).toEqual(['klarna', 'in_store']);
    const payment = await start();
    const session = sessionOf(payment);
    expect(payment).toMatchObject({ method: 'klarna', status: 'pending' });
    expect(payment.nextAction).toEqual({
      type: 'klarna_widget',
      clientToken: session.client_token,
      sessionId: session.session_id,
      authorizeUrl: `/api/v1/payments/klarna/${payment.id}/authorize`,
    });
    expect(session).toMatchObject({ purchase_country: 'SE', purchase_currency: 'SEK', locale: 'sv-SE', order_amount: 12_900, order_tax_amount: 1_744 });
    expect(session.order_lines).toEqual([
      expect.objectContaining({ name: 'Cappuccino', quantity: 2, unit_price: 4_500, tax_rate: 1_200, total_amount: 9_000, total_tax_amount: 964 }),
      expect.objectContaining({ name: 'Kanelbulle', quantity: 1, unit_price: 3_900, tax_rate: 2_500, total_amount: 3_900, total_tax_amount: 780 }),
    ]);
  });

  it('balances lines against the amount with a discount line, and makes one line when it has none', async () => {
    const discounted = sessionOf(await start({ amount: 11_900 }));
    expect(discounted.order_lines.at(-1)).toMatchObject({ type: 'discount', total_amount: -1_000 });
    const bare = sessionOf(await start({ lines: undefined, amount: 5_000 }));
    expect(bare.order_lines).toEqual([expect.objectContaining({ quantity: 1, unit_price: 5_000, total_amount: 5_000, tax_rate: 0 })]);
  });

  it('keeps nothing and says 502 when Klarna fails, does not answer in time, or refuses the session', async () => {
    for (const failure of ['server_error', 'timeout', 'bad_request'] as const) {
      klarna.fail('/payments/v1/sessions', failure);
      const input = startInput({ method: 'klarna', lines: LINES });
      await expect(tx(() => payments.start(input))).rejects.toMatchObject({ code: 'PAYMENT_PROVIDER_UNAVAILABLE', status: 502 });
      expect(await tx(() => payments.forOrder(input.orderId))).toBeNull();
    }
  });

  it('turns the authorization into a Klarna order once: the payment is authorized and orders hear of it', async () => {
    const payment = await start();
    const token = klarna.authorize(sessionOf(payment).session_id);
    const first = await authorize(payment, token).expect(200);
    expect(first.body).toMatchObject({ id: payment.id, status: 'authorized', nextAction: null });
    const orderId = await referenceOf(payment.id);
    expect(klarna.order(orderId ?? '')).toMatchObject({ status: 'AUTHORIZED', order_amount: 12_900 });
    expect(klarna.calls.find((c) => c.path.endsWith(`${token}/order`))).toMatchObject({
      idempotencyKey: `order-${payment.id}`,
      body: expect.objectContaining({ merchant_reference1: payment.orderId, merchant_reference2: payment.id, order_amount: 12_900 }),
    });
    // The stand-in for orders has no paymentAuthorized, so it hears paymentCaptured: the order is secured.
    expect(listener.callsFor(payment.id)).toEqual(['captured']);

    expect((await authorize(payment, token).expect(200)).body).toEqual(first.body);
    expect(klarna.calls.filter((c) => c.path.endsWith('/order'))).toHaveLength(klarna.orders.size);
    expect(listener.callsFor(payment.id)).toEqual(['captured']);
    expect((await eventsOf(kassa.app, payment.id)).at(-1)).toMatchObject({ kind: 'authorized', from_status: 'pending', to_status: 'authorized', actor: 'customer' });
  });

  it('declines a token Klarna does not know, or a session changed to another amount, and keeps the payment open', async () => {
    const payment = await start();
    expect((await authorize(payment, 'not-a-real-token').expect(402)).body).toMatchObject({ code: 'PAYMENT_DECLINED' });
    sessionOf(payment).order_amount = 100;
    const token = klarna.authorize(sessionOf(payment).session_id);
    expect((await authorize(payment, token).expect(402)).body).toMatchObject({ code: 'PAYMENT_DECLINED', details: [{ field: 'payment', reason: 'the session no longer matches the order' }] });
    expect(await get(payment.id)).toMatchObject({ status: 'pending' });
    expect((await authorize(payment, 'white space').expect(400)).body).toMatchObject({ details: [expect.objectContaining({ field: 'authorizationToken' })] });
    expect(listener.callsFor(payment.id)).toEqual([]);
  });

  it('answers garbage with a 4xx naming the problem', async () => {
    const payment = await start();
    for (const id of [payment.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      for (const garbage of GARBAGE_BODIES) {
        const response = await kassa.http.post(`/api/v1/payments/klarna/${id}/authorize`).set('Content-Type', garbage.type).send(garbage.body);
        expect({ id, garbage: garbage.body.slice(0, 40), ok: isClientError(response) }).toEqual({ id, garbage: garbage.body.slice(0, 40), ok: true });
      }
    }
    expect(await get(payment.id)).toMatchObject({ status: 'pending' });
  });

  it('keeps no credential or client token in the payment log', async () => {
    const { payment } = await authorized();
    await tx(() => payments.capture(payment.id));
    const dump = JSON.stringify(await query(kassa.app, 'select * from payment_event'));
    const basic = Buffer.from(`${KLARNA_USERNAME}:${KLARNA_PASSWORD}`).toString('base64');
    for (const secret of [KLARNA_PASSWORD, basic, payment.nextAction?.clientToken ?? 'missing']) expect(dump).not.toContain(secret);
  });

  it('fails the payment when Klarna rejects the order, and says 502 when Klarna cannot be reached', async () => {
    const unreachable = await start();
    klarna.fail('/payments/v1/authorizations', 'timeout');
    expect((await authorize(unreachable, klarna.authorize(sessionOf(unreachable).session_id)).expect(502)).body.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    expect(await get(unreachable.id)).toMatchObject({ status: 'pending' });
    klarna.heal();

    klarna.fraudStatus = 'REJECTED';
    const rejected = await start();
    expect((await authorize(rejected, klarna.authorize(sessionOf(rejected).session_id)).expect(200)).body).toMatchObject({ status: 'failed' });
    expect(listener.callsFor(rejected.id)).toEqual(['failed']);
  });

  it('captures the authorized money with the order lines when asked (acceptance or hand-over), once', async () => {
    const { payment, orderId } = await authorized();
    const unauthorized = await start();
    await expect(tx(() => payments.capture(unauthorized.id))).rejects.toMatchObject({ code: 'PAYMENT_NOT_PENDING', status: 409 });
    const captured = await tx(() => payments.capture(payment.id));
    expect(captured).toMatchObject({ status: 'captured' });
    expect(klarna.order(orderId)).toMatchObject({ status: 'CAPTURED', captured_amount: 12_900 });
    expect(klarna.order(orderId).captures[0]).toMatchObject({ captured_amount: 12_900, order_lines: [expect.objectContaining({ name: 'Cappuccino' }), expect.objectContaining({ name: 'Kanelbulle' })] });
    expect(await tx(() => payments.capture(payment.id))).toEqual(captured);
    expect(klarna.order(orderId).captures).toHaveLength(1);
    expect(listener.callsFor(payment.id)).toEqual(['captured']);
    expect((await eventsOf(kassa.app, payment.id)).at(-1)).toMatchObject({ kind: 'captured', from_status: 'authorized', to_status: 'captured', actor: 'system' });
  });

  it('refunds part and then the rest through Order Management, the full refund with the lines', async () => {
    const { payment, orderId } = await authorized();
    await tx(() => payments.capture(payment.id));
    expect(await tx(() => payments.refundPart(payment.id, 3_900, 'bun returned'))).toMatchObject({ status: 'partially_refunded', refundedAmount: 3_900 });
    klarna.fail('/ordermanagement', 'server_error');
    await expect(tx(() => payments.refund(payment.id, 'order cancelled'))).rejects.toMatchObject({ code: 'PAYMENT_PROVIDER_UNAVAILABLE', status: 502 });
    klarna.heal();
    expect(await tx(() => payments.refund(payment.id, 'order cancelled'))).toMatchObject({ status: 'refunded', refundedAmount: 12_900 });
    expect(klarna.order(orderId).refunds).toEqual([
      expect.objectContaining({ refunded_amount: 3_900, description: 'bun returned' }),
      expect.objectContaining({ refunded_amount: 9_000 }),
    ]);

    const whole = await authorized();
    await tx(() => payments.capture(whole.payment.id));
    await tx(() => payments.refund(whole.payment.id, 'order cancelled'));
    expect(klarna.order(whole.orderId).refunds).toEqual([
      expect.objectContaining({ refunded_amount: 12_900, order_lines: [expect.objectContaining({ name: 'Cappuccino' }), expect.objectContaining({ name: 'Kanelbulle' })] }),
    ]);
  });

  it('cancels an authorized order at Klarna, and cancels an order the payment could no longer take', async () => {
    const { payment, orderId } = await authorized();
    expect(await tx(() => payments.cancel(payment.id, 'store cancelled'))).toMatchObject({ status: 'cancelled' });
    expect(klarna.order(orderId).status).toBe('CANCELLED');

    // The order expired while the customer was in the widget: orders refuses, Klarna's order is dropped.
    const late = await start();
    listener.throwOn = late.id;
    try {
      expect((await authorize(late, klarna.authorize(sessionOf(late).session_id)).expect(409)).body.code).toBe('ORDER_EXPIRED');
    } finally {
      listener.throwOn = null;
    }
    expect(await get(late.id)).toMatchObject({ status: 'pending' });
    const created = [...klarna.orders.values()].at(-1);
    expect(created?.status).toBe('CANCELLED');

    const cancelled = await start();
    await tx(() => payments.cancel(cancelled.id));
    expect((await authorize(cancelled, klarna.authorize(sessionOf(cancelled).session_id)).expect(409)).body.code).toBe('PAYMENT_NOT_PENDING');
  });
});
