import { MikroORM } from '@mikro-orm/core';
import { systemEntityManager } from '@kassa/platform';
import { createStore, createUser, demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { decodeEscPos } from './escpos-decode';
import { createPrinter, createStation, eventually, expectStatus, FakeStation, openAllDay, pay, placeOrder, PrinterRecord, product, sleep, StationRecord } from './printing.factory';

interface JobRow {
  id: string;
  printerId: string;
  orderId: string | null;
  sequence: number;
  status: string;
  attempts: number;
  error: string | null;
}

/** The /stations namespace as a station agent and a staff board meet it. */
describe('the stations gateway', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let station: StationRecord;
  let receipt: PrinterRecord;
  let kitchen: PrinterRecord;
  let bun: { id: string };
  const open: FakeStation[] = [];

  const connect = async (auth: Record<string, unknown>) => {
    const client = await FakeStation.connect(kassa.baseUrl, auth);
    open.push(client);
    return client;
  };
  const jobsOf = (filter: Record<string, unknown>): Promise<JobRow[]> =>
    expectStatus('jobs', kassa.http.get('/api/v1/admin/print-jobs').query({ filter: JSON.stringify(filter), range: '[0,499]', sort: '["sequence","ASC"]' }).set('Authorization', owner), 200);
  const paidOrder = async () => {
    const order = await placeOrder(kassa.http, storeId, [{ productId: bun.id, quantity: 1 }]);
    await pay(kassa.http, order);
    return order;
  };

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true' });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId);
    bun = await product(kassa.http, owner, { nameSv: 'Kanelbulle' });
    station = await createStation(kassa.http, owner, storeId, 'Disken');
    receipt = await createPrinter(kassa.http, owner, { stationId: station.id, name: 'Kvitto', roles: ['receipt'], paperWidth: 58 });
    kitchen = await createPrinter(kassa.http, owner, { stationId: station.id, name: 'Köket', roles: ['kitchen'], codepage: 'cp858' });
  });
  afterEach(() => {
    for (const client of open.splice(0)) client.close();
  });
  afterAll(() => kassa.close());

  it('refuses wrong, malformed and missing tokens at the handshake, and staff of another store', async () => {
    expect(await FakeStation.refusal(kassa.baseUrl, { token: `kst_${'A'.repeat(43)}` })).toBe('STATION_TOKEN_INVALID');
    expect(await FakeStation.refusal(kassa.baseUrl, { token: 'not-a-token' })).toBe('STATION_TOKEN_INVALID');
    expect(await FakeStation.refusal(kassa.baseUrl, {})).toBe('STATION_TOKEN_INVALID');
    expect(await FakeStation.refusal(kassa.baseUrl, { jwt: 'a.b.c', storeId })).toBe('STAFF_TOKEN_INVALID');
    const other = await createStore(kassa.http, owner, { name: 'Filialen' });
    const manager = await createUser(kassa.http, owner, { email: 'manager.filial@example.com', role: 'manager', storeIds: [other.id] });
    const jwt = (await kassa.login(manager.email, manager.password)).slice('Bearer '.length);
    expect(await FakeStation.refusal(kassa.baseUrl, { jwt, storeId })).toBe('STORE_NOT_ALLOWED');
    expect(await FakeStation.refusal(kassa.baseUrl, { jwt, storeId: other.id })).toBeNull();
    expect(await FakeStation.refusal(kassa.baseUrl, { token: station.token })).toBeNull();
  });

  it('welcomes a station with its store and printers, and shows it connected', async () => {
    const agent = await connect({ token: station.token });
    expect(agent.welcomes[0]).toEqual({
      stationId: station.id,
      storeId,
      storeName: 'Kassa Demo Café',
      printers: [
        { id: receipt.id, name: 'Kvitto', roles: ['receipt'], columns: 32, language: 'escpos', codepage: 'cp865', cashDrawer: false },
        { id: kitchen.id, name: 'Köket', roles: ['kitchen'], columns: 48, language: 'escpos', codepage: 'cp858', cashDrawer: false },
      ],
    });
    const shown = await expectStatus<{ connected: boolean; lastSeenAt: string | null; tokenHint: string }>('station', kassa.http.get(`/api/v1/admin/stations/${station.id}`).set('Authorization', owner), 200);
    expect(shown).toMatchObject({ connected: true, lastSeenAt: expect.any(String), tokenHint: station.token.slice(-4) });
    agent.close();
    await eventually(async () => (await expectStatus<{ connected: boolean }>('station', kassa.http.get(`/api/v1/admin/stations/${station.id}`).set('Authorization', owner), 200)).connected, (c) => !c);
  });

  it('replays what a station missed, in order per printer, and marks what it printed before a crash', async () => {
    const orders = [await paidOrder(), await paidOrder(), await paidOrder()];
    await eventually(() => jobsOf({ printerId: [receipt.id, kitchen.id] }), (jobs) => jobs.filter((j) => orders.some((o) => o.id === j.orderId)).length === 6);

    const agent = await connect({ token: station.token });
    const first = await agent.resume({});
    expect(first).toEqual({ replayed: expect.any(Number), held: 0 });
    const sent = await jobsOf({ printerId: [receipt.id] });
    expect(agent.jobsFor(receipt.id).map((j) => j.sequence)).toEqual(sent.map((j) => j.sequence));
    expect(agent.jobsFor(kitchen.id).map((j) => j.sequence)).toEqual([...agent.jobsFor(kitchen.id).map((j) => j.sequence)].sort((a, b) => a - b));
    expect(agent.jobsFor(receipt.id).slice(-3).map((j) => j.orderId)).toEqual(orders.map((o) => o.id));
    const job = agent.jobsFor(receipt.id)[0];
    expect(job).toEqual({ id: expect.any(String), printerId: receipt.id, sequence: 1, kind: 'receipt', copy: false, orderId: expect.any(String), orderNumber: expect.stringMatching(/^[A-Z]-\d{3}$/), createdAt: expect.any(String), bytes: expect.any(String) });
    expect(decodeEscPos(Buffer.from(job.bytes, 'base64')).lines).toContain('Kund: Åsa Öberg');

    // The agent printed receipt 1 and 2 and kitchen 1..3, acknowledged only receipt 1, then crashed.
    await agent.ack(agent.jobsFor(receipt.id)[0].id);
    agent.close();
    const later = await paidOrder();
    await eventually(() => jobsOf({ orderId: later.id }), (jobs) => jobs.length === 2);

    const back = await connect({ token: station.token });
    const last = { receipt: 2, kitchen: 3 };
    const answer = await back.resume({ [receipt.id]: last.receipt, [kitchen.id]: last.kitchen });
    const receiptTotal = sent.length + 1;
    const kitchenTotal = (await jobsOf({ printerId: [kitchen.id] })).length;
    expect(answer).toEqual({ replayed: receiptTotal - last.receipt + (kitchenTotal - last.kitchen), held: 0 });
    expect(back.jobsFor(receipt.id).map((j) => j.sequence)).toEqual(Array.from({ length: receiptTotal - last.receipt }, (_, i) => last.receipt + 1 + i));
    expect(back.jobsFor(kitchen.id).map((j) => j.sequence)).toEqual(Array.from({ length: kitchenTotal - last.kitchen }, (_, i) => last.kitchen + 1 + i));
    const statuses = (await jobsOf({ printerId: [receipt.id] })).map((j) => [j.sequence, j.status]);
    expect(statuses.slice(0, 3)).toEqual([
      [1, 'printed'],
      [2, 'printed'],
      [3, 'sent'],
    ]);
    const printer = await expectStatus<{ online: boolean; queueLength: number }>('printer', kassa.http.get(`/api/v1/admin/printers/${receipt.id}`).set('Authorization', owner), 200);
    expect(printer).toMatchObject({ online: true, queueLength: receiptTotal - last.receipt });

    // Each ack answers the board with the printer's queue after it; a repeated ack changes nothing.
    const receiptStatuses = () => back.statuses.filter((s) => s.event === 'printer-status' && s.printerId === receipt.id);
    const [firstReplayed, ...rest] = back.jobsFor(receipt.id);
    await back.ack(firstReplayed.id);
    await eventually(async () => receiptStatuses().at(-1), (s) => s?.queueLength === rest.length);
    await back.ack(firstReplayed.id);
    await eventually(async () => receiptStatuses().length, (n) => n >= 2);
    expect(receiptStatuses().at(-1)).toEqual({
      event: 'printer-status',
      printerId: receipt.id,
      stationId: station.id,
      storeId,
      name: 'Kvitto',
      online: true,
      lastError: null,
      lastSeenAt: expect.any(String),
      queueLength: rest.length,
    });
    for (const j of [...back.jobs]) await back.ack(j.id);
    await eventually(async () => receiptStatuses().at(-1), (s) => s?.queueLength === 0);
    const emptied = await expectStatus<{ queueLength: number }>('printer', kassa.http.get(`/api/v1/admin/printers/${receipt.id}`).set('Authorization', owner), 200);
    expect(emptied.queueLength).toBe(0);
  });

  it('sends a station nothing before its resume, even when a crashed replica left its printers marked online', async () => {
    const sql = (query: string, params: unknown[]) => systemEntityManager(kassa.app.get(MikroORM)).execute(query, params);
    await eventually(async () => (await expectStatus<{ connected: boolean }>('station', kassa.http.get(`/api/v1/admin/stations/${station.id}`).set('Authorization', owner), 200)).connected, (c) => !c);
    // As a replica killed while the station was connected leaves it: rows say connected and online.
    await sql('update station set connected = true where id = ?', [station.id]);
    await sql('update printer set online = true where station_id = ?', [station.id]);
    const lost = await paidOrder();
    const sentToNobody = await eventually(() => jobsOf({ orderId: lost.id }), (jobs) => jobs.length === 2 && jobs.every((j) => j.status === 'sent'));

    const agent = await connect({ token: station.token });
    // Agents report their printers as they find them, possibly before resuming.
    expect(await agent.request('printer-status', { printerId: receipt.id, online: true })).toEqual({ ok: true });
    expect(await agent.request('printer-status', { printerId: kitchen.id, online: false, error: 'cover open' })).toEqual({ ok: true });
    const during = await paidOrder();
    await eventually(() => jobsOf({ orderId: during.id }), (jobs) => jobs.length === 2);
    await sleep(300);
    expect(agent.jobs).toEqual([]);

    const printed = await jobsOf({ printerId: [receipt.id], status: ['printed'] });
    const last = Math.max(0, ...printed.map((j) => j.sequence));
    await agent.resume({ [receipt.id]: last });
    const replayed = agent.jobsFor(receipt.id);
    expect(replayed.map((j) => j.orderId).slice(-2)).toEqual([lost.id, during.id]);
    expect(replayed.map((j) => j.sequence)).toEqual([...replayed.map((j) => j.sequence)].sort((a, b) => a - b));
    expect(replayed.map((j) => j.id)).toContain(sentToNobody.find((j) => j.printerId === receipt.id)?.id);
    // The printer reported offline stays so through the resume, and gets its jobs when it is back.
    await sleep(200);
    expect(agent.jobsFor(kitchen.id)).toEqual([]);
    expect(await expectStatus('printer', kassa.http.get(`/api/v1/admin/printers/${kitchen.id}`).set('Authorization', owner), 200)).toMatchObject({ online: false, lastError: 'cover open' });
    await agent.request('printer-status', { printerId: kitchen.id, online: true });
    const kitchenJobs = await eventually(() => agent.jobsFor(kitchen.id), (jobs) => jobs.some((j) => j.orderId === during.id));
    expect(kitchenJobs.map((j) => j.sequence)).toEqual([...kitchenJobs.map((j) => j.sequence)].sort((a, b) => a - b));
    for (const j of agent.jobs) await agent.ack(j.id);
  });

  it('sends a failed job again behind later printed ones with a new, higher sequence', async () => {
    const agent = await connect({ token: station.token });
    await agent.resume({});
    const first = await paidOrder();
    const [failing] = await eventually(() => agent.jobs.filter((j) => j.orderId === first.id && j.printerId === receipt.id), (jobs) => jobs.length === 1);
    await agent.ack(failing.id, 'failed', 'jammed');
    const second = await paidOrder();
    const [later] = await eventually(() => agent.jobs.filter((j) => j.orderId === second.id && j.printerId === receipt.id), (jobs) => jobs.length === 1);
    await agent.ack(later.id);
    agent.close();

    const back = await connect({ token: station.token });
    await back.resume({ [receipt.id]: later.sequence });
    const [again] = await eventually(() => back.jobs.filter((j) => j.id === failing.id), (jobs) => jobs.length === 1);
    expect(again.sequence).toBeGreaterThan(later.sequence);
    // Had it come back under its old number, this report would have marked it printed unprinted.
    await back.resume({ [receipt.id]: later.sequence });
    expect((await jobsOf({ id: [failing.id] }))[0].status).toBe('sent');
    for (const j of back.jobs) await back.ack(j.id);
  });

  it('shows the store each printer’s queue with a new order’s jobs, as the admin counts it', async () => {
    const agent = await connect({ token: station.token });
    await agent.resume({});
    for (const j of [...agent.jobs]) await agent.ack(j.id);
    const order = await paidOrder();
    const jobs = await eventually(() => agent.jobs.filter((j) => j.orderId === order.id), (found) => found.length === 2);
    for (const printer of [receipt, kitchen]) {
      const status = await eventually(async () => agent.statuses.filter((s) => s.event === 'printer-status' && s.printerId === printer.id).at(-1), (s) => s?.queueLength === 1);
      expect(status).toEqual({ event: 'printer-status', printerId: printer.id, stationId: station.id, storeId, name: printer.name, online: true, lastError: null, lastSeenAt: expect.any(String), queueLength: 1 });
      const shown = await expectStatus<PrinterRecord>('printer', kassa.http.get(`/api/v1/admin/printers/${printer.id}`).set('Authorization', owner), 200);
      expect(shown).toMatchObject({ online: true, lastError: null, queueLength: 1 });
    }
    for (const j of jobs) await agent.ack(j.id);
  });

  it('pushes a new order’s jobs live after resume; acknowledging twice is fine; a failed job goes again when the printer is back', async () => {
    const agent = await connect({ token: station.token });
    await agent.resume({});
    const order = await paidOrder();
    const [receiptJob] = await eventually(() => agent.jobs.filter((j) => j.orderId === order.id && j.printerId === receipt.id), (jobs) => jobs.length === 1);
    expect(await agent.ack(receiptJob.id)).toEqual({ ok: true });
    expect(await agent.ack(receiptJob.id)).toEqual({ ok: true });
    expect(await agent.ack(receiptJob.id, 'failed', 'late')).toEqual({ ok: true });
    const [printed] = await jobsOf({ id: [receiptJob.id] });
    expect(printed).toMatchObject({ status: 'printed', error: null, attempts: 1 });
    expect(await agent.ack('00000000-0000-4000-8000-000000000000')).toMatchObject({ ok: false, code: 'PRINT_JOB_NOT_FOUND' });
    expect(await agent.request('ack', { jobId: 'x' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });

    const [kitchenJob] = await eventually(() => agent.jobs.filter((j) => j.orderId === order.id && j.printerId === kitchen.id), (jobs) => jobs.length === 1);
    expect(await agent.ack(kitchenJob.id, 'failed', 'paper out')).toEqual({ ok: true });
    expect(await agent.request('printer-status', { printerId: kitchen.id, online: false, error: 'paper out' })).toEqual({ ok: true });
    expect(await jobsOf({ id: [kitchenJob.id] })).toEqual([expect.objectContaining({ status: 'failed', error: 'paper out' })]);
    expect(await expectStatus('printer', kassa.http.get(`/api/v1/admin/printers/${kitchen.id}`).set('Authorization', owner), 200)).toMatchObject({ online: false, lastError: 'paper out' });

    // Offline: a new order's kitchen ticket waits.
    const waiting = await paidOrder();
    await eventually(() => agent.jobs.filter((j) => j.orderId === waiting.id), (jobs) => jobs.length === 1);
    await sleep(300);
    expect(agent.jobs.filter((j) => j.orderId === waiting.id).map((j) => j.printerId)).toEqual([receipt.id]);

    const before = agent.jobsFor(kitchen.id).length;
    expect(await agent.request('printer-status', { printerId: kitchen.id, online: true })).toEqual({ ok: true });
    const again = await eventually(() => agent.jobsFor(kitchen.id).slice(before), (jobs) => jobs.length === 2);
    expect(again.map((j) => j.id)).toEqual([kitchenJob.id, (await jobsOf({ orderId: waiting.id, printerId: [kitchen.id] }))[0].id]);
    expect(agent.statuses).toContainEqual(expect.objectContaining({ event: 'printer-status', printerId: kitchen.id, online: false, lastError: 'paper out' }));
    expect(await agent.request('printer-status', { printerId: '00000000-0000-4000-8000-000000000000', online: true })).toMatchObject({ ok: false, code: 'PRINTER_NOT_FOUND' });
    for (const j of agent.jobs) await agent.ack(j.id);
  });

  it('cuts a station off at once when its token is rotated or revoked, and takes the new token', async () => {
    const agent = await connect({ token: station.token });
    const rotated = await expectStatus<{ token: string }>('rotate', kassa.http.post(`/api/v1/admin/stations/${station.id}/rotate-token`).set('Authorization', owner), 200);
    expect(rotated.token).toMatch(/^kst_[A-Za-z0-9_-]{43}$/);
    await eventually(() => agent.disconnects, (n) => n === 1, 5_000);
    expect(await FakeStation.refusal(kassa.baseUrl, { token: station.token })).toBe('STATION_TOKEN_INVALID');
    const renewed = await connect({ token: rotated.token });
    expect(renewed.welcomes[0].stationId).toBe(station.id);
    const shown = await expectStatus<{ tokenHint: string; revoked: boolean }>('station', kassa.http.get(`/api/v1/admin/stations/${station.id}`).set('Authorization', owner), 200);
    expect(shown).toMatchObject({ tokenHint: rotated.token.slice(-4), revoked: false });

    const revoked = await expectStatus<{ revoked: boolean }>('revoke', kassa.http.post(`/api/v1/admin/stations/${station.id}/revoke`).set('Authorization', owner), 200);
    expect(revoked.revoked).toBe(true);
    await eventually(() => renewed.disconnects, (n) => n === 1, 5_000);
    expect(await FakeStation.refusal(kassa.baseUrl, { token: rotated.token })).toBe('STATION_TOKEN_INVALID');
    station = { ...station, token: (await expectStatus<{ token: string }>('rotate', kassa.http.post(`/api/v1/admin/stations/${station.id}/rotate-token`).set('Authorization', owner), 200)).token };
  });

  it('lets a station accept, mark ready and hand over an order with the pickup code; a wrong code is counted', async () => {
    const agent = await connect({ token: station.token });
    const order = await paidOrder();
    const act = (body: Record<string, unknown>) => agent.request<{ ok: boolean; status?: string; code?: string }>('order-action', { orderId: order.id, ...body });
    expect(await act({ action: 'accept' })).toEqual({ ok: true, status: 'accepted' });
    expect(await act({ action: 'ready' })).toEqual({ ok: true, status: 'ready' });
    expect(await act({ action: 'ready' })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    const pass = await expectStatus<{ code: string; qr: string }>('pass', kassa.http.get(`/api/v1/orders/${order.id}/pickup-pass`).set('X-Order-Token', order.token), 200);
    const wrong = pass.code === '333333' ? '444444' : '333333';
    expect(await act({ action: 'hand_over', code: wrong })).toMatchObject({ ok: false, code: 'PICKUP_CODE_INVALID' });
    expect(await act({ action: 'hand_over' })).toMatchObject({ ok: false, code: 'PICKUP_CODE_INVALID' });
    expect(await act({ action: 'hand_over', code: pass.code })).toEqual({ ok: true, status: 'picked_up' });
    const detail = await expectStatus<{ pickupCodeFailures: number; timeline: Array<{ to: string; actor: { kind: string; name: string } }> }>(
      'order',
      kassa.http.get(`/api/v1/admin/orders/${order.id}`).set('Authorization', owner),
      200,
    );
    expect(detail.pickupCodeFailures).toBe(1);
    expect(detail.timeline.slice(-3).map((t) => [t.to, t.actor.kind, t.actor.name])).toEqual([
      ['accepted', 'station', 'Disken'],
      ['ready', 'station', 'Disken'],
      ['picked_up', 'station', 'Disken'],
    ]);
    expect(await agent.request('order-action', { orderId: order.id, action: 'cancel' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });

    const elsewhere = await createStore(kassa.http, owner, { name: 'Annanstans' });
    await openAllDay(kassa.http, owner, elsewhere.id);
    const foreign = await placeOrder(kassa.http, elsewhere.id, [{ productId: bun.id, quantity: 1 }]);
    await pay(kassa.http, foreign);
    expect(await agent.request('order-action', { orderId: foreign.id, action: 'accept' })).toMatchObject({ ok: false, code: 'ORDER_NOT_FOUND' });
  });

  it('shows a staff board its store’s order events with enough to draw them, and lets it act as staff', async () => {
    const board = await connect({ jwt: owner.slice('Bearer '.length), storeId });
    const order = await placeOrder(kassa.http, storeId, [{ productId: bun.id, quantity: 2, note: 'Ingen glasyr' }]);
    await pay(kassa.http, order);
    const events = await eventually(() => board.orders.filter((e) => e.orderId === order.id), (e) => e.length === 2);
    expect(events.map((e) => e.type)).toEqual(['OrderPlaced', 'OrderPaid']);
    expect(events[1]).toMatchObject({
      type: 'OrderPaid',
      storeId,
      number: order.number,
      status: 'paid',
      previousStatus: 'pending_payment',
      customer: { name: 'Åsa Öberg' },
      items: [{ name: 'Kanelbulle', quantity: 2, note: 'Ingen glasyr' }],
      total: 7000,
      pickup: { start: expect.any(String), end: expect.any(String), asap: true },
    });
    expect(await board.request('order-action', { orderId: order.id, action: 'accept' })).toEqual({ ok: true, status: 'accepted' });
    await eventually(() => board.orders.filter((e) => e.orderId === order.id), (e) => e.length === 3);
    expect(board.orders.at(-1)).toMatchObject({ type: 'OrderAccepted', actor: { kind: 'staff' } });
    expect(await board.request('resume', { printers: {} })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(board.jobs).toEqual([]);
  });
});
