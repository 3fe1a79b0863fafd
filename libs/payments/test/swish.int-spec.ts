import { PaymentsService, PaymentSummary } from '@kassa/payments';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { SwishClient } from '../src/providers/swish/swish.client';
import { instructionIdOf } from '../src/providers/swish/swish.provider';
import { FakeSwish, SWISH_PAYEE_ALIAS, TestCertificates, UNKNOWN_PAYER } from './fake-swish';
import { eventsOf, GARBAGE_BODIES, inTransaction, isClientError, query, RecordingListener, standInForOrders, startInput } from './payments.factory';

const CALLBACK = '/api/v1/payments/swish/callback';

/** Swish over mutual TLS against a local Swish that demands the merchant certificate, and its unsigned callbacks. */
describe('Swish payments', () => {
  const certs = new TestCertificates();
  const swish = new FakeSwish(certs);
  const listener = new RecordingListener();
  let kassa: TestApp;
  let payments: PaymentsService;

  beforeAll(async () => {
    await swish.start();
    kassa = await startTestApp({
      KASSA_TEST_PAYMENTS: 'false',
      ...swish.env(),
      KASSA_PAYMENT_TIMEOUT_MS: '700',
    });
    payments = kassa.app.get(PaymentsService);
    standInForOrders(kassa.app, listener);
  });
  afterEach(() => swish.heal());
  afterAll(async () => {
    await kassa.close();
    await swish.close();
    certs.remove();
  });

  const tx = <T>(work: () => Promise<T>) => inTransaction(kassa.app, work);
  const start = (overrides = {}) => tx(() => payments.start(startInput({ method: 'swish', ...overrides })));
  const get = (id: string) => tx(() => payments.get(id));
  const idOf = (payment: PaymentSummary) => instructionIdOf(payment.id);
  const callback = (body: unknown) => kassa.http.post(CALLBACK).send(body as object);
  const referenceOf = async (paymentId: string) =>
    (await query<{ provider_reference: string }>(kassa.app, 'select provider_reference from payment where id = ?', [paymentId]))[0].provider_reference;

  it('opens an m-commerce payment request with the merchant certificate and hands the app token on', async () => {
    expect(await tx(() => payments.methodsFor(startInput().storeId))).toEqual(['swish', 'in_store']);
    const payment = await start({ amount: 4_500 });
    const request = swish.request(idOf(payment));
    expect(payment).toMatchObject({ method: 'swish', status: 'pending', nextAction: { type: 'swish_app', token: request.token } });
    expect(idOf(payment)).toMatch(/^[0-9A-F]{32}$/);
    const put = swish.calls.find((c) => c.method === 'PUT' && c.path === `/api/v2/paymentrequests/${idOf(payment)}`);
    expect(put).toMatchObject({
      client: SWISH_PAYEE_ALIAS,
      body: {
        payeePaymentReference: idOf(payment),
        callbackUrl: `https://kassa.example.com${CALLBACK}`,
        payeeAlias: SWISH_PAYEE_ALIAS,
        amount: '45.00',
        currency: 'SEK',
        message: expect.any(String),
      },
    });
    expect(put?.body).not.toHaveProperty('payerAlias');
    expect(String(put?.body?.message).length).toBeLessThanOrEqual(50);
    expect(await referenceOf(payment.id)).toBe(idOf(payment));
  });

  it('opens an e-commerce payment request on the payer’s number, and refuses numbers Swish or Sweden does not know', async () => {
    const payment = await start({ payerPhone: '070-123 45 67', amount: 12_905 });
    expect(payment.nextAction).toEqual({ type: 'swish_number' });
    expect(swish.request(idOf(payment))).toMatchObject({ payerAlias: '46701234567', amount: 129.05 });

    await expect(start({ payerPhone: '12345' })).rejects.toMatchObject({ code: 'INVALID_PAYMENT', details: [{ field: 'payerPhone', reason: expect.any(String) }] });
    const unknown = startInput({ method: 'swish', payerPhone: `+${UNKNOWN_PAYER}` });
    await expect(tx(() => payments.start(unknown))).rejects.toMatchObject({ code: 'PAYMENT_DECLINED', status: 402, details: [{ field: 'payment', reason: 'ACMT03' }] });
    expect(await tx(() => payments.forOrder(unknown.orderId))).toBeNull();
    await expect(start({ currency: 'EUR' })).rejects.toMatchObject({ code: 'INVALID_PAYMENT', details: [{ field: 'currency', reason: 'Swish takes SEK only' }] });
  });

  it('keeps nothing and says 502 when Swish answers 5xx or not in time', async () => {
    for (const failure of ['server_error', 'timeout'] as const) {
      swish.fail('/api/v2/paymentrequests', failure);
      const input = startInput({ method: 'swish' });
      const began = Date.now();
      await expect(tx(() => payments.start(input))).rejects.toMatchObject({ code: 'PAYMENT_PROVIDER_UNAVAILABLE', status: 502 });
      expect(Date.now() - began).toBeLessThan(5_000);
      expect(await tx(() => payments.forOrder(input.orderId))).toBeNull();
    }
  });

  it('settles only on what Swish says when asked: a forged PAID callback changes nothing', async () => {
    const payment = await start();
    const forged = { ...swish.callbackBody(idOf(payment)), status: 'PAID', paymentReference: 'FORGED' };
    expect((await callback(forged).expect(200)).body).toEqual({ received: true, outcome: 'ignored' });
    expect(await get(payment.id)).toMatchObject({ status: 'pending' });
    expect(listener.callsFor(payment.id)).toEqual([]);
    expect(swish.calls.filter((c) => c.method === 'GET' && c.path.endsWith(idOf(payment)))).toEqual([
      expect.objectContaining({ client: SWISH_PAYEE_ALIAS }),
    ]);
  });

  it('captures once Swish confirms PAID, keeps Swish’s payment reference, and a repeated callback changes nothing', async () => {
    const payment = await start();
    const paid = swish.pay(idOf(payment));
    // Even a callback that claims less is only a hint: the re-check decides.
    expect((await callback({ id: idOf(payment), status: 'CREATED' }).expect(200)).body.outcome).toBe('captured');
    expect(await get(payment.id)).toMatchObject({ status: 'captured', nextAction: null });
    expect(await referenceOf(payment.id)).toBe(paid.paymentReference);
    expect(listener.callsFor(payment.id)).toEqual(['captured']);

    expect((await callback(swish.callbackBody(idOf(payment))).expect(200)).body.outcome).toBe('ignored');
    expect(listener.callsFor(payment.id)).toEqual(['captured']);
    expect((await eventsOf(kassa.app, payment.id)).map((e) => e.kind)).toEqual(['created', 'started', 'approved']);
  });

  it('settles two callbacks arriving at once exactly once', async () => {
    const payment = await start();
    swish.pay(idOf(payment));
    const answers = await Promise.all([callback(swish.callbackBody(idOf(payment))), callback(swish.callbackBody(idOf(payment)))]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.map((a) => a.body.outcome).sort()).toEqual(expect.arrayContaining(['captured']));
    expect(answers.filter((a) => a.body.outcome === 'captured')).toHaveLength(1);
    expect(listener.callsFor(payment.id)).toEqual(['captured']);
  });

  it('fails the payment when Swish says DECLINED or ERROR, and tells orders', async () => {
    for (const status of ['DECLINED', 'ERROR'] as const) {
      const payment = await start();
      Object.assign(swish.request(idOf(payment)), { status, errorCode: status === 'ERROR' ? 'TM01' : null });
      expect((await callback(swish.callbackBody(idOf(payment))).expect(200)).body.outcome).toBe('failed');
      expect(await get(payment.id)).toMatchObject({ status: 'failed' });
      expect(listener.callsFor(payment.id)).toEqual(['failed']);
      // A PAID claim after that (forged or out of order) is the same news again once Swish is asked.
      expect((await callback({ ...swish.callbackBody(idOf(payment)), status: 'PAID' }).expect(200)).body.outcome).toBe('duplicate');
      expect(await get(payment.id)).toMatchObject({ status: 'failed' });
    }
  });

  it('answers 502 and changes nothing when Swish cannot be asked; the next callback settles', async () => {
    const payment = await start();
    swish.pay(idOf(payment));
    swish.fail('/api/v1/paymentrequests', 'timeout');
    expect((await callback(swish.callbackBody(idOf(payment))).expect(502)).body.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    expect(await get(payment.id)).toMatchObject({ status: 'pending' });
    swish.heal();
    expect((await callback(swish.callbackBody(idOf(payment))).expect(200)).body.outcome).toBe('captured');
  });

  it('refuses a callback with no payment request id, and ignores ids that are not Kassa’s', async () => {
    for (const body of [{}, { id: 'x' }, { id: 42 }, { id: 'ab23d7406ece4542a80152d909ef9f6g' }]) {
      expect((await callback(body).expect(400)).body).toMatchObject({ code: 'PAYMENT_WEBHOOK_INVALID' });
    }
    expect((await callback({ id: 'AB23D7406ECE4542A80152D909EF9F6B', status: 'PAID' }).expect(200)).body.outcome).toBe('ignored');
  });

  it('answers garbage callbacks with a 4xx naming the problem', async () => {
    for (const garbage of GARBAGE_BODIES) {
      const response = await kassa.http.post(CALLBACK).set('Content-Type', garbage.type).send(garbage.body);
      expect({ garbage: garbage.body.slice(0, 40), ok: isClientError(response) }).toEqual({ garbage: garbage.body.slice(0, 40), ok: true });
    }
  });

  it('refunds part and then the rest against Swish’s payment reference, and reports Swish failures', async () => {
    const payment = await start({ amount: 10_000 });
    const paid = swish.pay(idOf(payment));
    await callback(swish.callbackBody(idOf(payment))).expect(200);

    expect(await tx(() => payments.refundPart(payment.id, 2_550, 'one item returned'))).toMatchObject({ status: 'partially_refunded', refundedAmount: 2_550 });
    swish.fail('/api/v2/refunds', 'server_error');
    await expect(tx(() => payments.refund(payment.id, 'order cancelled'))).rejects.toMatchObject({ code: 'PAYMENT_PROVIDER_UNAVAILABLE', status: 502 });
    swish.heal();
    expect(await tx(() => payments.refund(payment.id, 'order cancelled'))).toMatchObject({ status: 'refunded', refundedAmount: 10_000 });
    expect(swish.refunds.filter((r) => r.originalPaymentReference === paid.paymentReference)).toEqual([
      expect.objectContaining({ amount: '25.50', payerAlias: SWISH_PAYEE_ALIAS, message: 'one item returned' }),
      expect.objectContaining({ amount: '74.50' }),
    ]);
    expect(swish.refunds.every((r) => /^[0-9A-F]{32}$/.test(r.id))).toBe(true);
  });

  it('cancels an unpaid request at Swish, and gives money back that arrives after the cancel', async () => {
    const payment = await start({ amount: 6_000 });
    await tx(() => payments.cancel(payment.id, 'checkout hold expired'));
    expect(swish.request(idOf(payment)).status).toBe('CANCELLED');

    // The payer approved just as Kassa cancelled.
    const paid = swish.pay(idOf(payment));
    expect((await callback(swish.callbackBody(idOf(payment))).expect(200)).body.outcome).toBe('late_success_refunded');
    expect(swish.refunds.filter((r) => r.originalPaymentReference === paid.paymentReference)).toEqual([expect.objectContaining({ amount: '60.00' })]);
    expect(await get(payment.id)).toMatchObject({ status: 'cancelled' });
    expect(listener.callsFor(payment.id)).toEqual([]);
    expect((await eventsOf(kassa.app, payment.id)).at(-1)).toMatchObject({ kind: 'late_success_refunded', to_status: 'cancelled', amount: 6_000 });
    await callback(swish.callbackBody(idOf(payment))).expect(200);
    expect(swish.refunds.filter((r) => r.originalPaymentReference === paid.paymentReference)).toHaveLength(1);
  });

  it('cannot talk to Swish with a certificate from another CA, or without trusting Swish’s CA', async () => {
    const base = { apiUrl: swish.url, payeeAlias: SWISH_PAYEE_ALIAS, callbackBaseUrl: 'https://kassa.example.com', timeoutMs: 2_000 };
    const intruder = new SwishClient({ ...base, certPath: certs.path('intruder.pem'), keyPath: certs.path('intruder.key'), caPath: certs.path('ca.pem') });
    const trustsNobody = new SwishClient({ ...base, certPath: certs.path('merchant.pem'), keyPath: certs.path('merchant.key') });
    try {
      for (const client of [intruder, trustsNobody]) {
        await expect(client.paymentRequest('AB23D7406ECE4542A80152D909EF9F6B')).rejects.toMatchObject({ code: 'PAYMENT_PROVIDER_UNAVAILABLE' });
      }
    } finally {
      intruder.close();
      trustsNobody.close();
    }
  });
});
