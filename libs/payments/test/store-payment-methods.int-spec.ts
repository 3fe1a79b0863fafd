import { PaymentsService } from '@kassa/payments';
import { createStore, createUser, demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { inTransaction, startInput } from './payments.factory';

/** A store offers the methods its staff chose, among those the server has providers for. */
describe('payment methods per store', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  const path = () => `/api/v1/admin/stores/${storeId}/payment-methods`;

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_TEST_PAYMENTS: 'true' });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
  });
  afterAll(() => kassa.close());

  const choose = (methods: unknown, auth = owner) => kassa.http.put(path()).set('Authorization', auth).send({ methods });
  const offeredPublicly = async () => (await kassa.http.get(`/api/v1/stores/${storeId}/payment-methods`).expect(200)).body.methods;
  const start = (method: 'test' | 'in_store') => inTransaction(kassa.app, () => kassa.app.get(PaymentsService).start(startInput({ storeId, method })));

  it('offers everything configured until the store chooses, then only its choice — at checkout too', async () => {
    const before = await kassa.http.get(path()).set('Authorization', owner).expect(200);
    expect(before.body).toEqual({ storeId, available: ['test', 'in_store'], enabled: ['test', 'in_store'], chosen: false });

    const chosen = await choose(['in_store']).expect(200);
    expect(chosen.body).toEqual({ storeId, available: ['test', 'in_store'], enabled: ['in_store'], chosen: true });
    expect(await offeredPublicly()).toEqual(['in_store']);
    await expect(start('test')).rejects.toMatchObject({ code: 'PAYMENT_METHOD_UNAVAILABLE' });
    await expect(start('in_store')).resolves.toMatchObject({ method: 'in_store', status: 'pending' });

    // Listed in any order, kept in the usual order.
    expect((await choose(['in_store', 'test']).expect(200)).body.enabled).toEqual(['test', 'in_store']);
    expect(await offeredPublicly()).toEqual(['test', 'in_store']);
  });

  it('names each method that cannot be chosen', async () => {
    const notConfigured = await choose(['in_store', 'card']).expect(400);
    expect(notConfigured.body.details).toEqual([{ field: 'methods.1', reason: 'card has no provider configured on this server' }]);
    const twice = await choose(['test', 'test']).expect(400);
    expect(twice.body.details).toEqual([{ field: 'methods.1', reason: 'test is listed twice' }]);
    const none = await choose([]).expect(400);
    expect(none.body.details.map((d: { field: string }) => d.field)).toContain('methods');
    const unknown = await choose(['bitcoin']).expect(400);
    expect(unknown.body.details.map((d: { field: string }) => d.field)).toContain('methods');
    expect(await offeredPublicly()).toEqual(['test', 'in_store']);
  });

  it('lets owners and the store’s managers choose, staff only look, and hides other stores', async () => {
    const other = await createStore(kassa.http, owner, { name: 'Betalbutiken' });
    const manager = await createUser(kassa.http, owner, { email: 'chef.betal@example.com', role: 'manager', storeIds: [storeId] });
    const cashier = await createUser(kassa.http, owner, { email: 'kassa.betal@example.com', role: 'staff', storeIds: [storeId] });
    const managerAuth = await kassa.login(manager.email, manager.password);
    const cashierAuth = await kassa.login(cashier.email, cashier.password);

    await choose(['test', 'in_store'], managerAuth).expect(200);
    await kassa.http.get(path()).set('Authorization', cashierAuth).expect(200);
    await choose(['in_store'], cashierAuth).expect(403);
    await kassa.http.put(`/api/v1/admin/stores/${other.id}/payment-methods`).set('Authorization', managerAuth).send({ methods: 'garbage' }).expect(404);
    await kassa.http.get(`/api/v1/admin/stores/${other.id}/payment-methods`).set('Authorization', cashierAuth).expect(404);
  });
});
