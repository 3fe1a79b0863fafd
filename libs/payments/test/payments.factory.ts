import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { applyTenancy, ErrorStatus, KassaError } from '@kassa/shared';
import { PaymentOutcomes } from '@kassa/payments';
import type { PaymentListener, PaymentSummary, StartPayment } from '@kassa/payments';

/** A payment for a new order of 129 kr by test payment; override what the scenario is about. */
export function startInput(overrides: Partial<StartPayment> = {}): StartPayment {
  return {
    orderId: randomUUID(),
    storeId: randomUUID(),
    organisationId: randomUUID(),
    method: 'test',
    amount: 12_900,
    currency: 'SEK',
    idempotencyKey: `checkout-${randomUUID()}`,
    ...overrides,
  };
}

/** Runs work the way an entry point does: its own unscoped entity manager, in one transaction. */
export function inTransaction<T>(app: INestApplicationContext, work: () => Promise<T>): Promise<T> {
  const em = app.get(MikroORM).em.fork() as EntityManager;
  applyTenancy(em, 'unscoped');
  return em.transactional(() => work());
}

/** Reads outside any transaction of the app (after it committed). */
export async function query<T extends object>(app: INestApplicationContext, sql: string, params: unknown[] = []): Promise<T[]> {
  const em = app.get(MikroORM).em.fork() as EntityManager;
  return em.execute<T[]>(sql, params);
}

export interface LoggedEvent {
  kind: string;
  from_status: string | null;
  to_status: string;
  amount: number;
  actor: string;
  detail: Record<string, unknown> | null;
}

/** The payment's log, oldest first. */
export function eventsOf(app: INestApplicationContext, paymentId: string): Promise<LoggedEvent[]> {
  return query<LoggedEvent>(
    app,
    'select kind, from_status, to_status, amount, actor, detail from payment_event where payment_id = ? order by created_at, id',
    [paymentId],
  );
}

/**
 * Makes `listener` the only one told about outcomes. These tests pay for made-up orders, which
 * the listener orders registers at init would refuse; payments' own behaviour is what is tested.
 */
export function standInForOrders(app: INestApplicationContext, listener: PaymentListener = new RecordingListener()): void {
  const outcomes = app.get(PaymentOutcomes) as unknown as { listeners?: PaymentListener[] };
  if (!Array.isArray(outcomes.listeners)) throw new Error('PaymentOutcomes no longer keeps its listeners in `listeners`');
  outcomes.listeners.splice(0, outcomes.listeners.length, listener);
}

/** What orders will throw when a payment arrives for an order that expired meanwhile. */
export class OrderExpiredError extends KassaError<'ORDER_EXPIRED'> {
  readonly status: ErrorStatus = 409;

  constructor() {
    super('ORDER_EXPIRED', 'The order expired before it was paid');
  }
}

/**
 * A listener as orders registers one: it records what it was told, may look at the payment
 * through `peek` while it runs, and throws when told to.
 */
export class RecordingListener implements PaymentListener {
  readonly captured: PaymentSummary[] = [];
  readonly failed: PaymentSummary[] = [];
  throwOn: string | null = null;
  peek: ((payment: PaymentSummary) => Promise<void>) | null = null;

  async paymentCaptured(payment: PaymentSummary): Promise<void> {
    await this.hear(payment);
    this.captured.push(payment);
  }

  async paymentFailed(payment: PaymentSummary): Promise<void> {
    await this.hear(payment);
    this.failed.push(payment);
  }

  callsFor(paymentId: string): Array<'captured' | 'failed'> {
    return [
      ...this.captured.filter((p) => p.id === paymentId).map(() => 'captured' as const),
      ...this.failed.filter((p) => p.id === paymentId).map(() => 'failed' as const),
    ];
  }

  private async hear(payment: PaymentSummary): Promise<void> {
    if (this.peek) await this.peek(payment);
    if (this.throwOn === payment.id) throw new OrderExpiredError();
  }
}

/** Bodies no provider sends; every payment route must answer them with a 4xx ErrorBody, never a 500. */
export const GARBAGE_BODIES: ReadonlyArray<{ readonly type: string; readonly body: string }> = [
  { type: 'application/json', body: '{"id": "evt_' },
  { type: 'application/json', body: '[1,2,3]' },
  { type: 'application/json', body: '"hello"' },
  { type: 'application/json', body: 'null' },
  { type: 'application/json', body: '{"id": 42, "type": [], "data": {"object": "x"}, "__proto__": {"polluted": true}}' },
  { type: 'application/x-www-form-urlencoded', body: 'id=x&status=PAID' },
  { type: 'text/plain', body: 'PAID' },
  { type: 'application/json', body: JSON.stringify({ id: 'ö'.repeat(400_000) }) },
];

/** Whether an answer is a client error with Kassa's error body. */
export function isClientError(response: { status: number; body: unknown }): boolean {
  const body = response.body as { statusCode?: unknown; code?: unknown; details?: unknown };
  return response.status >= 400 && response.status < 500 && body.statusCode === response.status && typeof body.code === 'string' && Array.isArray(body.details);
}
