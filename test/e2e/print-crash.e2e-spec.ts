import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startAgent, until, type AgentProcess } from '../../apps/station-agent/test/agent-process';
import { FakePrinter } from '../../apps/station-agent/test/fake-printer';
import { checkout, checkoutBody, openAllDay, stockedProduct } from '../../libs/orders/test/orders.factory';
import { decodeEscPos } from '../../libs/printing/test/escpos-decode';
import { startChildApp, type ChildApp } from '../support/child-app';
import { OWNER_EMAIL, OWNER_PASSWORD } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** A fixed address in front of whichever api process is alive, as a load balancer would be. */
async function startProxy(): Promise<{ port: number; target(port: number): void; close(): Promise<void> }> {
  let targetPort = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    target: (port) => (targetPort = port),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const portOf = (app: ChildApp) => Number(new URL(app.baseUrl).port);

/**
 * The api is killed (SIGKILL) in the middle of a burst of payments, with the station agent
 * connected and printing. After a restart on the same database every paid order has its
 * receipt and kitchen ticket on paper, each exactly once: nothing committed was lost, and
 * nothing the agent had printed came out again.
 */
describe('printing across an api crash', () => {
  let dir: string;
  let database: TestDatabase;
  let printer: FakePrinter;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let api: ChildApp | undefined;
  let agent: AgentProcess | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kassa-print-crash-'));
    database = await createTestDatabase(join(dir, 'data'));
    printer = await FakePrinter.start();
    proxy = await startProxy();
  });
  afterAll(async () => {
    await agent?.stop('SIGKILL');
    await api?.stop('SIGKILL');
    await proxy.close();
    await printer.kill();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no job and prints none twice', async () => {
    const env = {
      ...database.env,
      PROBE_FILE: join(dir, 'probe.jsonl'),
      KASSA_ADMIN_EMAIL: OWNER_EMAIL,
      KASSA_ADMIN_PASSWORD: OWNER_PASSWORD,
      KASSA_TEST_PAYMENTS: 'true',
      KASSA_OUTBOX_POLL_MS: '100',
    };
    api = await startChildApp(env);
    proxy.target(portOf(api));
    let http = request(api.baseUrl);
    const login = await http.post('/api/v1/auth/login').send({ email: OWNER_EMAIL, password: OWNER_PASSWORD });
    const auth = `Bearer ${login.body.accessToken as string}`;
    const [store] = (await http.get('/api/v1/stores')).body;
    await openAllDay(http, auth, store.id);
    const product = await stockedProduct(http, auth, store.id, { nameSv: 'Kardemummabulle', onHand: 100 });
    const station = (await http.post('/api/v1/admin/stations').set('Authorization', auth).send({ storeId: store.id, name: 'Disken' })).body;
    const paper = await http
      .post('/api/v1/admin/printers')
      .set('Authorization', auth)
      .send({ stationId: station.id, name: 'Kvitto och kök', roles: ['receipt', 'kitchen'], paperWidth: 80, columns: 48, language: 'escpos', codepage: 'cp865', connection: 'agent' });
    expect(paper.status).toBe(201);

    const config = join(dir, 'station.json');
    writeFileSync(config, JSON.stringify({ server: `http://127.0.0.1:${proxy.port}`, token: station.token, stateDir: './state', printers: { [paper.body.id]: { tcp: printer.address } } }));
    agent = startAgent(['--config', config]);
    await agent.waitFor(/resumed/, 30_000);

    const orders: Array<{ id: string; number: string; payment: { id: string } }> = [];
    for (let i = 0; i < 12; i += 1) {
      const placed = await checkout(http, checkoutBody(store.id, product.id));
      expect(placed.status).toBe(201);
      orders.push(placed.body);
    }

    // The burst: a payment every 30 ms; the api dies as soon as the fourth has been confirmed.
    let confirmed = 0;
    const firstLife = api;
    const approvals = orders.map(async (order, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 30));
      const response = await fetch(`${firstLife.baseUrl}/api/v1/payments/test/${order.payment.id}/approve`, { method: 'POST' }).catch(() => undefined);
      if (response?.status === 200) {
        confirmed += 1;
        if (confirmed === 4) firstLife.process.kill('SIGKILL');
      }
    });
    await Promise.all(approvals);
    expect(await firstLife.stop('SIGKILL')).toBe('SIGKILL');
    const printedAtCrash = printer.printed.length;
    expect(confirmed).toBeLessThan(orders.length);

    api = await startChildApp(env);
    proxy.target(portOf(api));
    http = request(api.baseUrl);
    // Payments the crash cut off are approved again (approving twice answers the same).
    for (const order of orders) expect((await http.post(`/api/v1/payments/test/${order.payment.id}/approve`)).status).toBe(200);

    try {
      await until(() => printer.printed.length >= orders.length * 2, 150_000, () => `printed ${printer.printed.length} (${printedAtCrash} before the crash)`);
    } catch (error) {
      const outbox = await http.get('/api/v1/admin/outbox-messages').query({ range: '[0,199]' }).set('Authorization', auth);
      const jobs = await http.get('/api/v1/admin/print-jobs').query({ range: '[0,199]' }).set('Authorization', auth);
      const adminOrders = await http.get('/api/v1/admin/orders').query({ range: '[0,199]' }).set('Authorization', auth);
      throw new Error(
        `${String(error)}\nagent:\n${agent?.output()}\napi:\n${api?.output()}\noutbox:${JSON.stringify(outbox.body, null, 1)}\njobs:${JSON.stringify(
          jobs.body.map((j: any) => [j.orderNumber, j.kind, j.sequence, j.status, j.createdAt]),
        )}\norders:${JSON.stringify(adminOrders.body.map?.((o: any) => [o.number, o.status, o.paymentStatus]))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const sheets = printer.printed.map((job) => decodeEscPos(job.bytes));
    const byOrder = orders.map((order) => {
      const mine = sheets.filter((sheet) => sheet.lines.some((line) => line.includes(order.number)));
      return { number: order.number, receipts: mine.filter((s) => s.qr.length > 0).length, tickets: mine.filter((s) => s.qr.length === 0).length };
    });
    expect(byOrder).toEqual(orders.map((order) => ({ number: order.number, receipts: 1, tickets: 1 })));
    expect(printer.printed).toHaveLength(orders.length * 2);
    expect(agent.output()).toMatch(/disconnected reason="transport (close|error)"/);

    // And the server knows: every job of the store is printed, none waits.
    const unprinted = async () =>
      ((await http.get('/api/v1/admin/print-jobs').query({ range: '[0,99]' }).set('Authorization', auth)).body as Array<{ status: string }>).filter((job) => job.status !== 'printed');
    let waiting = await unprinted();
    for (const deadline = Date.now() + 10_000; waiting.length > 0 && Date.now() < deadline; waiting = await unprinted()) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(waiting).toEqual([]);

    expect(await agent.stop('SIGTERM')).toBe(0);
    expect(await api.stop('SIGTERM')).toBe(0);
  }, 300_000);
});
