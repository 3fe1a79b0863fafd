import { Injectable } from '@nestjs/common';
import { FieldProblem, isUuid, newId } from '@kassa/shared';
import { PaymentChanges, PaymentLedger, PaymentRow, summaryOf } from './payment-ledger.repository';
import { PaymentsError } from './payments.errors';
import { OPEN_STATUSES, PaymentHistory, PaymentMethod, PaymentStatus, PaymentSummary, RefundOptions, StartPayment } from './payments.types';
import type { ProviderResult, ProviderStart } from './providers/payment-provider';
import { PaymentProviders } from './providers/payment-providers';

const SYSTEM = 'system';
const CURRENCY = /^[A-Z]{3}$/;
const MAX_AMOUNT = 2_147_483_647;
const MAX_KEY_LENGTH = 255;
/** payment_event.actor holds `staff:` and this. */
const MAX_ACTOR_LENGTH = 64;

/**
 * What other libs ask of payments (orders: start, cancel, refund, collect at the counter).
 * Every method runs in the caller's transaction and never opens one; each status change locks
 * the payment's row, so concurrent calls and provider outcomes settle one after the other.
 * Outcomes the caller causes here are returned, not told to PaymentListeners.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly ledger: PaymentLedger,
    private readonly providers: PaymentProviders,
  ) {}

  /**
   * Opens a payment for an order with the method's provider, all in the caller's transaction; it
   * comes back pending with what the customer does next. A remote provider is called while that
   * transaction holds whatever it holds: a checkout uses open → contact → opened instead.
   */
  async start(input: StartPayment): Promise<PaymentSummary> {
    const { payment, remote } = await this.open(input);
    if (!remote) return payment;
    return this.opened(payment.id, await this.contact(payment.id, input));
  }

  /**
   * Records a payment for an order (status created). A provider that answers in this process
   * (test, in store) is started right away and the payment comes back pending; for one that is
   * reached over the network (`remote`) the payment stays created, and the caller contacts it
   * after committing — no row locks are held across a provider's answer — then records what it
   * said with `opened`. The same idempotencyKey for the same order returns the first payment.
   * PAYMENT_METHOD_UNAVAILABLE (422) when the store does not offer the method.
   */
  async open(input: StartPayment): Promise<{ payment: PaymentSummary; remote: boolean }> {
    const problems = startProblems(input);
    if (problems.length > 0) throw PaymentsError.invalid(problems);
    const provider = await this.providers.offered(input.storeId, input.method);
    const id = newId();
    // A provider in this process answers at once: the payment is written pending, with its log, in one statement.
    const start = provider.remote ? null : await provider.start(fresh(id, input), input);
    const inserted = await this.ledger.insert(id, input, start && { start, detail: startedDetail(start) });
    if (inserted) return { payment: summaryOf(inserted), remote: inserted.status === 'created' };
    // Not inserted: this order has a payment with this key already (a repeated start, or a concurrent one that committed first).
    const first = await this.ledger.byIdempotencyKey(input.orderId, input.idempotencyKey);
    if (!first) throw PaymentsError.notFound(input.idempotencyKey);
    return { payment: summaryOf(first), remote: first.status === 'created' };
  }

  /** Outside any transaction: asks the provider to open a created payment. Its errors (PAYMENT_PROVIDER_UNAVAILABLE, PAYMENT_DECLINED) pass through. */
  async contact(paymentId: string, input: StartPayment): Promise<ProviderStart> {
    const payment = isUuid(paymentId) ? await this.ledger.byId(paymentId) : null;
    if (!payment) throw PaymentsError.notFound(paymentId);
    return this.providers.of(payment.method).start(payment, input);
  }

  /** In a transaction after `contact`: the created payment becomes pending with what the provider answered. */
  async opened(paymentId: string, opened: ProviderStart): Promise<PaymentSummary> {
    const payment = await this.locked(paymentId);
    if (payment.status !== 'created') return summaryOf(payment);
    return this.markStarted(payment, opened);
  }

  private async markStarted(created: PaymentRow, opened: ProviderStart): Promise<PaymentSummary> {
    const started = await this.ledger.move(
      created.id,
      ['created'],
      'pending',
      { kind: 'started', actor: SYSTEM, detail: startedDetail(opened) },
      { nextAction: opened.nextAction, providerReference: opened.providerReference },
    );
    if (!started) throw PaymentsError.notFound(created.id);
    return summaryOf(started.row);
  }

  /**
   * Drops a payment nothing was paid on (undo of start; an unpaid order expired or cancelled):
   * created/pending → cancelled. Already cancelled or failed: no-op. Captured or refunded:
   * PAYMENT_NOT_PENDING (409) — refund it instead.
   */
  async cancel(paymentId: string, reason = 'cancelled'): Promise<PaymentSummary> {
    const payment = await this.locked(paymentId);
    if (payment.status === 'cancelled' || payment.status === 'failed') return summaryOf(payment);
    if (!OPEN_STATUSES.includes(payment.status)) throw PaymentsError.notPending(paymentId, payment.status, 'cancelled');
    return this.drop(payment, reason);
  }

  /**
   * A paid order was cancelled: captured → refunded (the full amount still held). A payment not
   * paid yet is cancelled instead; refunded, cancelled or failed ones are a no-op.
   */
  async refund(paymentId: string, reason: string): Promise<PaymentSummary> {
    const payment = await this.locked(paymentId);
    if (OPEN_STATUSES.includes(payment.status)) return this.drop(payment, reason);
    if (payment.status !== 'captured' && payment.status !== 'partially_refunded') return summaryOf(payment);
    const amount = payment.amount - payment.refundedAmount;
    const result = await this.providers.of(payment.method).refund(payment, amount, reason);
    return this.settle(payment, 'refunded', 'refunded', {
      changes: { refundedAmount: payment.amount, ...referenceOf(result.providerReference) },
      amount,
      actor: SYSTEM,
      detail: { reason, ...result.detail },
    });
  }

  /**
   * Takes money a provider only authorized (Klarna: when the store accepts the order, or at
   * hand-over): authorized → captured. Captured already is a no-op; PAYMENT_NOT_PENDING (409) otherwise.
   */
  async capture(paymentId: string): Promise<PaymentSummary> {
    const payment = await this.locked(paymentId);
    if (payment.status === 'captured') return summaryOf(payment);
    const provider = this.providers.of(payment.method);
    if (payment.status !== 'authorized' || !provider.capture) throw PaymentsError.notPending(paymentId, payment.status, 'captured');
    const result = await provider.capture(payment);
    return this.settle(payment, 'captured', 'captured', {
      changes: referenceOf(result.providerReference),
      actor: SYSTEM,
      detail: result.detail,
    });
  }

  /**
   * The order reached `moment`: an authorized payment whose provider captures then is captured
   * now (Klarna with KLARNA_CAPTURE_ON). Anything else — captured already, paid in store, a
   * provider that captures at once or at the other moment — is left as it is.
   */
  async captureAt(paymentId: string, moment: 'accept' | 'handover'): Promise<PaymentSummary | null> {
    const current = isUuid(paymentId) ? await this.ledger.byId(paymentId) : null;
    if (!current || current.status !== 'authorized') return null;
    const provider = this.providers.of(current.method);
    if (!provider.capture || (provider.captureOn ?? 'handover') !== moment) return null;
    return this.capture(paymentId);
  }

  /**
   * Gives part of a captured payment back (a returned item): captured → partially_refunded, or
   * refunded once nothing is left. PAYMENT_REFUND_TOO_LARGE (422) above what is still held,
   * PAYMENT_NOT_PENDING (409) for a payment that took no money.
   */
  async refundPart(paymentId: string, amount: number, reason: string, how: RefundOptions = {}): Promise<PaymentSummary> {
    const payment = await this.locked(paymentId);
    if (payment.status !== 'captured' && payment.status !== 'partially_refunded') throw PaymentsError.notPending(paymentId, payment.status, 'refunded');
    const refundable = payment.amount - payment.refundedAmount;
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > refundable) throw PaymentsError.refundTooLarge(paymentId, amount, refundable);
    const result = await this.providers.of(payment.method).refund(payment, amount, reason, how.lines);
    const refundedAmount = payment.refundedAmount + amount;
    return this.settle(payment, refundedAmount === payment.amount ? 'refunded' : 'partially_refunded', 'refunded', {
      changes: { refundedAmount, ...referenceOf(result.providerReference) },
      amount,
      actor: how.staffUserId ? `staff:${how.staffUserId.slice(0, MAX_ACTOR_LENGTH)}` : SYSTEM,
      detail: { reason, ...(how.lines ? { lines: how.lines.map((l) => ({ name: l.name, quantity: l.quantity, amount: l.totalAmount })) } : {}), ...result.detail },
    });
  }

  /**
   * Locks the payment until the caller's transaction ends and returns it as it is now, so the
   * caller can check its own rules (what lines are left to refund) before refundPart; 404 when
   * there is none.
   */
  async hold(paymentId: string): Promise<PaymentSummary> {
    return summaryOf(await this.locked(paymentId));
  }

  /** Every payment of an order, oldest first, each with its log (for the admin's payments panel). */
  async historyForOrder(orderId: string): Promise<PaymentHistory[]> {
    if (!isUuid(orderId)) return [];
    const payments = await this.ledger.allForOrder(orderId);
    const events = await this.ledger.eventsOf(payments.map((p) => p.id));
    return payments.map((p) => ({ ...summaryOf(p), providerReference: p.providerReference, events: events.filter((e) => e.paymentId === p.id) }));
  }

  /**
   * Staff took the money at hand-over: an in-store payment pending → captured; captured again
   * is a no-op. PAYMENT_NOT_IN_STORE (409) for other methods, PAYMENT_NOT_PENDING (409) for a
   * cancelled, failed or refunded one.
   */
  async collectInStore(paymentId: string, staffUserId: string): Promise<PaymentSummary> {
    if (typeof staffUserId !== 'string' || staffUserId.length < 1 || staffUserId.length > MAX_ACTOR_LENGTH) {
      throw PaymentsError.invalid([{ field: 'staffUserId', reason: `must be 1–${MAX_ACTOR_LENGTH} characters` }]);
    }
    const payment = await this.locked(paymentId);
    if (payment.method !== 'in_store') throw PaymentsError.notInStore(paymentId, payment.method);
    if (payment.status === 'captured') return summaryOf(payment);
    if (!OPEN_STATUSES.includes(payment.status)) throw PaymentsError.notPending(paymentId, payment.status, 'collected');
    return this.settle(payment, 'captured', 'collected', { changes: { nextAction: null }, actor: `staff:${staffUserId}` });
  }

  /** PAYMENT_NOT_FOUND (404) when there is none. */
  async get(paymentId: string): Promise<PaymentSummary> {
    const payment = isUuid(paymentId) ? await this.ledger.byId(paymentId) : null;
    if (!payment) throw PaymentsError.notFound(paymentId);
    return summaryOf(payment);
  }

  /** Several payments at once (an admin list page); unknown ids are left out. */
  async many(paymentIds: readonly string[]): Promise<PaymentSummary[]> {
    return (await this.ledger.byIds(paymentIds.filter(isUuid))).map(summaryOf);
  }

  /** The order's latest payment, or null. */
  async forOrder(orderId: string): Promise<PaymentSummary | null> {
    if (!isUuid(orderId)) return null;
    const payment = await this.ledger.latestForOrder(orderId);
    return payment ? summaryOf(payment) : null;
  }

  /** The methods a store offers now, in PAYMENT_METHODS order. */
  methodsFor(storeId: string): Promise<PaymentMethod[]> {
    return this.providers.offeredAt(storeId);
  }

  private async locked(paymentId: string): Promise<PaymentRow> {
    const payment = isUuid(paymentId) ? await this.ledger.lock(paymentId) : null;
    if (!payment) throw PaymentsError.notFound(paymentId);
    return payment;
  }

  /** An open payment is voided with its provider and cancelled. */
  private async drop(payment: PaymentRow, reason: string): Promise<PaymentSummary> {
    // A payment still `created` was never confirmed open by its provider; should the provider
    // have opened it after all and the customer pay, that late success is refunded (PaymentOutcomes).
    const result: ProviderResult = payment.status === 'created' ? {} : await this.providers.of(payment.method).cancel(payment, reason);
    return this.settle(payment, 'cancelled', 'cancelled', {
      changes: { nextAction: null, ...referenceOf(result.providerReference) },
      actor: SYSTEM,
      detail: { reason, ...result.detail },
    });
  }

  /** Moves the locked payment on from the status it was read in, and logs it. */
  private async settle(
    payment: PaymentRow,
    to: PaymentStatus,
    kind: 'cancelled' | 'refunded' | 'collected' | 'captured',
    how: { changes: PaymentChanges; amount?: number; actor: string; detail?: Record<string, unknown> },
  ): Promise<PaymentSummary> {
    const moved = await this.ledger.move(payment.id, [payment.status], to, { kind, amount: how.amount, actor: how.actor, detail: how.detail ?? null }, how.changes);
    // The row is locked by this transaction, so it is still in the status just read.
    if (!moved) throw PaymentsError.notPending(payment.id, payment.status, kind);
    return summaryOf(moved.row);
  }
}

