import { createStore, storeInput } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('store administration', () => {
  let kassa: TestApp;
  let owner: string;

  beforeAll(async () => {
    kassa = await startTestApp();
    owner = await kassa.login();
  });
  afterAll(() => kassa.close());

  it('creates a store with a readable URL name made from a Swedish name', async () => {
    const store = await createStore(kassa.http, owner, { name: 'Kafé Åkern & Söner' });
    expect(store).toMatchObject({ name: 'Kafé Åkern & Söner', slug: 'kafe-akern-soner', organisationNumber: '556036-0793' });
    const second = await createStore(kassa.http, owner, { name: 'Kafé Åkern & Söner' });
    expect((second as unknown as { slug: string }).slug).toBe('kafe-akern-soner-2');
  });

  it('pages, sorts and searches the way react-admin asks', async () => {
    for (const city of ['Malmö', 'Umeå', 'Örebro']) await createStore(kassa.http, owner, { city, name: `Butik ${city}` });
    const page = await kassa.http
      .get('/api/v1/admin/stores')
      .query({ sort: '["city","DESC"]', range: '[0,1]', filter: '{"q":"butik"}' })
      .set('Authorization', owner)
      .expect(200);
    expect(page.headers['content-range']).toBe('stores 0-1/3');
    expect(page.body.map((s: { city: string }) => s.city)).toEqual(['Örebro', 'Umeå']);
    const many = await kassa.http.get('/api/v1/admin/stores').query({ filter: JSON.stringify({ id: [page.body[0].id] }) }).set('Authorization', owner).expect(200);
    expect(many.body).toHaveLength(1);
  });

  it('refuses settings that would print a wrong receipt, naming each field', async () => {
    const response = await kassa.http
      .post('/api/v1/admin/stores')
      .set('Authorization', owner)
      .send(storeInput({ timezone: 'Europe/Gothenburg', currency: 'XYZ', organisationNumber: '556036-0794' }))
      .expect(400);
    expect(response.body.code).toBe('INVALID_STORE_SETTINGS');
    expect(response.body.details.map((d: { field: string }) => d.field)).toEqual(['timezone', 'currency', 'organisationNumber']);
  });

  it('updates a store and pauses its online orders on the storefront at once', async () => {
    const store = await createStore(kassa.http, owner);
    await kassa.http.put(`/api/v1/admin/stores/${store.id}`).set('Authorization', owner).send({ acceptingOrders: false, city: 'Luleå' }).expect(200);
    const publicView = await kassa.http.get(`/api/v1/stores/${store.id}`).expect(200);
    expect(publicView.body).toMatchObject({ takingOrders: false, address: expect.objectContaining({ city: 'Luleå' }) });
  });

  it('refuses a URL name another store has', async () => {
    const a = await createStore(kassa.http, owner, { slug: 'unik-butik' });
    const b = await createStore(kassa.http, owner);
    const response = await kassa.http.put(`/api/v1/admin/stores/${b.id}`).set('Authorization', owner).send({ slug: 'unik-butik' }).expect(409);
    expect(response.body.details).toEqual([{ field: 'slug', reason: 'is taken by another store' }]);
    expect(a.id).not.toBe(b.id);
  });

  it('answers 404 for a store that does not exist', async () => {
    const response = await kassa.http.get('/api/v1/admin/stores/4b1c5c2e-6a43-4c9e-9d4e-3f1c1c1c1c1c').set('Authorization', owner).expect(404);
    expect(response.body.code).toBe('STORE_NOT_FOUND');
  });
});
