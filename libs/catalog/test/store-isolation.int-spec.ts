import { createStore, createUser, demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { createCategory, createOverride, createProduct } from './catalog.factory';

/** A manager of store A can never read or change store B's catalogue settings. */
describe('catalogue isolation between stores', () => {
  let kassa: TestApp;
  let owner: string;
  let managerA: string;
  let storeA: string;
  let storeB: string;

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false' });
    owner = await kassa.login();
    storeA = await demoStoreId(kassa.http);
    storeB = (await createStore(kassa.http, owner, { name: 'Butik B' })).id;
    const manager = await createUser(kassa.http, owner, { email: 'manager.a@example.com', role: 'manager', storeIds: [storeA] });
    managerA = await kassa.login(manager.email, manager.password);
  });
  afterAll(() => kassa.close());

  it('answers 404 for store B’s overrides and refuses to create or 86 anything at store B', async () => {
    const product = await createProduct(kassa.http, owner, { categoryId: (await createCategory(kassa.http, owner)).id });
    const overrideB = await createOverride(kassa.http, owner, { storeId: storeB, productId: product.id, price: 100 });
    const overrideA = await createOverride(kassa.http, owner, { storeId: storeA, productId: product.id, price: 200 });

    await kassa.http.get(`/api/v1/admin/product-overrides/${overrideB.id}`).set('Authorization', managerA).expect(404);
    await kassa.http.put(`/api/v1/admin/product-overrides/${overrideB.id}`).set('Authorization', managerA).send({ price: 1 }).expect(404);
    await kassa.http.put(`/api/v1/admin/product-overrides/${overrideB.id}`).set('Authorization', managerA).send({ name: 'taken over' }).expect(404);
    await kassa.http.delete(`/api/v1/admin/product-overrides/${overrideB.id}`).set('Authorization', managerA).expect(404);
    const create = await kassa.http.post('/api/v1/admin/product-overrides').set('Authorization', managerA).send({ storeId: storeB, productId: product.id, available: false }).expect(404);
    expect(create.body.code).toBe('STORE_NOT_FOUND');
    await kassa.http.post(`/api/v1/admin/stores/${storeB}/products/${product.id}/sold-out`).set('Authorization', managerA).send({ soldOut: true }).expect(404);

    const list = await kassa.http.get('/api/v1/admin/product-overrides').set('Authorization', managerA).expect(200);
    expect(list.body.map((o: { id: string }) => o.id)).toEqual([overrideA.id]);
    const filtered = await kassa.http.get('/api/v1/admin/product-overrides').set('Authorization', managerA).query({ filter: JSON.stringify({ storeId: storeB }) }).expect(200);
    expect(filtered.body).toEqual([]);

    const untouched = await kassa.http.get(`/api/v1/admin/product-overrides/${overrideB.id}`).set('Authorization', owner).expect(200);
    expect(untouched.body).toMatchObject({ price: 100, available: true, soldOutDate: null });
  });

  it('lets staff read the catalogue but only owners and managers change it', async () => {
    const staff = await createUser(kassa.http, owner, { email: 'staff.a@example.com', role: 'staff', storeIds: [storeA] });
    const auth = await kassa.login(staff.email, staff.password);
    await kassa.http.get('/api/v1/admin/products').set('Authorization', auth).expect(200);
    await kassa.http.post('/api/v1/admin/products').set('Authorization', auth).send({}).expect(403);
    await kassa.http.post('/api/v1/admin/catalog/import').set('Authorization', auth).send({ csv: 'x' }).expect(403);
  });
});