/** The payment `open` is about to write, as a provider in this process sees it before it starts it. */
function fresh(id: string, input: StartPayment): PaymentRow {
  const { orderId, storeId, method, amount, currency } = input;
  return { id, orderId, storeId, method, status: 'created', amount, currency, refundedAmount: 0, nextAction: null, providerReference: null };
}

/** What the `started` log entry keeps of a provider's answer: the next action's type and the provider's ids. */
function startedDetail(opened: ProviderStart): Record<string, unknown> | null {
  return opened.nextAction || opened.detail ? { ...(opened.nextAction ? { nextAction: opened.nextAction.type } : {}), ...opened.detail } : null;
}

function referenceOf(reference: string | null | undefined): { providerReference?: string | null } {
  return reference !== undefined ? { providerReference: reference } : {};
}

function startProblems(input: StartPayment): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ['orderId', 'storeId', 'organisationId'] as const) {
    if (typeof input[field] !== 'string' || !isUuid(input[field])) problems.push({ field, reason: 'must be a uuid' });
  }
  if (!Number.isSafeInteger(input.amount) || input.amount < 1 || input.amount > MAX_AMOUNT) {
    problems.push({ field: 'amount', reason: 'must be a whole number of minor units above 0' });
  }
  if (typeof input.currency !== 'string' || !CURRENCY.test(input.currency)) {
    problems.push({ field: 'currency', reason: 'must be an ISO 4217 code' });
  }
  if (typeof input.idempotencyKey !== 'string' || input.idempotencyKey.length < 1 || input.idempotencyKey.length > MAX_KEY_LENGTH) {
    problems.push({ field: 'idempotencyKey', reason: `must be 1–${MAX_KEY_LENGTH} characters` });
  }
  return problems;
}
