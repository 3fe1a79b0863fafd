import { randomUUID } from 'node:crypto';
import { PaymentsService } from '@kassa/payments';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { inTransaction, startInput } from './payments.factory';

/** A server with test payments off (production): no test method, no approve/decline routes. */
describe('test payments disabled', () => {
  let kassa: TestApp;
  let payments: PaymentsService;

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_TEST_PAYMENTS: 'false' });
    payments = kassa.app.get(PaymentsService);
  });
  afterAll(() => kassa.close());

  it('offers only paying in store, and refuses to start a test payment', async () => {
    expect(await inTransaction(kassa.app, async () => payments.methodsFor(randomUUID()))).toEqual(['in_store']);
    await expect(inTransaction(kassa.app, () => payments.start(startInput({ method: 'test' })))).rejects.toMatchObject({
      code: 'PAYMENT_METHOD_UNAVAILABLE',
      status: 422,
      details: [{ field: 'payment.method', reason: 'is not offered by this store' }],
    });
    const inStore = await inTransaction(kassa.app, () => payments.start(startInput({ method: 'in_store' })));
    expect(inStore.status).toBe('pending');
  });

  it('answers 404 TEST_PAYMENTS_DISABLED on approve and decline before looking at anything', async () => {
    const inStore = await inTransaction(kassa.app, () => payments.start(startInput({ method: 'in_store' })));
    for (const id of [inStore.id, randomUUID(), 'not-a-uuid']) {
      for (const action of ['approve', 'decline']) {
        const response = await kassa.http.post(`/api/v1/payments/test/${id}/${action}`).expect(404);
        expect(response.body).toMatchObject({ code: 'TEST_PAYMENTS_DISABLED', statusCode: 404 });
      }
    }
    expect((await inTransaction(kassa.app, () => payments.get(inStore.id))).status).toBe('pending');
  });
});
