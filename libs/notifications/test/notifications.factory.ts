import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type TestAgent from 'supertest/lib/agent';
import { NotificationsClock } from '@kassa/notifications';
import type { TestApp } from '../../../test/support/test-app';
import { allParts, parseMime } from './mime';

export { openAllDay } from '../../../test/support/fixtures';

/** Polls until `done` holds (or the time is up) and returns the last value. */
export async function eventually<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

// ——— SMTP on loopback ———

export interface ReceivedMail {
  readonly envelopeFrom: string;
  readonly envelopeTo: string[];
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly messageId: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: Array<{ contentType: string; cid: string | null; content: Buffer }>;
}

export interface SmtpSink {
  readonly url: string;
  readonly mails: ReceivedMail[];
  /** Answer RCPT TO for this address with a 550 (mailbox does not exist). */
  rejectRecipient(address: string): void;
  /** Answer the next `n` messages to this address with a 451 (try again later); mail to others goes through. */
  deferNext(n: number, address: string): void;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const rejected = new Set<string>();
  const deferrals = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (rejected.has(address.address)) {
        const error = Object.assign(new Error(`No such user: ${address.address}`), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const deferredTo = session.envelope.rcptTo.map((r) => r.address).find((address) => (deferrals.get(address) ?? 0) > 0);
        if (deferredTo !== undefined) {
          deferrals.set(deferredTo, (deferrals.get(deferredTo) ?? 0) - 1);
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        const root = parseMime(Buffer.concat(chunks));
        const parts = allParts(root);
        const body = (type: string) => parts.find((p) => p.contentType === type && !p.headers.has('content-id'))?.body.toString('utf8') ?? '';
        mails.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          from: root.headers.get('from') ?? '',
          to: root.headers.get('to') ?? '',
          subject: root.headers.get('subject') ?? '',
          messageId: root.headers.get('message-id') ?? '',
          text: body('text/plain'),
          html: body('text/html'),
          attachments: parts
            .filter((p) => p.headers.has('content-id') || /attachment|inline/i.test(p.headers.get('content-disposition') ?? ''))
            .map((p) => ({ contentType: p.contentType, cid: p.headers.get('content-id')?.replace(/^<|>$/g, '') ?? null, content: p.body })),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    rejectRecipient: (address) => rejected.add(address),
    deferNext: (n, address) => {
      deferrals.set(address, n);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ——— SMS gateways on loopback ———

export interface SmsRequest {
  readonly provider: '46elks' | 'twilio';
  readonly path: string;
  readonly user: string;
  readonly password: string;
  readonly form: Record<string, string>;
}

export interface SmsGateway {
  readonly baseUrl: string;
  /** Requests that were answered with success (what the customer would get). */
  readonly delivered: SmsRequest[];
  readonly requests: SmsRequest[];
  /** The next answers, before the default success. */
  script(...answers: Array<{ status: number; body: unknown }>): void;
  close(): Promise<void>;
}

/** One HTTP server speaking both the 46elks and the Twilio SMS APIs. */
export async function startSmsGateway(): Promise<SmsGateway> {
  const requests: SmsRequest[] = [];
  const delivered: SmsRequest[] = [];
  const scripted: Array<{ status: number; body: unknown }> = [];
  let counter = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const [user, password] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8').split(':');
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const path = req.url ?? '';
      const provider = path === '/a1/sms' ? '46elks' : /^\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/.test(path) ? 'twilio' : null;
      if (req.method !== 'POST' || !provider) {
        res.writeHead(404).end('Not found');
        return;
      }
      const request = { provider, path, user, password, form } as const;
      requests.push(request);
      const answer = scripted.shift();
      if (answer) {
        res.writeHead(answer.status, { 'Content-Type': typeof answer.body === 'string' ? 'text/plain' : 'application/json' });
        res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
        return;
      }
      counter += 1;
      delivered.push(request);
      if (provider === '46elks') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: `s${counter}elks`, status: 'created', from: form.from, to: form.to, message: form.message, parts: 1 }));
      } else {
        res.writeHead(201, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ sid: `SM${String(counter).padStart(32, '0')}`, status: 'queued', from: form.From, to: form.To, body: form.Body }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    delivered,
    requests,
    script: (...answers) => scripted.push(...answers),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ——— a clock the test moves ———

export interface FakeClock {
  now(): Date;
  set(at: Date | number): void;
  advance(ms: number): void;
}

/** Replaces "now" of the notifications lib in these apps (all of them see the same time). */
export function fakeClock(apps: readonly TestApp[], start: Date | number = Date.now()): FakeClock {
  let now = new Date(start).getTime();
  for (const app of apps) jest.spyOn(app.app.get(NotificationsClock), 'now').mockImplementation(() => new Date(now));
  return {
    now: () => new Date(now),
    set: (at) => {
      now = new Date(at).getTime();
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

// ——— orders over HTTP ———

async function expectStatus<T>(label: string, promise: PromiseLike<{ status: number; body: unknown }>, status: number): Promise<T> {
  const response = await promise;
  if (response.status !== status) throw new Error(`${label}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

/** A product sold online with untracked stock. */
export async function product(http: TestAgent, auth: string, input: { nameSv: string; nameEn: string; price: number; modifierGroupIds?: string[] }): Promise<{ id: string }> {
  return expectStatus(
    'create product',
    http
      .post('/api/v1/admin/products')
      .set('Authorization', auth)
      .send({ sku: `NOT-${randomUUID().slice(0, 8)}`, nameSv: input.nameSv, nameEn: input.nameEn, price: input.price, vatRate: 12, prepMinutes: 0, modifierGroupIds: input.modifierGroupIds ?? [] }),
    201,
  );
}

/** A modifier group the customer picks exactly one option of. */
export async function modifierGroup(
  http: TestAgent,
  auth: string,
  input: { nameSv: string; nameEn: string; options: Array<{ nameSv: string; nameEn: string; priceDelta: number }> },
): Promise<{ id: string; options: Array<{ id: string; nameSv: string }> }> {
  return expectStatus('create modifier group', http.post('/api/v1/admin/modifier-groups').set('Authorization', auth).send({ ...input, minSelections: 1, maxSelections: 1 }), 201);
}

/** The first free slot starting at least `minutes` from now. */
export async function slotFrom(http: TestAgent, storeId: string, minutes = 0): Promise<{ start: string; end: string }> {
  const earliest = Date.now() + minutes * 60_000;
  const listing = await expectStatus<{ slots: Array<{ start: string; end: string; available: boolean }> }>(
    'pickup slots',
    http.get(`/api/v1/stores/${storeId}/pickup-slots`).query({ days: 2 }),
    200,
  );
  const slot = listing.slots.find((s) => s.available && Date.parse(s.start) >= earliest);
  if (!slot) throw new Error(`no free slot ${minutes} minutes ahead`);
  return slot;
}

export interface PlacedOrder {
  readonly id: string;
  readonly token: string;
  readonly number: string;
  readonly pickup: { start: string; end: string };
  readonly payment: { id: string } | null;
}

export interface OrderInput {
  readonly storeId: string;
  readonly items: Array<{ productId: string; quantity: number; note?: string; modifierOptionIds?: string[] }>;
  readonly slotStart?: string;
  readonly customer?: { name: string; email?: string; phone?: string };
  readonly locale?: 'sv' | 'en';
  readonly payment?: 'test' | 'in_store';
}

export async function placeOrder(http: TestAgent, input: OrderInput): Promise<PlacedOrder> {
  return expectStatus<PlacedOrder>(
    'checkout',
    http
      .post('/api/v1/orders')
      .set('Idempotency-Key', randomUUID())
      .send({
        storeId: input.storeId,
        items: input.items,
        pickup: input.slotStart ? { slotStart: input.slotStart } : { asap: true },
        customer: input.customer ?? { name: 'Åsa Öberg', email: 'asa@example.se', phone: '070-123 45 67' },
        payment: { method: input.payment ?? 'test' },
        locale: input.locale ?? 'sv',
      }),
    201,
  );
}

/** Places an order and approves its test payment: OrderPaid follows. */
export async function placePaidOrder(http: TestAgent, input: OrderInput): Promise<PlacedOrder> {
  const order = await placeOrder(http, input);
  if (order.payment) await expectStatus('approve', http.post(`/api/v1/payments/test/${order.payment.id}/approve`), 200);
  return order;
}

export interface LogRow {
  id: string;
  orderId: string | null;
  kind: string;
  channel: string;
  status: string;
  recipient: string;
  attempts: number;
  provider: string | null;
  providerMessageId: string | null;
  error: string | null;
  scheduledFor: string | null;
  subject: string | null;
  sentAt: string | null;
}

/** The notification log rows of an order, as the admin lists them. */
export async function notificationsOf(http: TestAgent, auth: string, orderId: string): Promise<LogRow[]> {
  return expectStatus<LogRow[]>(
    'notifications',
    http.get('/api/v1/admin/notifications').query({ filter: JSON.stringify({ orderId }), sort: JSON.stringify(['createdAt', 'ASC']), range: '[0,99]' }).set('Authorization', auth),
    200,
  );
}
