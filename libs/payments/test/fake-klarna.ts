import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeProviderServer } from './fake-provider-server';

export const KLARNA_USERNAME = 'PK_kassa_test';
export const KLARNA_PASSWORD = 'klarna-fake-password';

export interface FakeSession {
  session_id: string;
  client_token: string;
  purchase_country: string;
  purchase_currency: string;
  locale: string;
  order_amount: number;
  order_tax_amount: number;
  order_lines: Array<Record<string, unknown>>;
  /** The tokens the widget handed out for this session. */
  tokens: string[];
}

export interface FakeOrder {
  order_id: string;
  status: 'AUTHORIZED' | 'PART_CAPTURED' | 'CAPTURED' | 'CANCELLED';
  order_amount: number;
  captured_amount: number;
  refunded_amount: number;
  order_lines: Array<Record<string, unknown>>;
  fraud_status: string;
  captures: Array<Record<string, unknown>>;
  refunds: Array<Record<string, unknown>>;
}

export interface SeenCall {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown> | null;
  readonly idempotencyKey: string | undefined;
}

export type Failure = 'server_error' | 'timeout' | 'bad_request';

/**
 * A local stand-in for Klarna Payments (sessions, authorizations → order) and Order Management
 * (read, capture, refund, cancel) with Basic auth, Klarna-Idempotency-Key and failures on demand.
 */
export class FakeKlarna extends FakeProviderServer<Failure> {
  readonly sessions = new Map<string, FakeSession>();
  readonly orders = new Map<string, FakeOrder>();
  readonly calls: SeenCall[] = [];
  /** The fraud status the next orders get. */
  fraudStatus = 'ACCEPTED';

  /** What points the api at this server; Klarna captures at `captureOn`. */
  env(captureOn: 'accept' | 'handover' = 'handover'): Record<string, string> {
    return { KLARNA_API_URL: this.url, KLARNA_USERNAME, KLARNA_PASSWORD, KLARNA_CAPTURE_ON: captureOn };
  }
  private readonly replies = new Map<string, { status: number; headers: Record<string, string>; body: unknown }>();

  /** The customer authorized in the widget; this is the token the storefront gets back. */
  authorize(sessionId: string): string {
    const token = randomUUID();
    this.session(sessionId).tokens.push(token);
    return token;
  }

