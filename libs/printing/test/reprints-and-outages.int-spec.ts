import { MikroORM } from '@mikro-orm/core';
import { OutboxConsumers, systemEntityManager } from '@kassa/platform';
import { createStore } from '../../../test/support/fixtures';
import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { PRINTER_FAILED, PrinterFailedPayload, PrinterWatchJob } from '../src';
import { decodeEscPos } from './escpos-decode';
import { createPrinter, createStation, eventually, expectStatus, FakeStation, openAllDay, pay, placeOrder, PrinterRecord, product, StationRecord } from './printing.factory';

interface JobRow {
  id: string;
  printerId: string;
  orderId: string | null;
  kind: string;
  sequence: number;
  status: string;
  copy: boolean;
  receiptNumber: number | null;
  reroutedFrom: string | null;
}

/** Copies, test pages, long outages, re-routing and the offline alert. */
describe('reprints and outages', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let station: StationRecord;
  let receipt: PrinterRecord;
  let kitchen: PrinterRecord;
  let bun: { id: string };
  const failures: PrinterFailedPayload[] = [];
  const open: FakeStation[] = [];

  const sql = (query: string, params: unknown[]) => systemEntityManager(kassa.app.get(MikroORM)).execute(query, params);
  const jobsOf = (filter: Record<string, unknown>): Promise<JobRow[]> =>
    expectStatus('jobs', kassa.http.get('/api/v1/admin/print-jobs').query({ filter: JSON.stringify(filter), range: '[0,499]', sort: '["sequence","ASC"]' }).set('Authorization', owner), 200);
  const post = (path: string, body: object = {}) => kassa.http.post(`/api/v1/admin${path}`).set('Authorization', owner).send(body);
  const paidOrder = async () => {
    const order = await placeOrder(kassa.http, storeId, [{ productId: bun.id, quantity: 1 }]);
    await pay(kassa.http, order);
    await eventually(() => jobsOf({ orderId: order.id }), (jobs) => jobs.length === 2);
    return order;
  };
  const connect = async () => {
    const agent = await FakeStation.connect(kassa.baseUrl, { token: station.token });
    open.push(agent);
    return agent;
  };

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true' });
    kassa.app.get(OutboxConsumers).register<PrinterFailedPayload>({ name: 'test.printer-failed', eventType: PRINTER_FAILED, handle: async (event) => void failures.push(event.payload) });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId);
    bun = await product(kassa.http, owner, { nameSv: 'Kanelbulle' });
    station = await createStation(kassa.http, owner, storeId, 'Disken');
    receipt = await createPrinter(kassa.http, owner, { stationId: station.id, name: 'Kvitto', roles: ['receipt'], paperWidth: 80, columns: 42 });
    kitchen = await createPrinter(kassa.http, owner, { stationId: station.id, name: 'Köket', roles: ['kitchen'], fallbackPrinterId: receipt.id });
  });
  afterEach(() => {
    for (const agent of open.splice(0)) agent.close();
  });
  afterAll(() => kassa.close());

  it('reprints a receipt once, marked KOPIA with the same receipt number, and kitchen tickets freely', async () => {
    const order = await paidOrder();
    const [original] = await jobsOf({ orderId: order.id, kind: 'receipt' });
    const copy = await expectStatus<JobRow>('reprint', post(`/print-jobs/${original.id}/reprint`), 201);
    expect(copy).toMatchObject({ kind: 'receipt', copy: true, printerId: receipt.id, receiptNumber: original.receiptNumber, orderId: order.id, status: 'queued' });
    const paper = await expectStatus<{ text: string; html: string }>('preview', kassa.http.get(`/api/v1/admin/print-jobs/${copy.id}/preview`).set('Authorization', owner), 200);
    expect(paper.text.split('\n')[0]).toBe('                K O P I A');
    expect(paper.html).toMatch(/<div class="line big" style="font-size:200%;line-height:1.15"><b> +KOPIA<\/b><\/div>/);
    expect(paper.text).toContain(`Kvitto ${original.receiptNumber}`);

    const second = await post(`/print-jobs/${original.id}/reprint`).expect(409);
    expect(second.body).toMatchObject({ code: 'COPY_ALREADY_PRINTED', message: expect.stringContaining('one copy') });
    await post(`/print-jobs/${copy.id}/reprint`).expect(409);

    const [ticket] = await jobsOf({ orderId: order.id, kind: 'kitchen' });
    const copies = [await expectStatus<JobRow>('kitchen copy', post(`/print-jobs/${ticket.id}/reprint`), 201), await expectStatus<JobRow>('kitchen copy', post(`/print-jobs/${ticket.id}/reprint`), 201)];
    expect(copies.map((c) => [c.kind, c.copy, c.sequence])).toEqual([
      ['kitchen', true, ticket.sequence + 1],
      ['kitchen', true, ticket.sequence + 2],
    ]);
    await post('/print-jobs/00000000-0000-4000-8000-000000000000/reprint').expect(404);
  });

  it('prints a test page with å ä ö', async () => {
    const job = await expectStatus<JobRow>('test print', post(`/printers/${receipt.id}/test-print`), 201);
    expect(job).toMatchObject({ kind: 'test', printerId: receipt.id, orderId: null, status: 'queued' });
    const [row] = await sql('select bytes from print_job where id = ?', [job.id]);
    const paper = decodeEscPos((row as { bytes: Buffer }).bytes);
    expect(paper.lines).toContain('Svenska tecken: å ä ö Å Ä Ö');
    expect(paper.lines).toContain('123456789012345678901234567890123456789012');
  });

  it('holds jobs that waited out a long outage until staff release them', async () => {
    const order = await paidOrder();
    await sql(`update print_job set created_at = now() - interval '45 minutes' where order_id = ?`, [order.id]);
    const agent = await connect();
    const answer = await agent.resume({});
    expect(answer.held).toBe(2);
    expect(agent.jobs.filter((j) => j.orderId === order.id)).toEqual([]);
    const held = await jobsOf({ orderId: order.id, status: ['held'] });
    expect(held.map((j) => j.kind).sort()).toEqual(['kitchen', 'receipt']);

    const released = await expectStatus<JobRow>('release', post(`/print-jobs/${held[0].id}/release`), 200);
    expect(released.status).toBe('queued');
    await eventually(() => agent.jobs.filter((j) => j.id === held[0].id), (jobs) => jobs.length === 1);
    expect((await jobsOf({ id: [held[0].id] }))[0].status).toBe('sent');
    const again = await post(`/print-jobs/${held[0].id}/release`).expect(409);
    expect(again.body.code).toBe('JOB_NOT_HELD');

    // A store that waits longer before holding: the same age goes straight out.
    await expectStatus('settings', kassa.http.put(`/api/v1/admin/stores/${storeId}/print-settings`).set('Authorization', owner).send({ holdAfterMinutes: 60 }), 200);
    await sql(`update print_job set status = 'queued' where id = ?`, [held[1].id]);
    agent.close();
    const back = await connect();
    await back.resume({});
    expect(back.jobs.map((j) => j.id)).toContain(held[1].id);
    await expectStatus('settings', kassa.http.put(`/api/v1/admin/stores/${storeId}/print-settings`).set('Authorization', owner).send({ holdAfterMinutes: 30 }), 200);
    for (const job of back.jobs) await back.ack(job.id);
  });

  it('re-routes a job that has not printed to another printer of the store, and refuses the rest', async () => {
    const order = await paidOrder();
    const [ticket] = await jobsOf({ orderId: order.id, kind: 'kitchen' });
    const agent = await connect();
    await agent.resume({});
    const before = (await jobsOf({ printerId: [receipt.id] })).length;
    const moved = await expectStatus<JobRow>('reroute', post(`/print-jobs/${ticket.id}/reroute`, { printerId: receipt.id }), 200);
    expect(moved).toMatchObject({ id: ticket.id, printerId: receipt.id, reroutedFrom: kitchen.id, kind: 'kitchen', sequence: expect.any(Number) });
    expect((await jobsOf({ printerId: [receipt.id] })).length).toBe(before + 1);
    const pushed = await eventually(() => agent.jobs.filter((j) => j.id === ticket.id && j.printerId === receipt.id), (jobs) => jobs.length === 1);
    expect(pushed[0].sequence).toBe(moved.sequence);
    // Laid out again for the 42 columns of its new printer.
    const text = (await expectStatus<{ text: string }>('preview', kassa.http.get(`/api/v1/admin/print-jobs/${ticket.id}/preview`).set('Authorization', owner), 200)).text;
    expect(text).toContain('='.repeat(42));
    expect(text).not.toContain('='.repeat(43));

    await post(`/print-jobs/${ticket.id}/reroute`, { printerId: receipt.id }).expect(422);
    const other = await createStore(kassa.http, owner, { name: 'Grannen' });
    const otherStation = await createStation(kassa.http, owner, other.id);
    const foreign = await createPrinter(kassa.http, owner, { stationId: otherStation.id, roles: ['receipt'] });
    const refused = await post(`/print-jobs/${ticket.id}/reroute`, { printerId: foreign.id }).expect(422);
    expect(refused.body).toMatchObject({ code: 'INVALID_REROUTE', details: [{ field: 'printerId' }] });
    await agent.ack(ticket.id);
    await post(`/print-jobs/${ticket.id}/reroute`, { printerId: kitchen.id }).expect(409);
    await post(`/print-jobs/${ticket.id}/reroute`, { printerId: 'nope' }).expect(400);
    for (const job of agent.jobs) await agent.ack(job.id);
  });

  it('alerts once when a printer stays offline, and moves its waiting jobs to its fallback printer', async () => {
    const agent = await connect();
    await agent.resume({});
    await agent.request('printer-status', { printerId: kitchen.id, online: false, error: 'paper out' });
    const order = await paidOrder();
    const [ticket] = await jobsOf({ orderId: order.id, kind: 'kitchen' });
    expect(ticket.status).toBe('queued');

    await sql(`update printer set offline_since = now() - interval '2 minutes' where id = ?`, [kitchen.id]);
    await kassa.app.get(PrinterWatchJob).run();
    await eventually(() => failures.filter((f) => f.printerId === kitchen.id), (f) => f.length === 1);
    expect(failures.find((f) => f.printerId === kitchen.id)).toEqual({
      printerId: kitchen.id,
      printerName: 'Köket',
      storeId,
      stationId: station.id,
      error: 'paper out',
      offlineSince: expect.any(String),
      queueLength: 0,
      reroutedTo: receipt.id,
    });
    const moved = await eventually(() => agent.jobs.filter((j) => j.id === ticket.id), (jobs) => jobs.length === 1);
    expect(moved[0].printerId).toBe(receipt.id);
    expect(agent.statuses).toContainEqual(expect.objectContaining({ event: 'printer-status', printerId: kitchen.id, online: false, lastError: 'paper out' }));

    await kassa.app.get(PrinterWatchJob).run();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(failures.filter((f) => f.printerId === kitchen.id)).toHaveLength(1);

    // The whole station goes away: its printers are offline, and after a while that is an alert too.
    agent.close();
    await eventually(async () => (await expectStatus<PrinterRecord>('printer', kassa.http.get(`/api/v1/admin/printers/${receipt.id}`).set('Authorization', owner), 200)).online, (online) => !online);
    await sql(`update printer set offline_since = now() - interval '2 minutes' where id = ?`, [receipt.id]);
    await kassa.app.get(PrinterWatchJob).run();
    await eventually(() => failures.filter((f) => f.printerId === receipt.id), (f) => f.length === 1);
    expect(failures.find((f) => f.printerId === receipt.id)).toMatchObject({ error: 'station offline', reroutedTo: null });
    const shown = await expectStatus<PrinterRecord>('printer', kassa.http.get(`/api/v1/admin/printers/${receipt.id}`).set('Authorization', owner), 200);
    expect(shown).toMatchObject({ online: false, lastError: 'station offline' });

    // Back: the error clears, and the next outage alerts again.
    const back = await connect();
    await back.resume({});
    expect(await expectStatus<PrinterRecord>('printer', kassa.http.get(`/api/v1/admin/printers/${receipt.id}`).set('Authorization', owner), 200)).toMatchObject({ online: true, lastError: null });
  });
});
