import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Stripe from 'stripe';
import { FakeProviderServer } from './fake-provider-server';

export const STRIPE_SECRET_KEY = 'sk_test_kassaFakeSecretKey123';
export const STRIPE_PUBLISHABLE_KEY = 'pk_test_kassaFakePublishable';
export const STRIPE_WEBHOOK_SECRET = 'whsec_kassaFakeWebhookSecret';

export interface FakeIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: 'requires_payment_method' | 'processing' | 'succeeded' | 'canceled';
  client_secret: string;
  metadata: Record<string, string>;
  last_payment_error: { code: string; decline_code: string } | null;
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  payment_intent: string;
  status: 'succeeded' | 'failed';
  /** Unix seconds; listed by `created[gte]` / `created[lt]`. */
  created?: number;
  metadata?: Record<string, string>;
}

/** The charge a succeeded intent made (reconciliation lists them). */
export interface FakeCharge {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  currency: string;
  status: 'succeeded' | 'pending' | 'failed';
  payment_intent: string | null;
  metadata: Record<string, string>;
  /** Unix seconds. */
  created: number;
}

export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly form: Record<string, string>;
  readonly idempotencyKey: string | undefined;
  readonly authorization: string | undefined;
}

/** How the next calls to a path prefix misbehave, until cleared. */
export type Failure = 'server_error' | 'timeout' | 'card_declined';

/**
 * A local stand-in for the part of Stripe's API Kassa uses: create, retrieve and cancel payment
 * intents and create refunds, form-encoded as Stripe takes them, with idempotency keys honoured
 * and failures on demand. The Stripe SDK talks to it over plain HTTP.
 */
export class FakeStripe extends FakeProviderServer<Failure> {
  readonly intents = new Map<string, FakeIntent>();
  readonly refunds: FakeRefund[] = [];
  readonly charges: FakeCharge[] = [];
  readonly requests: SeenRequest[] = [];
  private readonly replies = new Map<string, { status: number; body: unknown }>();

  /** What points the api at this server. */
  env(): Record<string, string> {
    return { STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_URL: this.url };
  }

  /** The customer paid in the browser (Stripe.js confirmed the intent). */
  succeed(intentId: string): FakeIntent {
    const intent = this.intent(intentId);
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    if (!this.charges.some((c) => c.payment_intent === intent.id)) this.addCharge({ amount: intent.amount, payment_intent: intent.id, metadata: intent.metadata });
    return intent;
  }

  /** A charge Stripe has (made by an intent, or one Kassa never asked for); created now unless given. */
  addCharge(charge: Partial<FakeCharge> & { amount: number }): FakeCharge {
    const made: FakeCharge = {
      id: `ch_${randomBytes(12).toString('hex')}`,
      object: 'charge',
      amount_captured: charge.amount,
      amount_refunded: 0,
      captured: true,
      currency: 'sek',
      status: 'succeeded',
      payment_intent: null,
      metadata: {},
      created: Math.floor(Date.now() / 1000),
      ...charge,
    };
    this.charges.push(made);
    return made;
  }

  intent(intentId: string): FakeIntent {
    const intent = this.intents.get(intentId);
    if (!intent) throw new Error(`no intent ${intentId}`);
    return intent;
  }

