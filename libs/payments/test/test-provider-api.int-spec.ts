import { EntityManager } from '@mikro-orm/postgresql';
import { PaymentsService, PaymentSummary } from '@kassa/payments';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { eventsOf, inTransaction, RecordingListener, standInForOrders, startInput } from './payments.factory';

/** The test provider's approve/decline endpoints and the listeners they tell, over HTTP. */
describe('test provider API', () => {
  let kassa: TestApp;
  let payments: PaymentsService;
  const listener = new RecordingListener();

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_TEST_PAYMENTS: 'true' });
    payments = kassa.app.get(PaymentsService);
    standInForOrders(kassa.app, listener);
  });
  afterAll(() => kassa.close());

  const start = (overrides = {}) => inTransaction(kassa.app, () => payments.start(startInput(overrides)));
  const get = (id: string) => inTransaction(kassa.app, () => payments.get(id));
  const approve = (id: string) => kassa.http.post(`/api/v1/payments/test/${id}/approve`);
  const decline = (id: string) => kassa.http.post(`/api/v1/payments/test/${id}/decline`);

  it('captures on approve, tells the listener once, and answers a repeat the same without telling it again', async () => {
    const payment = await start();
    const first = await approve(payment.id).expect(200);
    expect(first.body).toEqual({ ...payment, status: 'captured', nextAction: null });
    expect(listener.callsFor(payment.id)).toEqual(['captured']);
    expect(listener.captured.find((p) => p.id === payment.id)).toEqual(first.body);

    const again = await approve(payment.id).expect(200);
    expect(again.body).toEqual(first.body);
    expect(listener.callsFor(payment.id)).toEqual(['captured']);
    expect((await eventsOf(kassa.app, payment.id)).at(-1)).toMatchObject({ kind: 'approved', from_status: 'pending', to_status: 'captured', actor: 'customer' });
    await decline(payment.id).expect(409);
    expect(await get(payment.id)).toEqual(first.body);
  });

  it('fails on decline, tells the listener once, and treats a second decline as done', async () => {
    const payment = await start();
    const declined = await decline(payment.id).expect(200);
    expect(declined.body).toMatchObject({ id: payment.id, status: 'failed', nextAction: null });
    await decline(payment.id).expect(200);
    expect(listener.callsFor(payment.id)).toEqual(['failed']);
    const refused = await approve(payment.id).expect(409);
    expect(refused.body).toMatchObject({ code: 'PAYMENT_NOT_PENDING', statusCode: 409 });
    expect(listener.callsFor(payment.id)).toEqual(['failed']);
  });

  it('tells the listener inside the transaction that settled the payment', async () => {
    const payment = await start();
    const seen: string[] = [];
    listener.peek = async (p: PaymentSummary) => {
      // Read through the app's entity manager, which is bound to the request's transaction.
      const [row] = await kassa.app.get(EntityManager).execute<Array<{ status: string }>>('select status from payment where id = ?', [p.id]);
      seen.push(row.status);
    };
    try {
      await approve(payment.id).expect(200);
    } finally {
      listener.peek = null;
    }
    expect(seen).toEqual(['captured']);
  });

  it('rolls the approval back when a listener refuses it, and hands the listener’s error to the client', async () => {
    const payment = await start();
    let told = 0;
    listener.throwOn = payment.id;
    listener.peek = async () => {
      told += 1;
    };
    try {
      const refused = await approve(payment.id).expect(409);
      expect(refused.body).toMatchObject({ code: 'ORDER_EXPIRED', statusCode: 409 });
    } finally {
      listener.throwOn = null;
      listener.peek = null;
    }
    expect(told).toBe(1);
    expect(await get(payment.id)).toEqual(payment);
    expect((await eventsOf(kassa.app, payment.id)).map((e) => e.kind)).toEqual(['created', 'started']);

    // Nothing was kept, so the payment can still settle.
    await approve(payment.id).expect(200);
    expect(listener.callsFor(payment.id)).toEqual(['captured']);
  });

  it('lets exactly one of a concurrent approve and decline win', async () => {
    for (let round = 0; round < 5; round++) {
      const payment = await start();
      const [approved, declined] = await Promise.all([approve(payment.id), decline(payment.id)]);
      expect([approved.status, declined.status].sort()).toEqual([200, 409]);
      const winner = approved.status === 200 ? 'captured' : 'failed';
      expect((await get(payment.id)).status).toBe(winner);
      expect(listener.callsFor(payment.id)).toEqual([winner]);
      const settled = (await eventsOf(kassa.app, payment.id)).filter((e) => e.kind === 'approved' || e.kind === 'declined');
      expect(settled).toHaveLength(1);
    }
  });

  it('captures once when the same approval arrives many times at once', async () => {
    const payment = await start();
    const answers = await Promise.all(Array.from({ length: 6 }, () => approve(payment.id)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(listener.callsFor(payment.id)).toEqual(['captured']);
  });

  it('does not reveal payments of other methods or unknown ids', async () => {
    const inStore = await start({ method: 'in_store' });
    for (const id of [inStore.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await approve(id).expect(404);
      expect(response.body).toMatchObject({ code: 'PAYMENT_NOT_FOUND' });
      await decline(id).expect(404);
    }
    expect(await get(inStore.id)).toEqual(inStore);
    expect(listener.callsFor(inStore.id)).toEqual([]);
    await approve('not-a-uuid').expect(400);
  });
});
