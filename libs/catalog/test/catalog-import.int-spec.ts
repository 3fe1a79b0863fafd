import { startTestApp, TestApp } from '../../../test/support/test-app';
import { catalogueCsv, createProduct } from './catalog.factory';

describe('catalogue import', () => {
  let kassa: TestApp;
  let owner: string;

  const importCsv = (csv: string, dryRun?: boolean) => kassa.http.post('/api/v1/admin/catalog/import').set('Authorization', owner).send({ csv, dryRun });
  const productCount = async () => Number((await kassa.http.get('/api/v1/admin/products').set('Authorization', owner).query({ range: '[0,0]' })).headers['content-range'].split('/')[1]);

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false' });
    owner = await kassa.login();
  });
  afterAll(() => kassa.close());

  it('reports every bad row with its line and reason and imports nothing', async () => {
    await createProduct(kassa.http, owner, { sku: 'FINNS', barcode: '7310865004703' });
    const before = await productCount();
    const csv = [
      '\uFEFFsku;name_sv;price;vat_rate;barcode;category',
      'NY-1;Kanelbulle;39,00;12;;Bakverk',
      'NY-2;"Kaka; hallon";29,5;12;;Bakverk',
      'NY-3;Mugg;199;25 %;7310865004703;Butik',
      'NY-4;;10;12;;',
      'NY-5;Te;tio;7;;',
      '"NY-6";"Flerradig',
      'beskrivning";12,00;12;96385075;',
    ].join('\r\n');
    const response = await importCsv(csv).expect(422);
    expect(response.body).toMatchObject({ statusCode: 422, code: 'IMPORT_INVALID' });
    expect(response.body.details).toEqual([
      { field: 'line 4: barcode', reason: '"7310865004703" is already used by product FINNS' },
      { field: 'line 5: name_sv', reason: 'is required' },
      { field: 'line 6: price', reason: '"tio" is not a price in kronor such as 39,00 or 39.00' },
      { field: 'line 6: vat_rate', reason: '"7" must be one of 25, 12, 6, 0 (percent)' },
      { field: 'line 7: barcode', reason: '"96385075" has a wrong check digit (expected 4)' },
    ]);
    expect(await productCount()).toBe(before);
    const categories = await kassa.http.get('/api/v1/admin/categories').set('Authorization', owner).expect(200);
    expect(categories.body).toEqual([]);
  });

  it('creates missing categories and upserts by SKU', async () => {
    const first = await importCsv('sku,name_sv,name_en,price,vat_rate,category,channels,active\nUP-1,Kanelbulle,Cinnamon bun,"39,00",12,Bakverk,online+pos,ja\nUP-2,Tygpåse,Tote bag,99.00,25,Butik,pos,nej').expect(200);
    expect(first.body).toEqual({ created: 2, updated: 0, rows: 2 });
    const second = await importCsv('sku,name_sv,price,vat_rate,category\nUP-1,Kanelbulle stor,42,12,bakverk\nUP-3,Kardemummabulle,42,12,Bakverk').expect(200);
    expect(second.body).toEqual({ created: 1, updated: 1, rows: 2 });
    const dry = await importCsv('sku,name_sv,price,vat_rate\nUP-4,Bulle,1,12', true).expect(200);
    expect(dry.body).toEqual({ created: 1, updated: 0, rows: 1 });
    const list = await kassa.http.get('/api/v1/admin/products').set('Authorization', owner).query({ filter: JSON.stringify({ q: 'UP-' }), sort: '["sku","ASC"]' }).expect(200);
    expect(list.body.map((p: { sku: string; nameSv: string; price: number; vatRate: number; channels: string[]; active: boolean }) => [p.sku, p.nameSv, p.price, p.vatRate, p.channels, p.active])).toEqual([
      ['UP-1', 'Kanelbulle stor', 4200, 12, ['online', 'pos'], true],
      ['UP-2', 'Tygpåse', 9900, 25, ['pos'], false],
      ['UP-3', 'Kardemummabulle', 4200, 12, ['online', 'pos'], true],
    ]);
    const categories = await kassa.http.get('/api/v1/admin/categories').set('Authorization', owner).expect(200);
    expect(categories.body.map((c: { nameSv: string }) => c.nameSv)).toEqual(['Bakverk', 'Butik']);
    expect(new Set(list.body.filter((p: { sku: string }) => p.sku !== 'UP-2').map((p: { categoryId: string }) => p.categoryId)).size).toBe(1);
  });

  it('imports 10,000 rows in one go', async () => {
    const csv = catalogueCsv(10_000);
    const started = Date.now();
    const response = await importCsv(csv).expect(200);
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`10,000-row catalogue import (${(csv.length / 1e6).toFixed(1)} MB): ${seconds.toFixed(1)} s\n`);
    expect(response.body).toEqual({ created: 10_000, updated: 0, rows: 10_000 });
    const again = await importCsv(csv).expect(200);
    expect(again.body).toEqual({ created: 0, updated: 10_000, rows: 10_000 });
    process.stdout.write(`…and again as 10,000 updates: ${((Date.now() - started) / 1000 - seconds).toFixed(1)} s\n`);
    const catalog = await kassa.http.get('/api/v1/admin/products').set('Authorization', owner).query({ filter: JSON.stringify({ q: 'GEN-9999' }) }).expect(200);
    expect(catalog.body[0]).toMatchObject({ sku: 'GEN-9999', nameSv: 'Vara 9999, hemgjord', price: 19 * 100 + (9999 % 80) * 100 + 50 });
  }, 120_000);
});
