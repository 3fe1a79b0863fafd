import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { demoStoreId } from '../../../test/support/fixtures';
import { createTestDatabase, realDatabaseUrl, realRedisUrl, TestDatabase } from '../../../test/support/test-database';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { createPrinter, createStation, eventually, expectStatus, FakeStation, openAllDay, pay, placeOrder, product } from './printing.factory';

// Without Redis each instance keeps its Socket.IO rooms in memory, so B never hears what A emits:
// there is nothing to prove. CI's second run sets KASSA_TEST_REDIS_URL (and a real PostgreSQL).
const withRedis = realRedisUrl ? describe : describe.skip;

withRedis('two api instances on one database and Redis (skipped without KASSA_TEST_REDIS_URL: rooms are per instance without the Redis adapter)', () => {
  let a: TestApp;
  let b: TestApp;
  let database: TestDatabase | undefined;
  const open: FakeStation[] = [];

  beforeAll(async () => {
    const common = { KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true' };
    if (realDatabaseUrl) {
      database = await createTestDatabase();
      a = await startTestApp(common, database);
      // B serves sockets and requests but dispatches nothing: whatever its station gets came from A.
      b = await startTestApp({ ...common, KASSA_WORKERS: 'false' }, database);
    } else {
      // Embedded: B talks to A's PGlite over its loopback port, with the same secret and queue prefix.
      const shared = { JWT_SECRET: randomBytes(32).toString('hex'), KASSA_QUEUE_PREFIX: `kassa-two-${randomBytes(4).toString('hex')}` };
      a = await startTestApp({ ...common, ...shared });
      const url = String(a.app.get(MikroORM).config.get('clientUrl'));
      b = await startTestApp(
        { ...common, ...shared, KASSA_WORKERS: 'false', DATABASE_URL: url, DATABASE_POOL_SIZE: '2', REDIS_URL: String(realRedisUrl) },
        { env: {}, drop: async () => undefined },
      );
    }
  });
  afterAll(async () => {
    for (const client of open.splice(0)) client.close();
    await b?.close();
    await a?.close();
    await database?.drop();
  });

  it('delivers a job for an order paid on instance A to a station connected to instance B', async () => {
    const owner = await a.login();
    const storeId = await demoStoreId(a.http);
    await openAllDay(a.http, owner, storeId);
    const bun = await product(a.http, owner, { nameSv: 'Kanelbulle' });
    const station = await createStation(a.http, owner, storeId);
    const printer = await createPrinter(a.http, owner, { stationId: station.id, roles: ['receipt'] });

    const agent = await FakeStation.connect(b.baseUrl, { token: station.token });
    open.push(agent);
    const board = await FakeStation.connect(b.baseUrl, { jwt: (await b.login()).slice('Bearer '.length), storeId });
    open.push(board);
    expect(await agent.resume({})).toEqual({ replayed: 0, held: 0 });

    const order = await placeOrder(a.http, storeId, [{ productId: bun.id, quantity: 1 }]);
    await pay(a.http, order);
    const [job] = await eventually(() => agent.jobs.filter((j) => j.orderId === order.id), (jobs) => jobs.length === 1, 15_000);
    expect(job).toMatchObject({ printerId: printer.id, kind: 'receipt', sequence: 1 });
    expect(await agent.ack(job.id)).toEqual({ ok: true });
    await eventually(() => board.orders.filter((e) => e.orderId === order.id).map((e) => e.type), (types) => types.includes('OrderPaid'), 15_000);

    // Rotating the token on A closes the station's socket on B at once.
    await expectStatus('rotate', a.http.post(`/api/v1/admin/stations/${station.id}/rotate-token`).set('Authorization', owner), 200);
    await eventually(() => agent.disconnects, (n) => n === 1, 5_000);
  });
});
