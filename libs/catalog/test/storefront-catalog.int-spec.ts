import { createStore, createUser, demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { localDate } from '../src/rules/local-date';
import { createCategory, createModifierGroup, createOverride, createProduct, freshBarcode } from './catalog.factory';

describe('storefront catalogue, per-store overrides and barcode lookup', () => {
  let kassa: TestApp;
  let owner: string;
  let storeA: string;
  let storeB: string;

  const catalogOf = async (storeId: string) => (await kassa.http.get(`/api/v1/stores/${storeId}/catalog`).expect(200)).body;
  const productIn = (catalog: { categories: Array<{ products: Array<{ id: string }> }> }, id: string) =>
    catalog.categories.flatMap((c) => c.products).find((p) => p.id === id) as Record<string, unknown> | undefined;

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false' });
    owner = await kassa.login();
    storeA = await demoStoreId(kassa.http);
    storeB = (await createStore(kassa.http, owner, { name: 'Butik B' })).id;
  });
  afterAll(() => kassa.close());

  it('lists online, active products by category with their modifiers, prices and VAT', async () => {
    const kaffe = await createCategory(kassa.http, owner, { nameSv: 'Kaffe', nameEn: 'Coffee', position: 1 });
    const varmt = await createCategory(kassa.http, owner, { nameSv: 'Varmt', nameEn: 'Hot', parentId: kaffe.id, position: 0 });
    const tomt = await createCategory(kassa.http, owner, { nameSv: 'Tomt', position: 0 });
    const size = await createModifierGroup(kassa.http, owner, { options: [{ nameSv: 'Liten', priceDelta: 0 }, { nameSv: 'Stor', priceDelta: 1000 }, { nameSv: 'Jätte', priceDelta: 2000, active: false }] });
    const latte = await createProduct(kassa.http, owner, { nameSv: 'Latte', categoryId: kaffe.id, price: 4900, vatRate: 12, prepMinutes: 3, prepMinutesPerExtraUnit: 1, modifierGroupIds: [size.id], imageUrl: 'https://example.com/latte.jpg' });
    const te = await createProduct(kassa.http, owner, { nameSv: 'Te', categoryId: varmt.id, price: 3200 });
    const posOnly = await createProduct(kassa.http, owner, { categoryId: kaffe.id, channels: ['pos'] });
    const inactive = await createProduct(kassa.http, owner, { categoryId: kaffe.id, active: false });
    const loose = await createProduct(kassa.http, owner, { nameSv: 'Lös vara', vatRate: 25 });

    const catalog = await catalogOf(storeA);
    expect(catalog).toMatchObject({ storeId: storeA, currency: 'SEK' });
    expect(catalog.categories.map((c: { id: string }) => c.id)).toEqual([kaffe.id, varmt.id, 'uncategorised']);
    expect(catalog.categories.map((c: { id: string }) => c.id)).not.toContain(tomt.id);
    expect(catalog.categories[0]).toMatchObject({ nameSv: 'Kaffe', nameEn: 'Coffee', position: 1, parentId: null });
    expect(catalog.categories[1]).toMatchObject({ parentId: kaffe.id, products: [expect.objectContaining({ id: te.id })] });
    expect(productIn(catalog, latte.id)).toEqual({
      id: latte.id,
      sku: latte.sku,
      nameSv: 'Latte',
      nameEn: expect.any(String),
      descriptionSv: '',
      descriptionEn: '',
      imageUrl: 'https://example.com/latte.jpg',
      price: 4900,
      vatRate: 12,
      prepMinutes: 3,
      prepMinutesPerExtraUnit: 1,
      barcode: null,
      available: true,
      soldOut: false,
      modifierGroups: [
        {
          id: size.id,
          nameSv: 'Storlek',
          nameEn: 'Size',
          minSelections: 1,
          maxSelections: 1,
          options: [
            { id: expect.any(String), nameSv: 'Liten', nameEn: 'Liten', priceDelta: 0 },
            { id: expect.any(String), nameSv: 'Stor', nameEn: 'Stor', priceDelta: 1000 },
          ],
        },
      ],
    });
    expect(productIn(catalog, loose.id)).toMatchObject({ vatRate: 25 });
    expect(productIn(catalog, posOnly.id)).toBeUndefined();
    expect(productIn(catalog, inactive.id)).toBeUndefined();
  });

  it('applies a store’s own price, turns a product off, and hides one the store does not sell — at that store only', async () => {
    const category = await createCategory(kassa.http, owner);
    const bulle = await createProduct(kassa.http, owner, { categoryId: category.id, price: 3900 });
    const kaka = await createProduct(kassa.http, owner, { categoryId: category.id });
    const smörgås = await createProduct(kassa.http, owner, { categoryId: category.id });
    await createOverride(kassa.http, owner, { storeId: storeB, productId: bulle.id, price: 4200 });
    await createOverride(kassa.http, owner, { storeId: storeB, productId: kaka.id, available: false });
    const hidden = await createOverride(kassa.http, owner, { storeId: storeB, productId: smörgås.id, listed: false });

    const b = await catalogOf(storeB);
    expect(productIn(b, bulle.id)).toMatchObject({ price: 4200, available: true });
    expect(productIn(b, kaka.id)).toMatchObject({ available: false, soldOut: false });
    expect(productIn(b, smörgås.id)).toBeUndefined();
    const a = await catalogOf(storeA);
    expect(productIn(a, bulle.id)).toMatchObject({ price: 3900 });
    expect(productIn(a, smörgås.id)).toBeDefined();

    const again = await kassa.http.post('/api/v1/admin/product-overrides').set('Authorization', owner).send({ storeId: storeB, productId: bulle.id }).expect(409);
    expect(again.body.code).toBe('OVERRIDE_EXISTS');
    const list = await kassa.http.get('/api/v1/admin/product-overrides').set('Authorization', owner).query({ filter: JSON.stringify({ storeId: storeB, productId: [bulle.id, kaka.id] }) }).expect(200);
    expect(list.headers['content-range']).toBe('product-overrides 0-1/2');
    await kassa.http.delete(`/api/v1/admin/product-overrides/${hidden.id}`).set('Authorization', owner).expect(200);
    expect(productIn(await catalogOf(storeB), smörgås.id)).toBeDefined();
  });

  it('86: sold out for the rest of the Stockholm day, by any staff member, and sellable again', async () => {
    const category = await createCategory(kassa.http, owner);
    const bulle = await createProduct(kassa.http, owner, { categoryId: category.id });
    const staff = await createUser(kassa.http, owner, { email: 'barista@example.com', role: 'staff', storeIds: [storeA] });
    const barista = await kassa.login(staff.email, staff.password);

    const pressed = await kassa.http.post(`/api/v1/admin/stores/${storeA}/products/${bulle.id}/sold-out`).set('Authorization', barista).send({ soldOut: true }).expect(200);
    const today = localDate(new Date(), 'Europe/Stockholm');
    expect(pressed.body).toEqual({ id: expect.any(String), storeId: storeA, productId: bulle.id, price: null, available: true, listed: true, soldOutDate: today });
    expect(productIn(await catalogOf(storeA), bulle.id)).toMatchObject({ soldOut: true, available: true });
    expect(productIn(await catalogOf(storeB), bulle.id)).toMatchObject({ soldOut: false });

    // Yesterday's 86 no longer counts: it cleared itself at local midnight.
    await kassa.http.put(`/api/v1/admin/product-overrides/${pressed.body.id}`).set('Authorization', owner).send({ soldOutDate: '2020-01-01' }).expect(200);
    expect(productIn(await catalogOf(storeA), bulle.id)).toMatchObject({ soldOut: false });

    await kassa.http.post(`/api/v1/admin/stores/${storeA}/products/${bulle.id}/sold-out`).set('Authorization', barista).send({ soldOut: true }).expect(200);
    const released = await kassa.http.post(`/api/v1/admin/stores/${storeA}/products/${bulle.id}/sold-out`).set('Authorization', barista).send({ soldOut: false }).expect(200);
    expect(released.body.soldOutDate).toBeNull();
    expect(productIn(await catalogOf(storeA), bulle.id)).toMatchObject({ soldOut: false });
    await kassa.http.post(`/api/v1/admin/stores/${storeB}/products/${bulle.id}/sold-out`).set('Authorization', barista).send({ soldOut: true }).expect(404);
  });

  it('shows a tracked product as sold out while its stock is zero, and in stock once a delivery is booked', async () => {
    const category = await createCategory(kassa.http, owner);
    const bulle = await createProduct(kassa.http, owner, { categoryId: category.id, stock: { mode: 'tracked', allowBackorder: false } });
    expect(productIn(await catalogOf(storeA), bulle.id)).toMatchObject({ soldOut: true });
    const items = await kassa.http.get('/api/v1/admin/stock-items').set('Authorization', owner).query({ filter: JSON.stringify({ productId: bulle.id }) }).expect(200);
    const stockItemId = items.body[0].id as string;
    await kassa.http.post('/api/v1/admin/stock-movements').set('Authorization', owner).send({ storeId: storeA, stockItemId, kind: 'delivery', quantity: 40, reason: 'Morgonbak' }).expect(201);
    expect(productIn(await catalogOf(storeA), bulle.id)).toMatchObject({ soldOut: false });
    expect(productIn(await catalogOf(storeB), bulle.id)).toMatchObject({ soldOut: true });
  });

  it('reflects a price change at once (the cache follows the catalogue version)', async () => {
    const category = await createCategory(kassa.http, owner);
    const product = await createProduct(kassa.http, owner, { categoryId: category.id, price: 1000 });
    expect(productIn(await catalogOf(storeA), product.id)).toMatchObject({ price: 1000 });
    const { stock: _s, ...record } = product as unknown as Record<string, unknown>;
    await kassa.http.put(`/api/v1/admin/products/${product.id}`).set('Authorization', owner).send({ ...record, price: 1100 }).expect(200);
    expect(productIn(await catalogOf(storeA), product.id)).toMatchObject({ price: 1100 });
  });

  it('answers 304 to a client that already has the current catalogue, and gzip to one that accepts it', async () => {
    const first = await kassa.http.get(`/api/v1/stores/${storeA}/catalog`).set('Accept-Encoding', 'gzip').expect(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    const etag = first.headers.etag as string;
    await kassa.http.get(`/api/v1/stores/${storeA}/catalog`).set('If-None-Match', etag).expect(304);
    await createProduct(kassa.http, owner, { categoryId: (await createCategory(kassa.http, owner)).id });
    const changed = await kassa.http.get(`/api/v1/stores/${storeA}/catalog`).set('If-None-Match', etag).set('Accept-Encoding', 'identity').expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.headers['content-encoding']).toBeUndefined();
    expect(changed.body.storeId).toBe(storeA);
  });

  it('answers 404 STORE_NOT_FOUND for an unknown store', async () => {
    const response = await kassa.http.get('/api/v1/stores/4b1c5c2e-6a43-4c9e-9d4e-3f1c1c1c1c1c/catalog').expect(404);
    expect(response.body.code).toBe('STORE_NOT_FOUND');
  });

  it('finds a scanned product for a station of the store, counter-only products included', async () => {
    const barcode = freshBarcode();
    const knäcke = await createProduct(kassa.http, owner, { barcode, channels: ['pos'], price: 4900 });
    await createOverride(kassa.http, owner, { storeId: storeA, productId: knäcke.id, price: 4500 });
    const staff = await createUser(kassa.http, owner, { email: 'kassa.a@example.com', role: 'staff', storeIds: [storeA] });
    const station = await kassa.login(staff.email, staff.password);

    const found = await kassa.http.get(`/api/v1/stores/${storeA}/products/by-barcode/${barcode}`).set('Authorization', station).expect(200);
    expect(found.body).toMatchObject({ id: knäcke.id, barcode, price: 4500, available: true, soldOut: false, modifierGroups: [] });
    const wrong = await kassa.http.get(`/api/v1/stores/${storeA}/products/by-barcode/${barcode.slice(0, 12)}${(Number(barcode[12]) + 1) % 10}`).set('Authorization', station).expect(400);
    expect(wrong.body).toMatchObject({ code: 'INVALID_BARCODE', details: [{ field: 'code', reason: expect.stringMatching(/^has a wrong check digit/) }] });
    const unknown = await kassa.http.get(`/api/v1/stores/${storeA}/products/by-barcode/${freshBarcode()}`).set('Authorization', station).expect(404);
    expect(unknown.body.code).toBe('PRODUCT_NOT_FOUND');
    await kassa.http.get(`/api/v1/stores/${storeB}/products/by-barcode/${barcode}`).set('Authorization', station).expect(404);
    await kassa.http.get(`/api/v1/stores/${storeA}/products/by-barcode/${barcode}`).expect(401);
  });
});