  refundsOf(intentId: string): FakeRefund[] {
    return this.refunds.filter((r) => r.payment_intent === intentId);
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const [path, search = ''] = (req.url ?? '').split('?');
    if (req.method === 'GET') Object.assign(form, Object.fromEntries(new URLSearchParams(search)));
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    this.requests.push({ method: req.method ?? '', path, form, idempotencyKey, authorization: req.headers.authorization });

    const failure = this.failureFor(path);
    if (failure === 'timeout') {
      this.hang(res);
      return;
    }
    if (failure === 'server_error') return this.send(res, 500, { error: { type: 'api_error', message: 'Something went wrong on Stripe’s end' } });
    if (failure === 'card_declined') {
      return this.send(res, 402, { error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' } });
    }
    if (req.headers.authorization !== `Bearer ${STRIPE_SECRET_KEY}`) {
      return this.send(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    }
    const replayKey = idempotencyKey ? `${req.method} ${path} ${idempotencyKey}` : null;
    const replay = replayKey ? this.replies.get(replayKey) : undefined;
    if (replay) return this.send(res, replay.status, replay.body);
    const [status, body] = this.route(req.method ?? '', path, form);
    if (replayKey) this.replies.set(replayKey, { status, body });
    this.send(res, status, body);
  }

  private route(method: string, path: string, form: Record<string, string>): [number, unknown] {
    let match: RegExpExecArray | null;
    if (method === 'POST' && path === '/v1/payment_intents') {
      const id = `pi_${randomBytes(12).toString('hex')}`;
      const metadata = Object.fromEntries(
        Object.entries(form)
          .filter(([k]) => k.startsWith('metadata['))
          .map(([k, v]) => [k.slice('metadata['.length, -1), v]),
      );
      const intent: FakeIntent = {
        id,
        object: 'payment_intent',
        amount: Number(form.amount),
        amount_received: 0,
        currency: form.currency,
        status: 'requires_payment_method',
        client_secret: `${id}_secret_${randomBytes(12).toString('hex')}`,
        metadata,
        last_payment_error: null,
      };
      this.intents.set(id, intent);
      return [200, intent];
    }
    if (method === 'GET' && (path === '/v1/charges' || path === '/v1/refunds')) {
      const items: Array<FakeCharge | FakeRefund> = path === '/v1/charges' ? this.charges : this.refunds;
      const gte = form['created[gte]'] !== undefined ? Number(form['created[gte]']) : -Infinity;
      const lt = form['created[lt]'] !== undefined ? Number(form['created[lt]']) : Infinity;
      const limit = Math.min(Number(form.limit ?? 10), 100);
      const listed = items.filter((item) => (item.created ?? 0) >= gte && (item.created ?? 0) < lt);
      const after = form.starting_after ? listed.findIndex((item) => item.id === form.starting_after) + 1 : 0;
      const page = listed.slice(after, after + limit);
      return [200, { object: 'list', url: path, has_more: after + limit < listed.length, data: page }];
    }
    if (method === 'GET' && (match = /^\/v1\/payment_intents\/([^/]+)$/.exec(path))) {
      const intent = this.intents.get(match[1]);
      return intent ? [200, intent] : notFound();
    }
    if (method === 'POST' && (match = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(path))) {
      const intent = this.intents.get(match[1]);
      if (!intent) return notFound();
      if (intent.status === 'succeeded' || intent.status === 'canceled') {
        return [
          400,
          { error: { type: 'invalid_request_error', code: 'payment_intent_unexpected_state', message: `This PaymentIntent's status is ${intent.status}` } },
        ];
      }
      intent.status = 'canceled';
      return [200, intent];
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const intent = this.intents.get(form.payment_intent);
      if (!intent) return notFound();
      const refunded = this.refundsOf(intent.id).reduce((sum, r) => sum + r.amount, 0);
      const amount = form.amount ? Number(form.amount) : intent.amount_received - refunded;
      if (intent.status !== 'succeeded' || amount < 1 || refunded + amount > intent.amount_received) {
        return [400, { error: { type: 'invalid_request_error', code: 'charge_already_refunded', message: 'Cannot refund that much' } }];
      }
      const metadata = Object.fromEntries(
        Object.entries(form)
          .filter(([k]) => k.startsWith('metadata['))
          .map(([k, v]) => [k.slice('metadata['.length, -1), v]),
      );
      const refund: FakeRefund = {
        id: `re_${randomBytes(12).toString('hex')}`,
        object: 'refund',
        amount,
        payment_intent: intent.id,
        status: 'succeeded',
        created: Math.floor(Date.now() / 1000),
        metadata,
      };
      const charge = this.charges.find((c) => c.payment_intent === intent.id);
      if (charge) charge.amount_refunded += amount;
      this.refunds.push(refund);
      return [200, refund];
    }
    return notFound();
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${randomBytes(6).toString('hex')}`, 'Stripe-Should-Retry': 'false' });
    res.end(JSON.stringify(body));
  }
}

function notFound(): [number, unknown] {
  return [404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such object' } }];
}

/** A Stripe event about an intent, as Stripe posts it. */
export function intentEvent(type: string, intent: FakeIntent, id = `evt_${randomBytes(12).toString('hex')}`): string {
  return JSON.stringify({ id, object: 'event', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), type, data: { object: intent } });
}

/** The Stripe-Signature header, made by the official SDK, so Kassa's verifier is checked against Stripe's own signing. */
export function signed(payload: string, secret = STRIPE_WEBHOOK_SECRET, at = Math.floor(Date.now() / 1000)): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: at });
}
