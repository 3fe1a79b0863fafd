import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAgent, until, type AgentProcess } from '../../apps/station-agent/test/agent-process';
import { FakePrinter } from '../../apps/station-agent/test/fake-printer';
import { checkout, checkoutBody, openAllDay, stockedProduct } from '../../libs/orders/test/orders.factory';
import { decodeEscPos } from '../../libs/printing/test/escpos-decode';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The whole promise, from the outside: a customer checks out and pays over HTTP, and the
 * station agent — a real process holding a device token from the admin API — puts the receipt
 * and the kitchen ticket on a network printer. The paper reads back to the order: its number,
 * Swedish letters, and a QR code that is the order's pickup pass.
 */
describe('checkout → payment → paper at the station', () => {
  let app: TestApp;
  let dir: string;
  let printer: FakePrinter;
  let agent: AgentProcess | undefined;

  beforeAll(async () => {
    app = await startTestApp({ KASSA_TEST_PAYMENTS: 'true' });
    dir = mkdtempSync(join(tmpdir(), 'kassa-station-e2e-'));
    printer = await FakePrinter.start();
  });
  afterAll(async () => {
    await agent?.stop('SIGKILL');
    await printer.kill();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the receipt and the kitchen ticket of a paid order, once each', async () => {
    const auth = await app.login();
    const [store] = (await app.http.get('/api/v1/stores')).body;
    await openAllDay(app.http, auth, store.id);
    const product = await stockedProduct(app.http, auth, store.id, { nameSv: 'Räksmörgås på Åland', price: 8900, onHand: 20 });

    const station = await app.http.post('/api/v1/admin/stations').set('Authorization', auth).send({ storeId: store.id, name: 'Disken' });
    expect(station.status).toBe(201);
    expect(station.body.token).toMatch(/^kst_/);
    const paper = await app.http.post('/api/v1/admin/printers').set('Authorization', auth).send({
      stationId: station.body.id,
      name: 'Kvitto och kök',
      roles: ['receipt', 'kitchen'],
      paperWidth: 80,
      columns: 48,
      language: 'escpos',
      codepage: 'cp865',
      cashDrawer: false,
      connection: 'agent',
    });
    expect(paper.status).toBe(201);

    const config = join(dir, 'station.json');
    writeFileSync(config, JSON.stringify({ server: app.baseUrl, token: station.body.token, stateDir: './state', printers: { [paper.body.id]: { tcp: printer.address } } }));
    agent = startAgent(['--config', config]);
    await agent.waitFor(/resumed/, 30_000);

    const placed = await checkout(app.http, checkoutBody(store.id, product.id, { customer: { name: 'Åsa Öberg', email: 'asa@example.se' } }));
    expect(placed.status).toBe(201);
    const order = placed.body;
    expect((await app.http.post(`/api/v1/payments/test/${order.payment.id}/approve`)).status).toBe(200);

    await until(() => printer.printed.length >= 2, 30_000, () => `printed ${printer.printed.length}\n${agent?.output()}`);
    // The server hears of both: the agent's acknowledgements land.
    const jobsOfOrder = async () =>
      (await app.http.get('/api/v1/admin/print-jobs').query({ filter: JSON.stringify({ orderId: order.id }) }).set('Authorization', auth)).body as Array<{ kind: string; status: string }>;
    let jobs = await jobsOfOrder();
    for (const deadline = Date.now() + 10_000; !(jobs.length === 2 && jobs.every((job) => job.status === 'printed')) && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      jobs = await jobsOfOrder();
    }
    expect(jobs.map((job) => job.status)).toEqual(['printed', 'printed']);
    expect(printer.printed).toHaveLength(2);

    const sheets = printer.printed.map((job) => decodeEscPos(job.bytes));
    const receipt = sheets.find((sheet) => sheet.qr.length > 0);
    const kitchen = sheets.find((sheet) => sheet.qr.length === 0);
    if (!receipt || !kitchen) throw new Error(`expected a receipt with a QR code and a kitchen ticket:\n${JSON.stringify(sheets, null, 2)}`);
    const receiptText = receipt.lines.join('\n');
    const kitchenText = kitchen.lines.join('\n');
    expect(receiptText).toContain(order.number);
    expect(receiptText).toContain('Räksmörgås på Åland');
    expect(receiptText).toContain('Åsa Öberg');
    expect(receiptText).toMatch(/89,00/);
    expect(receipt.cuts).toBe(1);
    expect(kitchen.bigLines).toContain(order.number);
    expect(kitchenText).toContain('Räksmörgås på Åland');
    expect(kitchenText).not.toMatch(/89,00/);

    const pass = await app.http.get(`/api/v1/orders/${order.id}/pickup-pass`).set('X-Order-Token', order.token);
    expect(pass.status).toBe(200);
    expect(receipt.qr).toEqual([pass.body.qr]);

    // Stopped, the station reads offline in the admin.
    expect(await agent.stop('SIGTERM')).toBe(0);
    let stationNow = await app.http.get(`/api/v1/admin/stations/${station.body.id}`).set('Authorization', auth);
    for (const deadline = Date.now() + 10_000; stationNow.body.connected !== false && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      stationNow = await app.http.get(`/api/v1/admin/stations/${station.body.id}`).set('Authorization', auth);
    }
    expect(stationNow.body).toMatchObject({ connected: false, printers: [{ id: paper.body.id, queueLength: 0 }] });
  }, 120_000);
});