  session(id: string): FakeSession {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`no session ${id}`);
    return session;
  }

  order(id: string): FakeOrder {
    const order = this.orders.get(id);
    if (!order) throw new Error(`no order ${id}`);
    return order;
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    const path = (req.url ?? '').split('?')[0];
    const idempotencyKey = req.headers['klarna-idempotency-key'] as string | undefined;
    this.calls.push({ method: req.method ?? '', path, body, idempotencyKey });

    const failure = this.failureFor(path);
    if (failure === 'timeout') {
      this.hang(res);
      return;
    }
    if (failure === 'server_error') return this.send(res, 503, {}, { error_code: 'SERVICE_UNAVAILABLE', error_messages: ['Try later'], correlation_id: randomUUID() });
    if (failure === 'bad_request') return this.send(res, 400, {}, { error_code: 'BAD_VALUE', error_messages: ['Bad value: order_lines'], correlation_id: randomUUID() });
    const expected = `Basic ${Buffer.from(`${KLARNA_USERNAME}:${KLARNA_PASSWORD}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return this.send(res, 401, {}, { error_code: 'UNAUTHORIZED' });
    const replayKey = idempotencyKey ? `${req.method} ${path} ${idempotencyKey}` : null;
    const replay = replayKey ? this.replies.get(replayKey) : undefined;
    if (replay) return this.send(res, replay.status, replay.headers, replay.body);
    const [status, headers, answer] = this.route(req.method ?? '', path, body);
    if (replayKey) this.replies.set(replayKey, { status, headers, body: answer });
    this.send(res, status, headers, answer);
  }

  private route(method: string, path: string, body: Record<string, unknown> | null): [number, Record<string, string>, unknown] {
    let match: RegExpExecArray | null;
    if (method === 'POST' && path === '/payments/v1/sessions' && body) {
      const lines = (body.order_lines as Array<Record<string, unknown>>) ?? [];
      const total = lines.reduce((sum, l) => sum + Number(l.total_amount), 0);
      const tax = lines.reduce((sum, l) => sum + Number(l.total_tax_amount), 0);
      if (lines.length === 0 || total !== body.order_amount || tax !== body.order_tax_amount) {
        return [400, {}, { error_code: 'BAD_VALUE', error_messages: ['order_amount does not match the order lines'] }];
      }
      const session: FakeSession = {
        session_id: randomUUID(),
        client_token: `eyJ${randomBytes(24).toString('base64url')}`,
        purchase_country: String(body.purchase_country),
        purchase_currency: String(body.purchase_currency),
        locale: String(body.locale),
        order_amount: Number(body.order_amount),
        order_tax_amount: Number(body.order_tax_amount),
        order_lines: lines,
        tokens: [],
      };
      this.sessions.set(session.session_id, session);
      return [200, {}, { session_id: session.session_id, client_token: session.client_token, payment_method_categories: [{ identifier: 'pay_later' }] }];
    }
    if (method === 'GET' && (match = /^\/payments\/v1\/sessions\/([^/]+)$/.exec(path))) {
      const session = this.sessions.get(match[1]);
      if (!session) return [404, {}, { error_code: 'NOT_FOUND' }];
      const { tokens: _tokens, client_token: _client, ...visible } = session;
      return [200, {}, { ...visible, status: 'incomplete' }];
    }
    if (method === 'POST' && (match = /^\/payments\/v1\/authorizations\/([^/]+)\/order$/.exec(path)) && body) {
      const session = [...this.sessions.values()].find((s) => s.tokens.includes(match?.[1] ?? ''));
      if (!session) return [404, {}, { error_code: 'NOT_FOUND', error_messages: ['Invalid authorization token'] }];
      if (body.order_amount !== session.order_amount) return [400, {}, { error_code: 'BAD_VALUE', error_messages: ['order_amount'] }];
      const order: FakeOrder = {
        order_id: randomUUID(),
        status: 'AUTHORIZED',
        order_amount: session.order_amount,
        captured_amount: 0,
        refunded_amount: 0,
        order_lines: session.order_lines,
        fraud_status: this.fraudStatus,
        captures: [],
        refunds: [],
      };
      this.orders.set(order.order_id, order);
      return [200, {}, { order_id: order.order_id, redirect_url: `${this.url}/confirm`, fraud_status: order.fraud_status, authorized_payment_method: { type: 'invoice' } }];
    }
    if ((match = /^\/ordermanagement\/v1\/orders\/([^/]+)(\/captures|\/refunds|\/cancel)?$/.exec(path))) {
      const order = this.orders.get(match[1]);
      if (!order) return [404, {}, { error_code: 'NO_SUCH_ORDER' }];
      const action = match[2];
      if (method === 'GET' && !action) return [200, {}, order];
      if (method === 'POST' && action === '/captures' && body) {
        const amount = Number(body.captured_amount);
        if (order.status === 'CANCELLED' || order.captured_amount + amount > order.order_amount) return [403, {}, { error_code: 'CAPTURE_NOT_ALLOWED' }];
        const id = randomUUID();
        order.captures.push({ capture_id: id, ...body, captured_at: new Date().toISOString() });
        order.captured_amount += amount;
        order.status = order.captured_amount === order.order_amount ? 'CAPTURED' : 'PART_CAPTURED';
        return [201, { 'Capture-Id': id }, null];
      }
      if (method === 'POST' && action === '/refunds' && body) {
        const amount = Number(body.refunded_amount);
        if (order.refunded_amount + amount > order.captured_amount) return [403, {}, { error_code: 'REFUND_NOT_ALLOWED' }];
        const id = randomUUID();
        order.refunds.push({ refund_id: id, ...body, refunded_at: new Date().toISOString() });
        order.refunded_amount += amount;
        return [201, { 'Refund-Id': id }, null];
      }
      if (method === 'POST' && action === '/cancel') {
        if (order.captured_amount > 0) return [403, {}, { error_code: 'CANCEL_NOT_ALLOWED' }];
        order.status = 'CANCELLED';
        return [204, {}, null];
      }
    }
    return [404, {}, { error_code: 'NOT_FOUND' }];
  }

  private send(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
    res.writeHead(status, body === null ? headers : { ...headers, 'Content-Type': 'application/json' });
    res.end(body === null ? undefined : JSON.stringify(body));
  }
}
