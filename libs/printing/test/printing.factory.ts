import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';
import type TestAgent from 'supertest/lib/agent';

export { openAllDay } from '../../../test/support/fixtures';

let counter = 0;
const next = () => (counter += 1);

export async function expectStatus<T>(label: string, promise: PromiseLike<{ status: number; body: unknown }>, status: number): Promise<T> {
  const response = await promise;
  if (response.status !== status) throw new Error(`${label}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

export async function eventually<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function category(http: TestAgent, auth: string, nameSv: string): Promise<{ id: string }> {
  return expectStatus('category', http.post('/api/v1/admin/categories').set('Authorization', auth).send({ nameSv, nameEn: nameSv }), 201);
}

export function product(http: TestAgent, auth: string, input: { nameSv: string; categoryId?: string; price?: number; vatRate?: number }): Promise<{ id: string }> {
  return expectStatus(
    'product',
    http
      .post('/api/v1/admin/products')
      .set('Authorization', auth)
      .send({
        sku: `PRN-${next()}-${randomUUID().slice(0, 6)}`,
        nameSv: input.nameSv,
        nameEn: `${input.nameSv} (en)`,
        price: input.price ?? 3500,
        vatRate: input.vatRate ?? 12,
        categoryId: input.categoryId ?? null,
        stock: { mode: 'untracked' },
      }),
    201,
  );
}

export interface PlacedOrder {
  id: string;
  number: string;
  token: string;
  payment: { id: string };
}

export async function placeOrder(
  http: TestAgent,
  storeId: string,
  items: Array<{ productId: string; quantity: number; note?: string }>,
  overrides: { method?: string; locale?: string; name?: string } = {},
): Promise<PlacedOrder> {
  return expectStatus(
    'checkout',
    http
      .post('/api/v1/orders')
      .set('Idempotency-Key', randomUUID())
      .send({
        storeId,
        items,
        pickup: { asap: true },
        customer: { name: overrides.name ?? 'Åsa Öberg', email: 'asa@example.se' },
        payment: { method: overrides.method ?? 'test' },
        locale: overrides.locale ?? 'sv',
      }),
    201,
  );
}

export function pay(http: TestAgent, order: PlacedOrder): Promise<unknown> {
  return expectStatus('approve payment', http.post(`/api/v1/payments/test/${order.payment.id}/approve`), 200);
}

export interface StationRecord {
  id: string;
  storeId: string;
  name: string;
  token: string;
  tokenHint: string;
}

export function createStation(http: TestAgent, auth: string, storeId: string, name = `Station ${next()}`): Promise<StationRecord> {
  return expectStatus('station', http.post('/api/v1/admin/stations').set('Authorization', auth).send({ storeId, name }), 201);
}

export interface PrinterRecord {
  id: string;
  storeId: string;
  stationId: string | null;
  name: string;
  roles: string[];
  categoryIds: string[];
  columns: number;
  online: boolean;
  lastError: string | null;
  queueLength: number;
}

export function createPrinter(http: TestAgent, auth: string, body: Record<string, unknown>): Promise<PrinterRecord> {
  return expectStatus('printer', http.post('/api/v1/admin/printers').set('Authorization', auth).send({ name: `Skrivare ${next()}`, ...body }), 201);
}

export interface JobMessage {
  id: string;
  printerId: string;
  sequence: number;
  kind: string;
  copy: boolean;
  orderId: string | null;
  orderNumber: string | null;
  createdAt: string;
  bytes: string;
}

export interface Welcome {
  stationId: string;
  storeId: string;
  storeName: string;
  printers: Array<{ id: string; name: string; roles: string[]; columns: number; language: string; codepage: string; cashDrawer: boolean }>;
}

/** A station agent in a test: collects what the server sends and answers with acknowledgements. */
export class FakeStation {
  readonly jobs: JobMessage[] = [];
  readonly orders: Array<Record<string, unknown>> = [];
  readonly statuses: Array<Record<string, unknown>> = [];
  readonly welcomes: Welcome[] = [];
  disconnects = 0;

  private constructor(readonly socket: Socket) {
    socket.on('job', (job: JobMessage) => this.jobs.push(job));
    socket.on('order', (event: Record<string, unknown>) => this.orders.push(event));
    socket.on('printer-status', (event: Record<string, unknown>) => this.statuses.push({ event: 'printer-status', ...event }));
    socket.on('station-status', (event: Record<string, unknown>) => this.statuses.push({ event: 'station-status', ...event }));
    socket.on('welcome', (welcome: Welcome) => this.welcomes.push(welcome));
    socket.on('disconnect', () => (this.disconnects += 1));
  }

  /** Connects with a device token (or staff credentials) and waits for `welcome` (stations) or `connect` (boards). */
  static async connect(baseUrl: string, auth: Record<string, unknown>): Promise<FakeStation> {
    const socket = io(`${baseUrl}/stations`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    const station = new FakeStation(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error: Error) => reject(error));
    });
    if (typeof auth.token === 'string') await eventually(() => station.welcomes.length, (n) => n > 0);
    return station;
  }

  /** The handshake's refusal message, or null when it was accepted. */
  static async refusal(baseUrl: string, auth: Record<string, unknown>): Promise<string | null> {
    const socket = io(`${baseUrl}/stations`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    try {
      return await new Promise<string | null>((resolve) => {
        socket.once('connect', () => resolve(null));
        socket.once('connect_error', (error: Error) => resolve(error.message));
      });
    } finally {
      socket.close();
    }
  }

  request<T>(event: string, body: unknown): Promise<T> {
    return this.socket.timeout(10_000).emitWithAck(event, body) as Promise<T>;
  }

  resume(printers: Record<string, number>): Promise<{ replayed: number; held: number }> {
    return this.request('resume', { printers });
  }

  ack(jobId: string, status: 'printed' | 'failed' = 'printed', error?: string): Promise<{ ok: boolean }> {
    return this.request('ack', { jobId, status, ...(error ? { error } : {}) });
  }

  jobsFor(printerId: string): JobMessage[] {
    return this.jobs.filter((j) => j.printerId === printerId);
  }

  close(): void {
    this.socket.close();
  }
}
