import { MikroORM } from '@mikro-orm/core';
import { systemEntityManager } from '@kassa/platform';
import { createStore, demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { PrintJobsService } from '../src';
import { decodeEscPos } from './escpos-decode';
import { category, createPrinter, createStation, eventually, expectStatus, openAllDay, pay, placeOrder, PrinterRecord, product } from './printing.factory';

interface JobRow {
  id: string;
  printerId: string;
  orderId: string | null;
  kind: string;
  sequence: number;
  status: string;
  copy: boolean;
  receiptNumber: number | null;
}

/** A paid order becomes a receipt on every receipt printer and kitchen tickets routed by category, exactly once. */
describe('print jobs for paid orders', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let receipt: PrinterRecord;
  let pastryKitchen: PrinterRecord;
  let anyKitchen: PrinterRecord;
  let bun: { id: string };
  let coffee: { id: string };
  let cookie: { id: string };

  const jobsOf = async (filter: Record<string, unknown>): Promise<JobRow[]> =>
    expectStatus('print jobs', kassa.http.get('/api/v1/admin/print-jobs').query({ filter: JSON.stringify(filter), range: '[0,499]' }).set('Authorization', owner), 200);
  const preview = async (jobId: string): Promise<{ text: string; html: string }> =>
    expectStatus('preview', kassa.http.get(`/api/v1/admin/print-jobs/${jobId}/preview`).set('Authorization', owner), 200);
  const bytesOf = async (jobId: string): Promise<Buffer> => {
    const [row] = await systemEntityManager(kassa.app.get(MikroORM)).execute<Array<{ bytes: Buffer }>>('select bytes from print_job where id = ?', [jobId]);
    return row.bytes;
  };

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true' });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId);
    const pastries = await category(kassa.http, owner, 'Bakverk');
    const drinks = await category(kassa.http, owner, 'Dryck');
    bun = await product(kassa.http, owner, { nameSv: 'Kanelbulle', categoryId: pastries.id, price: 3500, vatRate: 12 });
    coffee = await product(kassa.http, owner, { nameSv: 'Bryggkaffe', categoryId: drinks.id, price: 3000, vatRate: 12 });
    cookie = await product(kassa.http, owner, { nameSv: 'Havrekaka', price: 2000, vatRate: 12 });
    const station = await createStation(kassa.http, owner, storeId, 'Disken');
    receipt = await createPrinter(kassa.http, owner, { stationId: station.id, name: 'Kvitto', roles: ['receipt'], paperWidth: 80, columns: 48 });
    pastryKitchen = await createPrinter(kassa.http, owner, { stationId: station.id, name: 'Bageriet', roles: ['kitchen'], categoryIds: [pastries.id], paperWidth: 58 });
    anyKitchen = await createPrinter(kassa.http, owner, { stationId: station.id, name: 'Köket', roles: ['kitchen'], paperWidth: 80, columns: 42 });
  });
  afterAll(() => kassa.close());

  it('prints nothing before payment, then a receipt and kitchen tickets routed by category', async () => {
    const order = await placeOrder(kassa.http, storeId, [
      { productId: bun.id, quantity: 2, note: 'Värm gärna' },
      { productId: coffee.id, quantity: 1 },
      { productId: cookie.id, quantity: 1 },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await jobsOf({ orderId: order.id })).toEqual([]);

    await pay(kassa.http, order);
    const jobs = await eventually(() => jobsOf({ orderId: order.id }), (j) => j.length === 3);
    const byPrinter = new Map(jobs.map((j) => [j.printerId, j]));
    expect(byPrinter.get(receipt.id)).toMatchObject({ kind: 'receipt', status: 'queued', copy: false, receiptNumber: expect.any(Number) });
    expect(byPrinter.get(pastryKitchen.id)).toMatchObject({ kind: 'kitchen', receiptNumber: null });
    expect(byPrinter.get(anyKitchen.id)).toMatchObject({ kind: 'kitchen' });

    const bakery = (await preview(byPrinter.get(pastryKitchen.id)?.id ?? '')).text;
    expect(bakery).toContain('2 x Kanelbulle');
    expect(bakery).toContain('! Värm gärna');
    expect(bakery).not.toContain('Bryggkaffe');
    expect(bakery).not.toContain('Havrekaka');
    for (const line of bakery.split('\n')) expect(line.length).toBeLessThanOrEqual(32);

    const kitchen = (await preview(byPrinter.get(anyKitchen.id)?.id ?? '')).text;
    expect(kitchen).toMatch(/2 x Kanelbulle[\s\S]*1 x Bryggkaffe[\s\S]*1 x Havrekaka/);
    expect(kitchen).not.toMatch(/\d+,\d\d/);

    const receiptJob = byPrinter.get(receipt.id) as JobRow;
    const paper = await preview(receiptJob.id);
    expect(paper.text).toContain(`Kvitto ${receiptJob.receiptNumber}`);
    expect(paper.text).toContain('Kund: Åsa Öberg');
    expect(paper.text).toMatch(/^2 x Kanelbulle +70,00$/m);
    expect(paper.text).toMatch(/^TOTALT SEK +120,00$/m);
    expect(paper.text).toMatch(/^12 % +107,14 +12,86$/m);
    expect(paper.text).toContain('Betalning: Testbetalning');
    expect(paper.html).toContain('<svg');
    expect(paper.html).toContain('font-size:200%');

    // The paper itself: the bytes decode to the preview's lines, and the QR code is the order's pickup pass.
    const pass = await expectStatus<{ code: string; qr: string }>('pass', kassa.http.get(`/api/v1/orders/${order.id}/pickup-pass`).set('X-Order-Token', order.token), 200);
    const decoded = decodeEscPos(await bytesOf(receiptJob.id));
    expect(decoded.qr).toEqual([pass.qr]);
    expect(decoded.bigLines).toEqual([`Order ${order.number}`, expect.stringMatching(/^\d\d:\d\d-\d\d:\d\d$/), pass.code]);
    expect(decoded.lines).toContain('Kund: Åsa Öberg');
  });

  it('prints a pay-at-pickup order when it is placed, saying it is paid at pickup', async () => {
    const order = await placeOrder(kassa.http, storeId, [{ productId: bun.id, quantity: 1 }], { method: 'in_store', locale: 'en', name: 'Örjan' });
    const jobs = await eventually(() => jobsOf({ orderId: order.id, kind: 'receipt' }), (j) => j.length === 1);
    const text = (await preview(jobs[0].id)).text;
    expect(text).toContain('Pay at pickup');
    expect(text).toContain('Customer: Örjan');
    expect(text).toMatch(/^TOTAL SEK +35\.00$/m);
  });

  it('prints no kitchen ticket where there is no kitchen printer', async () => {
    const other = await createStore(kassa.http, owner, { name: 'Kiosken' });
    await openAllDay(kassa.http, owner, other.id);
    const station = await createStation(kassa.http, owner, other.id);
    const only = await createPrinter(kassa.http, owner, { stationId: station.id, roles: ['receipt'], paperWidth: 58 });
    const order = await placeOrder(kassa.http, other.id, [{ productId: bun.id, quantity: 1 }]);
    await pay(kassa.http, order);
    const jobs = await eventually(() => jobsOf({ orderId: order.id }), (j) => j.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await jobsOf({ orderId: order.id })).map((j) => [j.printerId, j.kind, j.receiptNumber])).toEqual([[only.id, 'receipt', 1]]);
    expect(jobs).toHaveLength(1);
  });

  it('numbers receipts without gaps and printer sequences without gaps, under concurrent payments', async () => {
    const orders = await Promise.all(Array.from({ length: 12 }, () => placeOrder(kassa.http, storeId, [{ productId: coffee.id, quantity: 1 }])));
    await Promise.all(orders.map((o) => pay(kassa.http, o)));
    await eventually(async () => (await Promise.all(orders.map((o) => jobsOf({ orderId: o.id, kind: 'receipt' })))).flat().length, (n) => n === 12, 40_000);

    const receipts = (await jobsOf({ storeId: [storeId], kind: 'receipt' })).filter((j) => !j.copy);
    const numbers = receipts.map((j) => j.receiptNumber as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    for (const printer of [receipt, pastryKitchen, anyKitchen]) {
      const sequences = (await jobsOf({ printerId: [printer.id] })).map((j) => j.sequence).sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
    }
  });

  it('makes no second set of jobs when the event is delivered again', async () => {
    const order = await placeOrder(kassa.http, storeId, [{ productId: bun.id, quantity: 1 }]);
    await pay(kassa.http, order);
    await eventually(() => jobsOf({ orderId: order.id }), (j) => j.length === 3);
    const jobs = kassa.app.get(PrintJobsService);
    const again = await Promise.all([1, 2].map(() => systemEntityManager(kassa.app.get(MikroORM)).transactional(() => jobs.printOrder(order.id))));
    expect(again).toEqual([[], []]);
    expect(await jobsOf({ orderId: order.id })).toHaveLength(3);
  });
});
