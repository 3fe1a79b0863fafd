import { randomUUID } from 'node:crypto';
import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';

/** The storefront asks which payment methods to offer before it shows the checkout's last step. */
describe('a storefront lists the payment methods a store accepts', () => {
  describe('with test payments on', () => {
    let kassa: TestApp;
    let storeId: string;

    beforeAll(async () => {
      kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true' });
      storeId = await demoStoreId(kassa.http);
    });
    afterAll(() => kassa.close());

    it('offers the test provider and paying at pickup, without signing in', async () => {
      const answer = await kassa.http.get(`/api/v1/stores/${storeId}/payment-methods`).expect(200);
      expect(answer.body).toEqual({ methods: ['test', 'in_store'] });
    });

    it('answers 404 STORE_NOT_FOUND for a store that does not exist', async () => {
      const answer = await kassa.http.get(`/api/v1/stores/${randomUUID()}/payment-methods`).expect(404);
      expect(answer.body).toMatchObject({ code: 'STORE_NOT_FOUND' });
    });

    it('names the field for a store id that is not one', async () => {
      const answer = await kassa.http.get('/api/v1/stores/not-a-store/payment-methods').expect(400);
      expect(answer.body).toMatchObject({ statusCode: 400 });
    });
  });

  describe('with test payments off', () => {
    let kassa: TestApp;

    beforeAll(async () => {
      kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'false' });
    });
    afterAll(() => kassa.close());

    it('offers only paying at pickup', async () => {
      const storeId = await demoStoreId(kassa.http);
      const answer = await kassa.http.get(`/api/v1/stores/${storeId}/payment-methods`).expect(200);
      expect(answer.body).toEqual({ methods: ['in_store'] });
    });
  });
});
