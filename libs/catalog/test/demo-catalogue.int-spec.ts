import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { barcodeProblem } from '../src/rules/barcode';

describe('the demo café on first start', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'true' });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
  });
  afterAll(() => kassa.close());

  it('sells a Swedish café and deli catalogue online, with modifiers and 12 % / 25 % VAT', async () => {
    const catalog = (await kassa.http.get(`/api/v1/stores/${storeId}/catalog`).expect(200)).body;
    expect(catalog.categories.map((c: { nameSv: string }) => c.nameSv)).toEqual(['Kaffe', 'Te', 'Bakverk', 'Smörgåsar', 'Sallader', 'Dryck', 'Deli & Butik']);
    const products = catalog.categories.flatMap((c: { products: unknown[] }) => c.products) as Array<{ nameSv: string; price: number; vatRate: number; barcode: string | null; soldOut: boolean; modifierGroups: Array<{ nameSv: string; options: Array<{ nameSv: string; priceDelta: number }> }> }>;
    expect(products.length).toBeGreaterThanOrEqual(20);
    const byName = new Map(products.map((p) => [p.nameSv, p]));
    expect(byName.get('Caffè latte')).toMatchObject({ price: 4900, vatRate: 12, soldOut: false });
    expect(byName.get('Caffè latte')?.modifierGroups.map((g) => g.nameSv)).toEqual(['Storlek', 'Mjölk', 'Extra']);
    expect(byName.get('Caffè latte')?.modifierGroups[1].options).toEqual(expect.arrayContaining([expect.objectContaining({ nameSv: 'Havre', priceDelta: 500 })]));
    expect(byName.get('Kanelbulle')).toMatchObject({ price: 3900, vatRate: 12, soldOut: false });
    expect(byName.get('Kardemummabulle')).toMatchObject({ soldOut: false });
    expect(byName.get('Tygpåse')).toMatchObject({ vatRate: 25 });
    expect(byName.get('Kassa-mugg i stengods')).toMatchObject({ vatRate: 25 });
    expect(new Set(products.map((p) => p.vatRate))).toEqual(new Set([12, 25]));
    for (const p of products.filter((p) => p.barcode)) expect(barcodeProblem(p.barcode ?? '')).toBeUndefined();
  });

  it('tracks coffee by recipe and buns by their own stock', async () => {
    const list = await kassa.http.get('/api/v1/admin/products').set('Authorization', owner).query({ range: '[0,99]' }).expect(200);
    const bySku = new Map(list.body.map((p: { sku: string; stock: unknown }) => [p.sku, p.stock]));
    expect(bySku.get('KAFFE-LATTE')).toEqual({ mode: 'recipe', ingredients: [{ stockItemId: expect.any(String), quantity: 18 }, { stockItemId: expect.any(String), quantity: 200 }] });
    expect(bySku.get('BAK-KANELBULLE')).toEqual({ mode: 'tracked', allowBackorder: false });
  });
});
