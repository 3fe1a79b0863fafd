import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import type { Response } from 'supertest';
import { systemEntityManager } from '@kassa/platform';
import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { PrinterWatchJob } from '../src';
import { createStation, eventually, expectStatus, openAllDay, pay, placeOrder, PlacedOrder, product } from './printing.factory';

const STARPRNT = 'application/vnd.star.starprnt';
const MAC = '00:11:62:0a:0b:0c';

interface PollAnswer {
  jobReady: boolean;
  mediaTypes?: string[];
  jobToken?: string;
  deleteMethod?: string;
}

interface PrinterView {
  id: string;
  online: boolean;
  lastError: string | null;
  lastSeenAt: string | null;
  language: string;
  cloudprntTokenHint: string | null;
  cloudprnt?: { token: string; url: string };
}

interface JobRow {
  id: string;
  orderId: string | null;
  sequence: number;
  status: string;
  attempts: number;
  error: string | null;
}

function binary(response: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

/** A Star printer on CloudPRNT, acted out over HTTP: poll, fetch, confirm. */
describe('Star CloudPRNT', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let sandwich: { id: string };
  let printer: PrinterView;
  let path: string;

  const sql = (query: string, params: unknown[]) => systemEntityManager(kassa.app.get(MikroORM)).execute(query, params);
  const admin = (id: string) => expectStatus<PrinterView>('printer', kassa.http.get(`/api/v1/admin/printers/${id}`).set('Authorization', owner), 200);
  const jobsOfPrinter = (): Promise<JobRow[]> =>
    expectStatus(
      'jobs',
      kassa.http.get('/api/v1/admin/print-jobs').query({ filter: JSON.stringify({ printerId: printer.id }), range: '[0,499]', sort: '["sequence","ASC"]' }).set('Authorization', owner),
      200,
    );
  const job = async (id: string) => (await jobsOfPrinter()).find((j) => j.id === id);
  const poll = (statusCode = '200%20OK', url = path) =>
    expectStatus<PollAnswer>('poll', kassa.http.post(url).send({ status: '23 86 00 00 00 00 00 00 00', printerMAC: MAC, statusCode, printingInProgress: false }), 200);
  const fetchJob = (token: string | undefined) =>
    kassa.http
      .get(path)
      .query({ uid: 'kassa-test', type: STARPRNT, mac: MAC, ...(token ? { token } : {}) })
      .buffer(true)
      .parse(binary);
  const confirm = (token: string, code: string) => kassa.http.delete(path).query({ uid: 'kassa-test', mac: MAC, code, token });
  const paidOrder = async (): Promise<PlacedOrder> => {
    const order = await placeOrder(kassa.http, storeId, [{ productId: sandwich.id, quantity: 1 }]);
    await pay(kassa.http, order);
    await eventually(jobsOfPrinter, (jobs) => jobs.some((j) => j.orderId === order.id));
    return order;
  };

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true' });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId);
    sandwich = await product(kassa.http, owner, { nameSv: 'Räksmörgås' });
    printer = await expectStatus<PrinterView>(
      'cloudprnt printer',
      kassa.http.post('/api/v1/admin/printers').set('Authorization', owner).send({ storeId, name: 'Star i disken', roles: ['receipt'], connection: 'cloudprnt', paperWidth: 80, columns: 48 }),
      201,
    );
    path = new URL(printer.cloudprnt?.url ?? 'http://missing').pathname;
  });
  afterAll(() => kassa.close());

  it('hands out its URL once and shows the printer online from its polls', async () => {
    expect(printer.language).toBe('starprnt');
    expect(printer.cloudprnt?.token).toMatch(/^kcp_[A-Za-z0-9_-]{43}$/);
    expect(path).toBe(`/api/v1/cloudprnt/${printer.cloudprnt?.token}`);
    expect(printer.cloudprntTokenHint).toBe(printer.cloudprnt?.token.slice(-4));
    const stored = await admin(printer.id);
    expect(stored.online).toBe(false);
    expect(stored).not.toHaveProperty('cloudprnt');

    expect(await poll()).toEqual({ jobReady: false });
    expect(await admin(printer.id)).toMatchObject({ online: true, lastError: null, lastSeenAt: expect.any(String) });
  });

  it('prints a paid order: poll, fetch the StarPRNT bytes, confirm once', async () => {
    const order = await paidOrder();
    const answer = await poll();
    expect(answer).toMatchObject({ jobReady: true, mediaTypes: [STARPRNT], deleteMethod: 'DELETE', jobToken: expect.any(String) });
    const token = answer.jobToken as string;
    expect((await job(token))?.orderId).toBe(order.id);

    const paper = await fetchJob(token);
    expect(paper.status).toBe(200);
    expect(paper.headers['content-type']).toBe(STARPRNT);
    const bytes = paper.body as Buffer;
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1b, 0x40]));
    expect(bytes.includes(Buffer.from(order.number))).toBe(true);
    // Räksmörgås and Åsa Öberg in cp865, as the printer's codepage table prints them.
    expect(bytes.includes(Buffer.from([0x52, 0x84, 0x6b, 0x73, 0x6d, 0x94, 0x72, 0x67, 0x86, 0x73]))).toBe(true);
    expect(bytes.includes(Buffer.from([0x8f, 0x73, 0x61, 0x20, 0x99, 0x62, 0x65, 0x72, 0x67]))).toBe(true);
    expect(await job(token)).toMatchObject({ status: 'sent', attempts: 1 });
    // Fetching again (a lost response) hands out the same job and counts no new attempt.
    expect((await fetchJob(token)).status).toBe(200);
    expect(await job(token)).toMatchObject({ status: 'sent', attempts: 1 });

    const confirmed = await confirm(token, '200 OK').expect(200);
    expect(confirmed.body).toEqual({ jobId: token, status: 'printed' });
    expect(await poll()).toEqual({ jobReady: false });
    const again = await confirm(token, 'OK').expect(200);
    expect(again.body).toEqual({ jobId: token, status: 'printed' });
    // A late error report about a job already printed changes nothing either.
    await confirm(token, '520 Timeout').expect(200);
    expect(await job(token)).toMatchObject({ status: 'printed', error: null });
  });

  it('keeps a job the printer could not print for a retry, and never skips ahead', async () => {
    await paidOrder();
    await paidOrder();
    const [first, second] = (await jobsOfPrinter()).filter((j) => j.status === 'queued');
    expect(second.sequence).toBeGreaterThan(first.sequence);

    const answer = await poll();
    expect(answer.jobToken).toBe(first.id);
    expect((await fetchJob(second.id)).status).toBe(404);
    expect((await fetchJob(first.id)).status).toBe(200);
    const failed = await confirm(first.id, '520 Timeout').expect(200);
    expect(failed.body).toEqual({ jobId: first.id, status: 'failed' });
    expect(await job(first.id)).toMatchObject({ status: 'failed', error: '520 Timeout' });

    // It backs off before going again, and the job behind it waits meanwhile.
    expect(await poll()).toEqual({ jobReady: false });
    expect((await fetchJob(second.id)).status).toBe(404);
    await sql(`update print_job set sent_at = now() - interval '10 minutes' where id = ?`, [first.id]);
    expect((await poll()).jobToken).toBe(first.id);
    expect((await fetchJob(undefined)).status).toBe(200);
    expect(await job(first.id)).toMatchObject({ status: 'sent', attempts: 2 });
    await confirm(first.id, 'OK').expect(200);

    expect((await poll()).jobToken).toBe(second.id);
    expect((await fetchJob(second.id)).status).toBe(200);
    // Old firmware confirms without a job token: it is about the job handed out.
    const tokenless = await kassa.http.delete(path).query({ mac: MAC, code: '200 OK' }).expect(200);
    expect(tokenless.body).toEqual({ jobId: second.id, status: 'printed' });
    expect(await poll()).toEqual({ jobReady: false });
    expect((await jobsOfPrinter()).every((j) => j.status === 'printed')).toBe(true);
  });

  it('reports paper out as an error, holds the job back, and takes it up when the paper is back', async () => {
    await paidOrder();
    expect(await poll('410%20Out%20of%20paper')).toEqual({ jobReady: false });
    expect(await admin(printer.id)).toMatchObject({ online: false, lastError: '410 Out of paper' });
    const answer = await poll();
    expect(answer.jobReady).toBe(true);
    expect(await admin(printer.id)).toMatchObject({ online: true, lastError: null });
    expect((await fetchJob(answer.jobToken)).status).toBe(200);
    await confirm(answer.jobToken as string, 'OK').expect(200);
  });

  it('shows the printer offline once it stops polling', async () => {
    await poll();
    await sql(`update printer set last_seen_at = now() - interval '5 minutes' where id = ?`, [printer.id]);
    await kassa.app.get(PrinterWatchJob).run();
    expect(await admin(printer.id)).toMatchObject({ online: false });
    await poll();
    expect(await admin(printer.id)).toMatchObject({ online: true, lastError: null });
  });

  it('refuses wrong tokens without telling anything, and a rotated token stops working', async () => {
    const forged = `/api/v1/cloudprnt/kcp_${randomBytes(32).toString('base64url')}`;
    for (const request of [kassa.http.post(forged).send({ statusCode: '200 OK' }), kassa.http.get(forged), kassa.http.delete(forged).query({ code: 'OK' }), kassa.http.post('/api/v1/cloudprnt/nope').send({})]) {
      const response = await request;
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 'CLOUDPRNT_TOKEN_INVALID' });
    }
    await confirm('00000000-0000-4000-8000-000000000000', 'OK').expect(404);
    await confirm('not-a-job', 'OK').expect(404);

    const rotated = await expectStatus<{ token: string; url: string }>('rotate', kassa.http.post(`/api/v1/admin/printers/${printer.id}/rotate-token`).set('Authorization', owner), 200);
    expect(rotated.url.endsWith(`/api/v1/cloudprnt/${rotated.token}`)).toBe(true);
    await kassa.http.post(path).send({ statusCode: '200 OK' }).expect(401);
    path = new URL(rotated.url).pathname;
    expect(await poll()).toEqual({ jobReady: false });

    const station = await createStation(kassa.http, owner, storeId);
    const agentPrinter = await expectStatus<PrinterView>('agent printer', kassa.http.post('/api/v1/admin/printers').set('Authorization', owner).send({ stationId: station.id, name: 'ESC/POS', roles: ['kitchen'] }), 201);
    expect(agentPrinter.cloudprnt).toBeUndefined();
    const refused = await kassa.http.post(`/api/v1/admin/printers/${agentPrinter.id}/rotate-token`).set('Authorization', owner).expect(409);
    expect(refused.body.code).toBe('NOT_CLOUDPRNT');
    const escpos = await kassa.http.post('/api/v1/admin/printers').set('Authorization', owner).send({ storeId, name: 'Fel', roles: ['receipt'], connection: 'cloudprnt', language: 'escpos' }).expect(400);
    expect(escpos.body.details).toEqual([{ field: 'language', reason: 'must be starprnt for a CloudPRNT printer' }]);
  });
});
