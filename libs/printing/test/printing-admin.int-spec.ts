import { createStore, createUser, demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { createPrinter, createStation, expectStatus, FakeStation, openAllDay, pay, placeOrder, product, eventually } from './printing.factory';

/** The admin's REST contract for stations, printers, print settings and the job list. */
describe('printing admin API', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let otherStoreId: string;
  let managerOfOther: string;
  let staff: string;

  const as = (auth: string) => ({
    get: (path: string) => kassa.http.get(`/api/v1/admin${path}`).set('Authorization', auth),
    post: (path: string, body: object = {}) => kassa.http.post(`/api/v1/admin${path}`).set('Authorization', auth).send(body),
    put: (path: string, body: object) => kassa.http.put(`/api/v1/admin${path}`).set('Authorization', auth).send(body),
    delete: (path: string) => kassa.http.delete(`/api/v1/admin${path}`).set('Authorization', auth),
  });

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true' });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    otherStoreId = (await createStore(kassa.http, owner, { name: 'Andra butiken' })).id;
    const manager = await createUser(kassa.http, owner, { email: 'manager.andra@example.com', role: 'manager', storeIds: [otherStoreId] });
    managerOfOther = await kassa.login(manager.email, manager.password);
    const member = await createUser(kassa.http, owner, { email: 'staff.print@example.com', role: 'staff', storeIds: [storeId] });
    staff = await kassa.login(member.email, member.password);
  });
  afterAll(() => kassa.close());

  it('registers a station, shows its token once, and lists stations with their printers', async () => {
    const created = await as(owner).post('/stations', { storeId, name: 'Kassan' }).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      storeId,
      name: 'Kassan',
      connected: false,
      lastSeenAt: null,
      tokenHint: created.body.token.slice(-4),
      revoked: false,
      createdAt: expect.any(String),
      printers: [],
      token: expect.stringMatching(/^kst_[A-Za-z0-9_-]{43}$/),
    });
    const printer = await createPrinter(kassa.http, owner, { stationId: created.body.id, name: 'Kvitto', roles: ['receipt'] });
    const shown = await as(owner).get(`/stations/${created.body.id}`).expect(200);
    expect(shown.body).not.toHaveProperty('token');
    expect(shown.body.printers).toEqual([{ id: printer.id, name: 'Kvitto', online: false, lastError: null, queueLength: 0 }]);

    // react-admin sends the whole record back on edit.
    const renamed = await as(owner).put(`/stations/${created.body.id}`, { ...shown.body, name: 'Kassan vid dörren' }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'Kassan vid dörren', storeId });

    const list = await as(owner).get('/stations').query({ filter: JSON.stringify({ storeId }) }).expect(200);
    expect(list.headers['content-range']).toMatch(/^stations 0-\d+\/\d+$/);
    expect(list.body.map((s: { id: string }) => s.id)).toContain(created.body.id);

    await as(staff).post('/stations', { storeId, name: 'Nej' }).expect(403);
    await as(staff).get(`/stations/${created.body.id}`).expect(200);
    await as(managerOfOther).get(`/stations/${created.body.id}`).expect(404);
    await as(managerOfOther).put(`/stations/${created.body.id}`, { name: 12 }).expect(404);
    await as(managerOfOther).post(`/stations/${created.body.id}/rotate-token`).expect(404);
    expect((await as(managerOfOther).get('/stations').expect(200)).body).toEqual([]);
    const foreign = await as(managerOfOther).post('/stations', { storeId, name: 'Intrång' });
    expect(foreign.status).toBe(404);
    const invalid = await as(owner).post('/stations', { storeId: 'x', name: '' }).expect(400);
    expect(invalid.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['name', 'storeId']);
  });

  it('creates printers with sensible defaults and refuses what cannot print', async () => {
    const station = await createStation(kassa.http, owner, storeId);
    const wide = await as(owner).post('/printers', { stationId: station.id, name: 'Bred', roles: ['receipt', 'kitchen'] }).expect(201);
    expect(wide.body).toEqual({
      id: expect.any(String),
      storeId,
      stationId: station.id,
      name: 'Bred',
      roles: ['receipt', 'kitchen'],
      categoryIds: [],
      paperWidth: 80,
      columns: 48,
      language: 'escpos',
      codepage: 'cp865',
      cashDrawer: false,
      connection: 'agent',
      cloudprntTokenHint: null,
      fallbackPrinterId: null,
      online: false,
      lastError: null,
      lastSeenAt: null,
      queueLength: 0,
    });
    const narrow = await as(owner).post('/printers', { stationId: station.id, name: 'Smal', roles: ['kitchen'], paperWidth: 58, fallbackPrinterId: wide.body.id }).expect(201);
    expect(narrow.body).toMatchObject({ columns: 32, fallbackPrinterId: wide.body.id });

    const problems = async (body: object) => (await as(owner).post('/printers', { name: 'X', roles: ['receipt'], ...body }).expect(400)).body.details;
    expect(await problems({ stationId: station.id, paperWidth: 80, columns: 32 })).toEqual([{ field: 'columns', reason: 'must be 48 or 42 for 80 mm paper' }]);
    expect(await problems({ stationId: station.id, language: 'starprnt', codepage: 'cp850' })).toEqual([{ field: 'codepage', reason: 'is not available in starprnt' }]);
    expect(await problems({ storeId })).toEqual(expect.arrayContaining([{ field: 'stationId', reason: 'is required for a printer driven by a station' }]));
    expect(await problems({ stationId: station.id, roles: [] })).toEqual([{ field: 'roles', reason: 'must hold receipt, kitchen or both' }]);
    expect(await problems({ stationId: station.id, roles: ['printer'] })).toEqual([{ field: 'roles', reason: 'must be one of receipt, kitchen' }]);
    const otherStation = await createStation(kassa.http, owner, otherStoreId);
    expect(await problems({ stationId: otherStation.id, fallbackPrinterId: wide.body.id })).toEqual([{ field: 'fallbackPrinterId', reason: 'is not a printer of the same store' }]);
    expect(await problems({ storeId, stationId: otherStation.id })).toEqual([{ field: 'stationId', reason: 'is a station of another store' }]);

    const cloud = await as(owner).post('/printers', { storeId, name: 'Star', roles: ['receipt'], connection: 'cloudprnt', language: 'starprnt' }).expect(201);
    expect(cloud.body).toMatchObject({ stationId: null, connection: 'cloudprnt', storeId });

    const edited = await as(owner).put(`/printers/${narrow.body.id}`, { ...narrow.body, name: 'Bageriet', paperWidth: 80, columns: 42 }).expect(200);
    expect(edited.body).toMatchObject({ name: 'Bageriet', paperWidth: 80, columns: 42 });
    await as(owner).put(`/printers/${narrow.body.id}`, { columns: 32 }).expect(400);
    await as(managerOfOther).put(`/printers/${narrow.body.id}`, { name: 1 }).expect(404);
    await as(staff).put(`/printers/${narrow.body.id}`, { name: 'Nej' }).expect(403);

    const listed = await as(owner).get('/printers').query({ filter: JSON.stringify({ stationId: station.id }), sort: '["name","ASC"]' }).expect(200);
    expect(listed.body.map((p: { name: string }) => p.name)).toEqual(['Bageriet', 'Bred']);

    // A printer with jobs left to print stays until they are re-routed or printed.
    await expectStatus('test print', as(owner).post(`/printers/${wide.body.id}/test-print`), 201);
    const refused = await as(owner).delete(`/printers/${wide.body.id}`).expect(409);
    expect(refused.body.code).toBe('PRINTER_HAS_JOBS');
    const removed = await as(owner).delete(`/printers/${narrow.body.id}`).expect(200);
    expect(removed.body.id).toBe(narrow.body.id);
    await as(owner).get(`/printers/${narrow.body.id}`).expect(404);
  });

  it('tells a connected station its printers again when they change', async () => {
    const station = await createStation(kassa.http, owner, storeId);
    const agent = await FakeStation.connect(kassa.baseUrl, { token: station.token });
    try {
      expect(agent.welcomes[0].printers).toEqual([]);
      const printer = await createPrinter(kassa.http, owner, { stationId: station.id, name: 'Ny', roles: ['receipt'] });
      const welcome = await eventually(() => agent.welcomes, (w) => w.length === 2);
      expect(welcome[1].printers.map((p) => p.id)).toEqual([printer.id]);
    } finally {
      agent.close();
    }
  });

  it('keeps print settings per store, and the footer ends up on the receipt', async () => {
    expect((await as(owner).get(`/stores/${storeId}/print-settings`).expect(200)).body).toEqual({ receiptFooter: '', holdAfterMinutes: 30 });
    const saved = await as(owner).put(`/stores/${storeId}/print-settings`, { receiptFooter: 'Välkommen åter!', holdAfterMinutes: 45 }).expect(200);
    expect(saved.body).toEqual({ receiptFooter: 'Välkommen åter!', holdAfterMinutes: 45 });
    expect((await as(staff).get(`/stores/${storeId}/print-settings`).expect(200)).body).toEqual({ receiptFooter: 'Välkommen åter!', holdAfterMinutes: 45 });
    const bad = await as(owner).put(`/stores/${storeId}/print-settings`, { holdAfterMinutes: 0, receiptFooter: 5 }).expect(400);
    expect([...new Set(bad.body.details.map((d: { field: string }) => d.field))].sort()).toEqual(['holdAfterMinutes', 'receiptFooter']);
    await as(managerOfOther).get(`/stores/${storeId}/print-settings`).expect(404);
    await as(managerOfOther).put(`/stores/${storeId}/print-settings`, { holdAfterMinutes: 'x' }).expect(404);
    await as(staff).put(`/stores/${storeId}/print-settings`, { holdAfterMinutes: 10 }).expect(403);

    await openAllDay(kassa.http, owner, storeId);
    const bun = await product(kassa.http, owner, { nameSv: 'Semla' });
    const order = await placeOrder(kassa.http, storeId, [{ productId: bun.id, quantity: 1 }]);
    await pay(kassa.http, order);
    const [job] = await eventually(
      async () => (await as(owner).get('/print-jobs').query({ filter: JSON.stringify({ orderId: order.id, kind: 'receipt' }) }).expect(200)).body as Array<{ id: string }>,
      (jobs) => jobs.length > 0,
    );
    expect((await as(owner).get(`/print-jobs/${job.id}/preview`).expect(200)).body.text).toContain('Välkommen åter!');
  });

  it('lists print jobs newest first with the contract’s fields, and names bad filters', async () => {
    const page = await as(owner).get('/print-jobs').expect(200);
    expect(page.headers['content-range']).toMatch(/^print-jobs 0-\d+\/\d+$/);
    const jobs = page.body as Array<Record<string, unknown>>;
    expect(jobs.length).toBeGreaterThan(1);
    expect(Object.keys(jobs[0]).sort()).toEqual(
      ['id', 'storeId', 'printerId', 'printerName', 'orderId', 'orderNumber', 'kind', 'sequence', 'status', 'attempts', 'copy', 'createdAt', 'sentAt', 'printedAt', 'error', 'receiptNumber', 'reroutedFrom'].sort(),
    );
    const times = jobs.map((j) => Date.parse(String(j.createdAt)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const bad = await as(owner).get('/print-jobs').query({ filter: JSON.stringify({ status: ['lost'], kind: 'poster' }) }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['filter.status', 'filter.kind']);
    expect((await as(managerOfOther).get('/print-jobs').expect(200)).body).toEqual([]);
    await as(managerOfOther).get(`/print-jobs/${String(jobs[0].id)}`).expect(404);
    await as(managerOfOther).get(`/print-jobs/${String(jobs[0].id)}/preview`).expect(404);
    await as(managerOfOther).post(`/print-jobs/${String(jobs[0].id)}/reroute`, { printerId: 5 }).expect(404);
  });
});
