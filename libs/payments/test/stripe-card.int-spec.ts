import { PaymentsService, PaymentSummary } from '@kassa/payments';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { StripeCardProvider } from '../src/providers/stripe/stripe-card.provider';
import { FakeIntent, FakeStripe, intentEvent, signed, STRIPE_PUBLISHABLE_KEY, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET } from './fake-stripe';
import { eventsOf, GARBAGE_BODIES, inTransaction, isClientError, query, RecordingListener, standInForOrders, startInput } from './payments.factory';

const WEBHOOK = '/api/v1/payments/card/webhook';

/** Card payments through Stripe, against a local server that speaks Stripe's API, and Stripe's webhooks. */
describe('card payments through Stripe', () => {
  const stripe = new FakeStripe();
  const listener = new RecordingListener();
  let kassa: TestApp;
  let payments: PaymentsService;

  beforeAll(async () => {
    await stripe.start();
    kassa = await startTestApp({
      KASSA_TEST_PAYMENTS: 'false',
      ...stripe.env(),
      KASSA_PAYMENT_TIMEOUT_MS: '700',
    });
    payments = kassa.app.get(PaymentsService);
    standInForOrders(kassa.app, listener);
  });
  afterEach(() => stripe.heal());
  afterAll(async () => {
    await kassa.close();
    await stripe.close();
  });

  const tx = <T>(work: () => Promise<T>) => inTransaction(kassa.app, work);
  const start = (overrides = {}) => tx(() => payments.start(startInput({ method: 'card', ...overrides })));
  const get = (id: string) => tx(() => payments.get(id));
  const intentOf = (payment: PaymentSummary): FakeIntent => {
    const secret = payment.nextAction?.clientSecret ?? '';
    return stripe.intent(secret.split('_secret_')[0]);
  };
  const post = (payload: string, signature: string | null = signed(payload)) => {
    const request = kassa.http.post(WEBHOOK).set('Content-Type', 'application/json');
    if (signature !== null) request.set('Stripe-Signature', signature);
    return request.send(payload);
  };
  const webhookRows = (paymentId: string) =>
    query<{ event_id: string; outcome: string }>(kassa.app, 'select event_id, outcome from payment_webhook_event where payment_id = ? order by received_at', [paymentId]);

  it('offers card and opens a PaymentIntent for the payment, keyed so a retry makes no second one', async () => {
    expect(await tx(() => payments.methodsFor(startInput().storeId))).toEqual(['card', 'in_store']);
    const input = startInput({ method: 'card', amount: 12_950 });
    const payment = await tx(() => payments.start(input));
    const intent = intentOf(payment);
    expect(payment).toMatchObject({ method: 'card', status: 'pending', amount: 12_950, currency: 'SEK' });
    expect(payment.nextAction).toEqual({ type: 'stripe_payment', clientSecret: intent.client_secret, publishableKey: STRIPE_PUBLISHABLE_KEY });
    expect(intent).toMatchObject({
      amount: 12_950,
      currency: 'sek',
      metadata: { paymentId: payment.id, orderId: input.orderId, storeId: input.storeId },
    });
    const created = stripe.requests.find((r) => r.path === '/v1/payment_intents' && r.form['metadata[paymentId]'] === payment.id);
    expect(created).toMatchObject({
      idempotencyKey: `kassa-payment-${payment.id}`,
      authorization: `Bearer ${STRIPE_SECRET_KEY}`,
      form: expect.objectContaining({ 'automatic_payment_methods[enabled]': 'true' }),
    });
    const [row] = await query<{ provider_reference: string }>(kassa.app, 'select provider_reference from payment where id = ?', [payment.id]);
    expect(row.provider_reference).toBe(intent.id);
    expect(await tx(() => payments.start(input))).toEqual(payment);
    expect(stripe.requests.filter((r) => r.form['metadata[paymentId]'] === payment.id)).toHaveLength(1);
  });

  it('keeps nothing and says 502 PAYMENT_PROVIDER_UNAVAILABLE when Stripe fails or does not answer in time, and 402 on a decline', async () => {
    for (const [failure, code, status] of [
      ['server_error', 'PAYMENT_PROVIDER_UNAVAILABLE', 502],
      ['timeout', 'PAYMENT_PROVIDER_UNAVAILABLE', 502],
      ['card_declined', 'PAYMENT_DECLINED', 402],
    ] as const) {
      stripe.fail('/v1/payment_intents', failure);
      const input = startInput({ method: 'card' });
      const began = Date.now();
      await expect(tx(() => payments.start(input))).rejects.toMatchObject({ code, status });
      expect(Date.now() - began).toBeLessThan(5_000);
      expect(await tx(() => payments.forOrder(input.orderId))).toBeNull();
    }
  });

  it('captures on a signed payment_intent.succeeded, tells orders once, and a replay changes nothing', async () => {
    const payment = await start();
    const payload = intentEvent('payment_intent.succeeded', stripe.succeed(intentOf(payment).id));
    expect((await post(payload).expect(200)).body).toEqual({ received: true, outcome: 'captured' });
    const captured = await get(payment.id);
    expect(captured).toMatchObject({ status: 'captured', nextAction: null });
    expect(listener.callsFor(payment.id)).toEqual(['captured']);

    expect((await post(payload).expect(200)).body).toEqual({ received: true, outcome: 'duplicate' });
    // Stripe may also send the same news as a new event: still nothing new.
    expect((await post(intentEvent('payment_intent.succeeded', intentOf(payment))).expect(200)).body).toEqual({ received: true, outcome: 'ignored' });
    expect(await get(payment.id)).toEqual(captured);
    expect(listener.callsFor(payment.id)).toEqual(['captured']);
    expect((await eventsOf(kassa.app, payment.id)).map((e) => e.kind)).toEqual(['created', 'started', 'approved']);
    expect((await eventsOf(kassa.app, payment.id))[2]).toMatchObject({ actor: 'provider:card', detail: { eventId: JSON.parse(payload).id } });
    // The start is logged with Stripe's request id, for a support question to Stripe.
    expect((await eventsOf(kassa.app, payment.id))[1]).toMatchObject({ kind: 'started', detail: { nextAction: 'stripe_payment', requestId: expect.stringMatching(/^req_/) } });
  });

  it('handles two deliveries of the same event at once exactly once', async () => {
    const payment = await start();
    const payload = intentEvent('payment_intent.succeeded', stripe.succeed(intentOf(payment).id));
    const answers = await Promise.all([post(payload), post(payload)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.map((a) => a.body.outcome).sort()).toEqual(['captured', 'duplicate']);
    expect(listener.callsFor(payment.id)).toEqual(['captured']);
  });

  it('refuses a forged, tampered, stale or unsigned webhook with 400 and changes nothing', async () => {
    const payment = await start();
    const payload = intentEvent('payment_intent.succeeded', stripe.succeed(intentOf(payment).id));
    const tampered = payload.replace(`"amount":${payment.amount}`, '"amount":1');
    const now = Math.floor(Date.now() / 1000);
    const attempts: Array<[string, string, string | null, string]> = [
      ['wrong secret', payload, signed(payload, 'whsec_notTheRightSecret'), 'no matching signature'],
      ['tampered body', tampered, signed(payload), 'no matching signature'],
      ['stale timestamp', payload, signed(payload, STRIPE_WEBHOOK_SECRET, now - 301), 'timestamp outside the tolerance'],
      ['from the future', payload, signed(payload, STRIPE_WEBHOOK_SECRET, now + 400), 'timestamp outside the tolerance'],
      ['no signature', payload, null, 'missing signature'],
      ['garbage signature', payload, 't=abc,v1=xyz', 'malformed signature'],
      ['v0 only', payload, signed(payload).replace('v1=', 'v0='), 'malformed signature'],
    ];
    for (const [label, body, signature, reason] of attempts) {
      const response = await post(body, signature);
      expect({ label, status: response.status, body: response.body }).toEqual({
        label,
        status: 400,
        body: expect.objectContaining({ code: 'PAYMENT_WEBHOOK_INVALID', details: [{ field: 'webhook', reason }] }),
      });
    }
    expect(await get(payment.id)).toMatchObject({ status: 'pending' });
    expect(await webhookRows(payment.id)).toEqual([]);
    expect(listener.callsFor(payment.id)).toEqual([]);

    // While a secret is rolled, Stripe signs with both: any matching v1 counts.
    const rolled = `${signed(payload, 'whsec_theOldSecret')},v1=${signed(payload).split('v1=')[1]}`;
    expect((await post(payload, rolled).expect(200)).body.outcome).toBe('captured');
  });

  it('keeps the payment open after a declined card, and ignores the decline when it arrives after the success', async () => {
    const payment = await start();
    const intent = intentOf(payment);
    intent.last_payment_error = { code: 'card_declined', decline_code: 'insufficient_funds' };
    const declined = intentEvent('payment_intent.payment_failed', intent);
    expect((await post(declined).expect(200)).body.outcome).toBe('attempt_failed');
    expect(await get(payment.id)).toMatchObject({ status: 'pending' });
    expect((await eventsOf(kassa.app, payment.id)).at(-1)).toMatchObject({
      kind: 'attempt_failed',
      from_status: 'pending',
      to_status: 'pending',
      detail: { declineCode: 'insufficient_funds', eventId: JSON.parse(declined).id },
    });

    // The customer tried another card; Stripe's retry of an earlier decline lands after the success.
    intent.last_payment_error = null;
    const succeeded = intentEvent('payment_intent.succeeded', stripe.succeed(intent.id));
    const lateDecline = intentEvent('payment_intent.payment_failed', { ...intent, status: 'requires_payment_method' });
    expect((await post(succeeded).expect(200)).body.outcome).toBe('captured');
    expect((await post(lateDecline).expect(200)).body.outcome).toBe('ignored');
    expect(await get(payment.id)).toMatchObject({ status: 'captured' });
    expect(listener.callsFor(payment.id)).toEqual(['captured']);
    expect((await webhookRows(payment.id)).map((r) => r.outcome)).toEqual(['attempt_failed', 'captured', 'ignored']);
  });

  it('fails the payment when Stripe cancels the intent, and tells orders', async () => {
    const payment = await start();
    const intent = intentOf(payment);
    intent.status = 'canceled';
    expect((await post(intentEvent('payment_intent.canceled', intent)).expect(200)).body.outcome).toBe('failed');
    expect(await get(payment.id)).toMatchObject({ status: 'failed', nextAction: null });
    expect(listener.callsFor(payment.id)).toEqual(['failed']);
  });

  it('gives the money back when it arrives for a payment already cancelled, without reviving the order', async () => {
    const payment = await start({ amount: 8_000 });
    const intent = intentOf(payment);
    await tx(() => payments.cancel(payment.id, 'checkout hold expired'));
    expect(intent.status).toBe('canceled');

    // Stripe could not cancel because the customer paid that very moment: the webhook brings the success.
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    const payload = intentEvent('payment_intent.succeeded', intent);
    expect((await post(payload).expect(200)).body.outcome).toBe('late_success_refunded');
    expect(stripe.refundsOf(intent.id)).toEqual([expect.objectContaining({ amount: 8_000, status: 'succeeded' })]);
    expect(await get(payment.id)).toMatchObject({ status: 'cancelled', refundedAmount: 0 });
    expect(listener.callsFor(payment.id)).toEqual([]);
    expect((await eventsOf(kassa.app, payment.id)).at(-1)).toMatchObject({ kind: 'late_success_refunded', to_status: 'cancelled', amount: 8_000, actor: 'provider:card' });
    await post(payload).expect(200);
    expect(stripe.refundsOf(intent.id)).toHaveLength(1);
  });

  it('refunds instead when cancelling a payment the customer paid meanwhile, and the late webhook refunds nothing twice', async () => {
    const payment = await start({ amount: 5_000 });
    const intent = stripe.succeed(intentOf(payment).id);
    const cancelled = await tx(() => payments.cancel(payment.id, 'order expired'));
    expect(cancelled.status).toBe('cancelled');
    expect(stripe.refundsOf(intent.id)).toEqual([expect.objectContaining({ amount: 5_000 })]);
    expect((await eventsOf(kassa.app, payment.id)).at(-1)).toMatchObject({ kind: 'cancelled', detail: expect.objectContaining({ lateSuccessRefund: stripe.refundsOf(intent.id)[0].id }) });
    expect((await post(intentEvent('payment_intent.succeeded', intent)).expect(200)).body.outcome).toBe('late_success_refunded');
    expect(stripe.refundsOf(intent.id)).toHaveLength(1);
  });

  it('leaves the payment pending when the order refuses it, so Stripe’s retry lands again', async () => {
    const payment = await start();
    const payload = intentEvent('payment_intent.succeeded', stripe.succeed(intentOf(payment).id));
    listener.throwOn = payment.id;
    try {
      expect((await post(payload).expect(409)).body).toMatchObject({ code: 'ORDER_EXPIRED' });
    } finally {
      listener.throwOn = null;
    }
    expect(await get(payment.id)).toMatchObject({ status: 'pending' });
    expect(await webhookRows(payment.id)).toEqual([]);
    expect((await post(payload).expect(200)).body.outcome).toBe('captured');
  });

  it('refunds part and then the rest, never more than was taken, and reports Stripe failures', async () => {
    const payment = await start({ amount: 10_000 });
    const intent = intentOf(payment);
    await post(intentEvent('payment_intent.succeeded', stripe.succeed(intent.id))).expect(200);

    expect(await tx(() => payments.refundPart(payment.id, 2_500, 'one coffee returned'))).toMatchObject({ status: 'partially_refunded', refundedAmount: 2_500 });
    await expect(tx(() => payments.refundPart(payment.id, 7_501, 'too much'))).rejects.toMatchObject({ code: 'PAYMENT_REFUND_TOO_LARGE', status: 422 });
    stripe.fail('/v1/refunds', 'server_error');
    await expect(tx(() => payments.refund(payment.id, 'order cancelled'))).rejects.toMatchObject({ code: 'PAYMENT_PROVIDER_UNAVAILABLE', status: 502 });
    stripe.fail('/v1/refunds', 'timeout');
    await expect(tx(() => payments.refund(payment.id, 'order cancelled'))).rejects.toMatchObject({ code: 'PAYMENT_PROVIDER_UNAVAILABLE' });
    expect(await get(payment.id)).toMatchObject({ status: 'partially_refunded', refundedAmount: 2_500 });
    stripe.heal();

    expect(await tx(() => payments.refund(payment.id, 'order cancelled'))).toMatchObject({ status: 'refunded', refundedAmount: 10_000 });
    expect(stripe.refundsOf(intent.id).map((r) => r.amount)).toEqual([2_500, 7_500]);
    const refunds = (await eventsOf(kassa.app, payment.id)).filter((e) => e.kind === 'refunded');
    expect(refunds.map((e) => [e.from_status, e.to_status, e.amount])).toEqual([
      ['captured', 'partially_refunded', 2_500],
      ['partially_refunded', 'refunded', 7_500],
    ]);
    expect(refunds[0].detail).toMatchObject({ refundId: stripe.refundsOf(intent.id)[0].id, reason: 'one coffee returned' });
  });

  it('re-checks a payment’s status with Stripe', async () => {
    const provider = kassa.app.get(StripeCardProvider);
    const payment = await start();
    const row = { ...payment, providerReference: intentOf(payment).id };
    expect(await provider.status(row)).toBe('pending');
    stripe.succeed(row.providerReference);
    expect(await provider.status(row)).toBe('captured');
  });

  it('acknowledges events it does not act on, and events about intents that are not Kassa’s', async () => {
    const payment = await start();
    const other = { ...intentOf(payment), id: 'pi_someoneElse', metadata: { paymentId: payment.id } };
    expect((await post(intentEvent('payment_intent.succeeded', other)).expect(200)).body.outcome).toBe('ignored');
    expect((await post(intentEvent('charge.refunded', intentOf(payment))).expect(200)).body.outcome).toBe('ignored');
    const notAnEvent = JSON.stringify({ hello: 'world' });
    expect((await post(notAnEvent).expect(400)).body.code).toBe('PAYMENT_WEBHOOK_INVALID');
    expect(await get(payment.id)).toMatchObject({ status: 'pending' });
  });

  it('answers garbage with a 4xx naming the problem, signed or not', async () => {
    for (const garbage of GARBAGE_BODIES) {
      for (const signature of [signed(garbage.body), null]) {
        const request = kassa.http.post(WEBHOOK).set('Content-Type', garbage.type);
        if (signature) request.set('Stripe-Signature', signature);
        const response = await request.send(garbage.body);
        expect({ garbage: garbage.body.slice(0, 40), ok: isClientError(response) }).toEqual({ garbage: garbage.body.slice(0, 40), ok: true });
      }
    }
  });

  it('keeps no secret in the payment log: no API key, webhook secret or client secret', async () => {
    const payment = await start();
    const intent = intentOf(payment);
    await post(intentEvent('payment_intent.succeeded', stripe.succeed(intent.id))).expect(200);
    await tx(() => payments.refundPart(payment.id, 100, 'test'));
    const dump = JSON.stringify([
      await query(kassa.app, 'select * from payment_event'),
      await query(kassa.app, 'select * from payment_webhook_event'),
    ]);
    for (const secret of [STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, intent.client_secret, '_secret_']) expect(dump).not.toContain(secret);
  });
});
