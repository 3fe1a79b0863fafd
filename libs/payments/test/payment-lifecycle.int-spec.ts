import { randomUUID } from 'node:crypto';
import { PaymentMethod, PaymentsService, StartPayment } from '@kassa/payments';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { eventsOf, inTransaction, query, standInForOrders, startInput } from './payments.factory';

/** start / cancel / refund / collect at the counter, as orders calls them, against the real database. */
describe('payment lifecycle', () => {
  let kassa: TestApp;
  let payments: PaymentsService;

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_TEST_PAYMENTS: 'true' });
    payments = kassa.app.get(PaymentsService);
    standInForOrders(kassa.app);
  });
  afterAll(() => kassa.close());

  const tx = <T>(work: () => Promise<T>) => inTransaction(kassa.app, work);
  const start = (input: StartPayment) => tx(() => payments.start(input));
  const approve = (id: string) => kassa.http.post(`/api/v1/payments/test/${id}/approve`);

  it('starts a test payment pending, with where the customer approves or declines', async () => {
    const input = startInput();
    const payment = await start(input);
    expect(payment).toEqual({
      id: expect.any(String),
      orderId: input.orderId,
      storeId: input.storeId,
      method: 'test',
      status: 'pending',
      amount: 12_900,
      currency: 'SEK',
      refundedAmount: 0,
      nextAction: {
        type: 'test_approval',
        approveUrl: `/api/v1/payments/test/${payment.id}/approve`,
        declineUrl: `/api/v1/payments/test/${payment.id}/decline`,
      },
    });
    expect(await tx(() => payments.get(payment.id))).toEqual(payment);
    expect(await eventsOf(kassa.app, payment.id)).toEqual([
      expect.objectContaining({ kind: 'created', from_status: null, to_status: 'created', amount: 12_900, actor: 'system' }),
      expect.objectContaining({ kind: 'started', from_status: 'created', to_status: 'pending', detail: { nextAction: 'test_approval' } }),
    ]);
  });

  it('starts an in-store payment pending, to be paid at the counter', async () => {
    const payment = await start(startInput({ method: 'in_store', amount: 4_500 }));
    expect(payment).toMatchObject({ method: 'in_store', status: 'pending', amount: 4_500, nextAction: { type: 'pay_in_store' } });
  });

  it('answers a repeated start with the first payment, also when both arrive at once', async () => {
    const input = startInput();
    const first = await start(input);
    expect(await start({ ...input, amount: 99_900 })).toEqual(first);
    const otherOrder = await start({ ...input, orderId: randomUUID() });
    expect(otherOrder.id).not.toBe(first.id);

    const racing = startInput({ method: 'in_store' });
    const [a, b] = await Promise.all([start(racing), start(racing)]);
    expect(a).toEqual(b);
    const rows = await query<{ n: number }>(kassa.app, 'select count(*)::int as n from payment where order_id = ?', [racing.orderId]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses methods this store does not offer with 422 naming payment.method, and keeps nothing', async () => {
    for (const method of ['swish', 'klarna', 'card', 'bitcoin'] as PaymentMethod[]) {
      const input = startInput({ method });
      await expect(start(input)).rejects.toMatchObject({
        code: 'PAYMENT_METHOD_UNAVAILABLE',
        status: 422,
        details: [{ field: 'payment.method', reason: 'is not offered by this store' }],
      });
      expect(await tx(() => payments.forOrder(input.orderId))).toBeNull();
    }
    expect(await tx(async () => payments.methodsFor(randomUUID()))).toEqual(['test', 'in_store']);
  });

  it('refuses a payment no provider could take, naming each field', async () => {
    await expect(start(startInput({ amount: 0, currency: 'kr', orderId: 'order-1', idempotencyKey: '' }))).rejects.toMatchObject({
      code: 'INVALID_PAYMENT',
      status: 422,
      details: [
        { field: 'orderId', reason: 'must be a uuid' },
        { field: 'amount', reason: expect.any(String) },
        { field: 'currency', reason: expect.any(String) },
        { field: 'idempotencyKey', reason: expect.any(String) },
      ],
    });
    await expect(start(startInput({ amount: 12.5 }))).rejects.toMatchObject({ code: 'INVALID_PAYMENT' });
  });

  it('cancels an unpaid payment once; a second cancel changes nothing', async () => {
    const payment = await start(startInput());
    const cancelled = await tx(() => payments.cancel(payment.id));
    expect(cancelled).toMatchObject({ id: payment.id, status: 'cancelled', nextAction: null });
    expect(await tx(() => payments.cancel(payment.id))).toEqual(cancelled);
    expect((await eventsOf(kassa.app, payment.id)).map((e) => e.kind)).toEqual(['created', 'started', 'cancelled']);
    await approve(payment.id).expect(409);
    expect(await tx(() => payments.get(payment.id))).toEqual(cancelled);
  });

  it('will not cancel a captured payment: that takes a refund', async () => {
    const payment = await start(startInput());
    await approve(payment.id).expect(200);
    await expect(tx(() => payments.cancel(payment.id))).rejects.toMatchObject({ code: 'PAYMENT_NOT_PENDING', status: 409 });
    expect((await tx(() => payments.get(payment.id))).status).toBe('captured');
  });

  it('refunds a captured test payment in full at once, once', async () => {
    const payment = await start(startInput({ amount: 25_000 }));
    await approve(payment.id).expect(200);
    const refunded = await tx(() => payments.refund(payment.id, 'order cancelled by the store'));
    expect(refunded).toMatchObject({ status: 'refunded', amount: 25_000, refundedAmount: 25_000 });
    expect(await tx(() => payments.refund(payment.id, 'again'))).toEqual(refunded);
    const log = await eventsOf(kassa.app, payment.id);
    expect(log.map((e) => e.kind)).toEqual(['created', 'started', 'approved', 'refunded']);
    expect(log[3]).toMatchObject({ from_status: 'captured', to_status: 'refunded', amount: 25_000, detail: { reason: 'order cancelled by the store' } });
    await approve(payment.id).expect(409);
  });

  it('cancels instead of refunding what was never paid, and leaves settled payments alone', async () => {
    const pending = await start(startInput());
    expect(await tx(() => payments.refund(pending.id, 'customer changed their mind'))).toMatchObject({ status: 'cancelled', refundedAmount: 0 });
    expect(await tx(() => payments.refund(pending.id, 'again'))).toMatchObject({ status: 'cancelled' });

    const declined = await start(startInput());
    await kassa.http.post(`/api/v1/payments/test/${declined.id}/decline`).expect(200);
    expect(await tx(() => payments.refund(declined.id, 'order cancelled'))).toMatchObject({ status: 'failed', refundedAmount: 0 });
    expect(await tx(() => payments.cancel(declined.id))).toMatchObject({ status: 'failed' });
    expect((await eventsOf(kassa.app, declined.id)).map((e) => e.kind)).toEqual(['created', 'started', 'declined']);
  });

  it('collects an in-store payment at hand-over, once, and only an in-store one', async () => {
    const staffUserId = randomUUID();
    const payment = await start(startInput({ method: 'in_store' }));
    const collected = await tx(() => payments.collectInStore(payment.id, staffUserId));
    expect(collected).toMatchObject({ status: 'captured', nextAction: null });
    expect(await tx(() => payments.collectInStore(payment.id, randomUUID()))).toEqual(collected);
    expect((await eventsOf(kassa.app, payment.id)).at(-1)).toMatchObject({
      kind: 'collected',
      from_status: 'pending',
      to_status: 'captured',
      actor: `staff:${staffUserId}`,
    });
    expect(await tx(() => payments.refund(payment.id, 'returned at the counter'))).toMatchObject({ status: 'refunded', refundedAmount: 12_900 });

    const online = await start(startInput());
    await expect(tx(() => payments.collectInStore(online.id, staffUserId))).rejects.toMatchObject({ code: 'PAYMENT_NOT_IN_STORE', status: 409 });
    const dropped = await start(startInput({ method: 'in_store' }));
    await tx(() => payments.cancel(dropped.id));
    await expect(tx(() => payments.collectInStore(dropped.id, staffUserId))).rejects.toMatchObject({ code: 'PAYMENT_NOT_PENDING', status: 409 });
    // An in-store payment is never approved through the test provider.
    await kassa.http.post(`/api/v1/payments/test/${payment.id}/approve`).expect(404);
  });

  it('finds an order’s latest payment, and says 404 for an unknown one', async () => {
    const orderId = randomUUID();
    const first = await start(startInput({ orderId }));
    await tx(() => payments.cancel(first.id));
    const second = await start(startInput({ orderId, method: 'in_store' }));
    expect(await tx(() => payments.forOrder(orderId))).toEqual(second);
    expect(await tx(() => payments.forOrder(randomUUID()))).toBeNull();
    for (const id of [randomUUID(), 'not-a-uuid']) {
      await expect(tx(() => payments.get(id))).rejects.toMatchObject({ code: 'PAYMENT_NOT_FOUND', status: 404 });
      await expect(tx(() => payments.cancel(id))).rejects.toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
      await expect(tx(() => payments.refund(id, 'x'))).rejects.toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
    }
  });
});
