import { createStore, createUser, demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { inTransaction, organisationOf, trackedProduct } from './inventory.factory';

describe('stock admin over HTTP', () => {
  let kassa: TestApp;
  let owner: string;
  let storeA: string;
  let storeB: string;
  let managerA: string;
  let organisationId: string;

  beforeAll(async () => {
    kassa = await startTestApp();
    owner = await kassa.login();
    organisationId = await organisationOf(kassa, owner);
    storeA = await demoStoreId(kassa.http);
    storeB = (await createStore(kassa.http, owner, { name: 'Butik Björkö' })).id;
    const manager = await createUser(kassa.http, owner, { email: 'chef.a@example.com', role: 'manager', storeIds: [storeA] });
    managerA = await kassa.login(manager.email, manager.password);
  });
  afterAll(() => kassa.close());

  const post = (auth: string, path: string, body: object) => kassa.http.post(`/api/v1/admin/${path}`).set('Authorization', auth).send(body);
  const list = (auth: string, path: string, filter: object, extra: Record<string, string> = {}) =>
    kassa.http.get(`/api/v1/admin/${path}`).query({ filter: JSON.stringify(filter), ...extra }).set('Authorization', auth);
  const move = (auth: string, body: object) => post(auth, 'stock-movements', body);

  it('creates and edits stock items, with the SKU unique in the organisation', async () => {
    const created = await post(owner, 'stock-items', { sku: 'MJOLK-1L', name: 'Mjölk Årets Ö', unit: 'ml' }).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      sku: 'MJOLK-1L',
      name: 'Mjölk Årets Ö',
      unit: 'ml',
      productId: null,
      allowBackorder: false,
      createdAt: expect.any(String),
    });
    const byName = await list(owner, 'stock-items', { q: 'ÅRETS Ö' }).expect(200);
    expect(byName.body.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    const taken = await post(managerA, 'stock-items', { sku: 'MJOLK-1L', name: 'Annan mjölk', unit: 'ml' }).expect(409);
    expect(taken.body).toMatchObject({ code: 'SKU_TAKEN', details: [{ field: 'sku', reason: 'is already used by another stock item' }] });
    const bad = await post(owner, 'stock-items', { sku: '', name: 'x', unit: 'kg' }).expect(400);
    expect([...new Set(bad.body.details.map((d: { field: string }) => d.field))].sort()).toEqual(['sku', 'unit']);

    // react-admin sends the whole record back on save; read-only fields are ignored.
    const edited = await kassa.http
      .put(`/api/v1/admin/stock-items/${created.body.id}`)
      .set('Authorization', owner)
      .send({ ...created.body, name: 'Mjölk ekologisk', allowBackorder: true, productId: '00000000-0000-4000-8000-000000000000' })
      .expect(200);
    expect(edited.body).toMatchObject({ name: 'Mjölk ekologisk', allowBackorder: true, productId: null });

    const found = await list(owner, 'stock-items', { q: 'mjölk EKO', unit: 'ml' }).expect(200);
    expect(found.body.map((i: { sku: string }) => i.sku)).toEqual(['MJOLK-1L']);
    expect(found.headers['content-range']).toBe('stock-items 0-0/1');
    await kassa.http.get(`/api/v1/admin/stock-items/${created.body.id}`).set('Authorization', managerA).expect(200);
  });

  it('shows every stock item at every store, with 0 on hand before anything moved', async () => {
    const item = await post(owner, 'stock-items', { sku: 'AGG-12', name: 'Ägg', unit: 'pcs' }).expect(201);
    const levels = await list(owner, 'stock-levels', { storeId: storeB, q: 'ägg' }).expect(200);
    expect(levels.body).toEqual([
      {
        id: expect.any(String),
        storeId: storeB,
        stockItemId: item.body.id,
        sku: 'AGG-12',
        name: 'Ägg',
        unit: 'pcs',
        onHand: 0,
        reserved: 0,
        available: 0,
        lowStockThreshold: 0,
        parLevel: 0,
        low: false,
      },
    ]);
    const again = await list(owner, 'stock-levels', { storeId: storeB, q: 'ägg' }).expect(200);
    expect(again.body[0].id).toBe(levels.body[0].id);
    const missing = await list(owner, 'stock-levels', {}).expect(400);
    expect(missing.body.details).toEqual([{ field: 'filter.storeId', reason: 'is required: stock is per store' }]);
    await list(owner, 'stock-levels', { storeId: 'not-a-store' }).expect(400);
  });

  it('records deliveries, waste, adjustments and counts, and refuses going below zero', async () => {
    const coffee = (await post(owner, 'stock-items', { sku: 'KAFFE-BONOR', name: 'Kaffebönor', unit: 'g' }).expect(201)).body.id as string;
    const base = { storeId: storeA, stockItemId: coffee };

    const delivery = await move(managerA, { ...base, kind: 'delivery', quantity: 1000, reason: 'Leverans från rosteriet' }).expect(201);
    expect(delivery.body).toEqual({
      id: expect.any(String),
      storeId: storeA,
      stockItemId: coffee,
      kind: 'delivery',
      quantity: 1000,
      reservedDelta: 0,
      onHandAfter: 1000,
      reason: 'Leverans från rosteriet',
      holdId: null,
      userId: expect.any(String),
      createdAt: expect.any(String),
    });
    expect((await move(managerA, { ...base, kind: 'waste', quantity: 120, reason: 'Spill' }).expect(201)).body).toMatchObject({ quantity: -120, onHandAfter: 880 });
    expect((await move(managerA, { ...base, kind: 'adjustment', quantity: -30, reason: 'Provsmakning' }).expect(201)).body).toMatchObject({ quantity: -30, onHandAfter: 850 });
    expect((await move(managerA, { ...base, kind: 'count', quantity: 845, reason: 'Inventering' }).expect(201)).body).toMatchObject({ kind: 'count', quantity: -5, onHandAfter: 845 });

    const tooMuch = await move(managerA, { ...base, kind: 'waste', quantity: 846, reason: 'Allt' }).expect(409);
    expect(tooMuch.body).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: [{ field: 'quantity', reason: 'is more than the 845 g on hand' }] });
    const zero = await move(managerA, { ...base, kind: 'adjustment', quantity: 0, reason: 'Ingenting' }).expect(400);
    expect(zero.body.details[0].field).toBe('quantity');
    const negativeDelivery = await move(managerA, { ...base, kind: 'delivery', quantity: -5, reason: 'Fel' }).expect(400);
    expect(negativeDelivery.body.details[0].field).toBe('quantity');
    const garbage = await move(managerA, { ...base, kind: 'sale', quantity: 1.5, reason: '' }).expect(400);
    expect([...new Set(garbage.body.details.map((d: { field: string }) => d.field))].sort()).toEqual(['kind', 'quantity', 'reason']);

    const history = await list(managerA, 'stock-movements', { stockItemId: coffee }, { sort: '["createdAt","ASC"]' }).expect(200);
    expect(history.body.map((m: { kind: string; quantity: number }) => [m.kind, m.quantity])).toEqual([
      ['delivery', 1000],
      ['waste', -120],
      ['adjustment', -30],
      ['count', -5],
    ]);
    const one = await kassa.http.get(`/api/v1/admin/stock-movements/${delivery.body.id}`).set('Authorization', managerA).expect(200);
    expect(one.body.id).toBe(delivery.body.id);
    const level = await list(managerA, 'stock-levels', { storeId: storeA, q: 'KAFFE-BONOR' }).expect(200);
    expect(level.body[0]).toMatchObject({ onHand: 845, reserved: 0, available: 845 });

    const staff = await createUser(kassa.http, owner, { email: 'barista.a@example.com', role: 'staff', storeIds: [storeA] });
    const staffAuth = await kassa.login(staff.email, staff.password);
    await move(staffAuth, { ...base, kind: 'delivery', quantity: 1, reason: 'x' }).expect(403);
    await list(staffAuth, 'stock-levels', { storeId: storeA }).expect(200);
  });

  it('never shows or changes store B’s stock to a manager of store A', async () => {
    const bun = await trackedProduct(kassa, organisationId, 'Bulle Björkö');
    await inTransaction(kassa, (inventory) =>
      inventory.recordMovement({ storeId: storeB, stockItemId: bun.stockItemId, kind: 'delivery', quantity: 7, reason: 'Leverans B' }),
    );
    const levelB = (await list(owner, 'stock-levels', { storeId: storeB, q: 'Björkö' }).expect(200)).body[0];
    const movementB = (await list(owner, 'stock-movements', { storeId: storeB }).expect(200)).body[0];
    expect(movementB.storeId).toBe(storeB);

    await kassa.http.get(`/api/v1/admin/stock-levels/${levelB.id}`).set('Authorization', managerA).expect(404);
    await kassa.http.put(`/api/v1/admin/stock-levels/${levelB.id}`).set('Authorization', managerA).send({ lowStockThreshold: 99 }).expect(404);
    await kassa.http.get(`/api/v1/admin/stock-movements/${movementB.id}`).set('Authorization', managerA).expect(404);
    await move(managerA, { storeId: storeB, stockItemId: bun.stockItemId, kind: 'waste', quantity: 7, reason: 'Sabotage' }).expect(404);

    for (const [path, filter] of [
      ['stock-levels', { storeId: storeB }],
      ['reorder-suggestions', { storeId: storeB }],
      ['stock-movements', { storeId: storeB }],
      ['stock-movements', {}],
      ['stock-levels', {}],
    ] as const) {
      const response = await list(managerA, path, filter).expect(200);
      expect(JSON.stringify(response.body)).not.toContain(storeB);
    }
    const after = await kassa.http.get(`/api/v1/admin/stock-levels/${levelB.id}`).set('Authorization', owner).expect(200);
    expect(after.body).toMatchObject({ onHand: 7, lowStockThreshold: 0 });
  });
});
