import { CatalogError, CatalogService } from '@kassa/catalog';
import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { asSystem, createCategory, createModifierGroup, createOverride, createProduct } from './catalog.factory';

/** What orders will ask at checkout: the server's price of a cart, with every rule applied. */
describe('pricing a cart at a store', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let latte: { id: string };
  let bulle: { id: string };
  let options: Record<string, string>;

  const price = (lines: Array<{ productId: string; quantity: number; modifierOptionIds?: string[] }>, channel?: 'online' | 'pos') =>
    asSystem(kassa.app, () => kassa.app.get(CatalogService).priceLines(storeId, lines, { channel }));
  const refusal = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof CatalogError) return { status: error.status, code: error.code, details: error.details };
      throw error;
    }
    throw new Error('expected a refusal');
  };

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false' });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    const kaffe = await createCategory(kassa.http, owner, { nameSv: 'Kaffe', nameEn: 'Coffee' });
    const size = await createModifierGroup(kassa.http, owner);
    const milk = await createModifierGroup(kassa.http, owner, { nameSv: 'Mjölk', nameEn: 'Milk', minSelections: 0, maxSelections: 1, options: [{ nameSv: 'Standard', priceDelta: 0 }, { nameSv: 'Havre', priceDelta: 500 }] });
    const extras = await createModifierGroup(kassa.http, owner, { nameSv: 'Extra', nameEn: 'Extras', minSelections: 0, maxSelections: 2, options: [{ nameSv: 'Extra shot', priceDelta: 800 }, { nameSv: 'Utan lock', priceDelta: -200 }] });
    options = Object.fromEntries([...size.options, ...milk.options, ...extras.options].map((o) => [o.nameSv, o.id]));
    latte = await createProduct(kassa.http, owner, { nameSv: 'Caffè latte', categoryId: kaffe.id, price: 4900, vatRate: 12, prepMinutes: 3, prepMinutesPerExtraUnit: 1, modifierGroupIds: [size.id, milk.id, extras.id] });
    bulle = await createProduct(kassa.http, owner, { nameSv: 'Kanelbulle', categoryId: kaffe.id, price: 3900, vatRate: 12, channels: ['pos'] });
  });
  afterAll(() => kassa.close());

  it('prices a large oat latte with an extra shot: base + options, times quantity, with names, VAT, category and prep time', async () => {
    const cart = await price([{ productId: latte.id, quantity: 2, modifierOptionIds: [options['Extra shot'], options.Stor, options.Havre] }]);
    expect(cart.currency).toBe('SEK');
    expect(cart.lines[0]).toMatchObject({
      productId: latte.id,
      nameSv: 'Caffè latte',
      quantity: 2,
      unitPrice: { amount: 4900 + 1000 + 500 + 800, currency: 'SEK' },
      lineTotal: { amount: 14400, currency: 'SEK' },
      vatRate: 1200,
      prepMinutes: 4,
      category: { nameSv: 'Kaffe', nameEn: 'Coffee' },
    });
    expect(cart.lines[0].modifiers.map((m) => m.nameSv)).toEqual(['Stor', 'Havre', 'Extra shot']);
    expect(cart.total).toEqual({ amount: 14400, currency: 'SEK' });
  });

  it('uses the store’s own price under the options', async () => {
    const override = await createOverride(kassa.http, owner, { storeId, productId: latte.id, price: 5200 });
    const cart = await price([{ productId: latte.id, quantity: 1, modifierOptionIds: [options.Liten, options['Utan lock']] }]);
    expect(cart.lines[0].unitPrice.amount).toBe(5000);
    await kassa.http.delete(`/api/v1/admin/product-overrides/${override.id}`).set('Authorization', owner).expect(200);
  });

  it('refuses wrong choices with 422 INVALID_MODIFIERS naming each line', async () => {
    const result = await refusal(price([
      { productId: latte.id, quantity: 1, modifierOptionIds: [options.Liten] },
      { productId: latte.id, quantity: 1, modifierOptionIds: [options.Liten, options.Stor] },
      { productId: latte.id, quantity: 1, modifierOptionIds: [options.Liten, options.Liten] },
      { productId: latte.id, quantity: 1, modifierOptionIds: [] },
    ]));
    expect(result).toEqual({
      status: 422,
      code: 'INVALID_MODIFIERS',
      details: [
        { field: 'items.1.modifierOptionIds', reason: 'choose at most 1 of Storlek (Size)' },
        { field: 'items.2.modifierOptionIds', reason: `option ${options.Liten} is chosen more than once` },
        { field: 'items.3.modifierOptionIds', reason: 'choose at least 1 of Storlek (Size)' },
      ],
    });
  });

  it('refuses with 422 PRODUCT_UNAVAILABLE a product sold out today, or not sold online when the storefront asks', async () => {
    await kassa.http.post(`/api/v1/admin/stores/${storeId}/products/${latte.id}/sold-out`).set('Authorization', owner).send({ soldOut: true }).expect(200);
    const result = await refusal(price([{ productId: latte.id, quantity: 1, modifierOptionIds: [options.Liten] }, { productId: bulle.id, quantity: 1 }], 'online'));
    expect(result).toEqual({
      status: 422,
      code: 'PRODUCT_UNAVAILABLE',
      details: [
        { field: 'items.0.productId', reason: 'is sold out today' },
        { field: 'items.1.productId', reason: 'is not sold online' },
      ],
    });
    await kassa.http.post(`/api/v1/admin/stores/${storeId}/products/${latte.id}/sold-out`).set('Authorization', owner).send({ soldOut: false }).expect(200);
    expect((await price([{ productId: bulle.id, quantity: 3 }], 'pos')).total.amount).toBe(11700);
  });

  it('prices with every catalogue change at once, though pricing is remembered between carts', async () => {
    const mazarin = await createProduct(kassa.http, owner, { nameSv: 'Mazarin', price: 4900, vatRate: 12 });
    const cart = () => price([{ productId: mazarin.id, quantity: 1 }]);
    const edit = async (changes: Record<string, unknown>) => {
      const record = (await kassa.http.get(`/api/v1/admin/products/${mazarin.id}`).set('Authorization', owner).expect(200)).body;
      await kassa.http.put(`/api/v1/admin/products/${mazarin.id}`).set('Authorization', owner).send({ ...record, ...changes }).expect(200);
    };
    expect((await cart()).lines[0].unitPrice.amount).toBe(4900);
    await edit({ price: 5100 });
    expect((await cart()).lines[0].unitPrice.amount).toBe(5100);
    const override = await createOverride(kassa.http, owner, { storeId, productId: mazarin.id, price: 5300 });
    expect((await cart()).lines[0].unitPrice.amount).toBe(5300);
    await kassa.http.delete(`/api/v1/admin/product-overrides/${override.id}`).set('Authorization', owner).expect(200);
    expect((await cart()).lines[0].unitPrice.amount).toBe(5100);
    await edit({ active: false });
    expect(await refusal(cart())).toMatchObject({ status: 422, code: 'PRODUCT_UNAVAILABLE' });
  });
});
