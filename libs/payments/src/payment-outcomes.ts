import { Injectable } from '@nestjs/common';
import { PaymentLedger, PaymentLogEntry, summaryOf } from './payment-ledger.repository';
import { PaymentsError } from './payments.errors';
import { OPEN_STATUSES, PaymentListener, PaymentMethod, PaymentSummary } from './payments.types';

/** Who reported the outcome and what to log with it. */
export interface OutcomeSource {
  /** The outcome only applies to a payment of this method; any other is PAYMENT_NOT_FOUND. */
  readonly method: PaymentMethod;
  readonly actor: string;
  readonly providerReference?: string | null;
  readonly detail?: Record<string, unknown>;
}

/**
 * Settles payments as their provider reports them (approved, declined; later webhooks) and tells
 * the registered listeners, in the same transaction: a listener that throws rolls the
 * settlement back. Reporting the same outcome again changes nothing and tells nobody.
 */
@Injectable()
export class PaymentOutcomes {
  private readonly listeners: PaymentListener[] = [];

  constructor(private readonly ledger: PaymentLedger) {}

  /** Orders registers one at module init. */
  register(listener: PaymentListener): void {
    this.listeners.push(listener);
  }

  /** The provider took the money: pending → captured, then every listener's paymentCaptured. */
  async captured(paymentId: string, source: OutcomeSource): Promise<PaymentSummary> {
    const moved = await this.ledger.move(paymentId, OPEN_STATUSES, 'captured', this.entry('approved', source), { ...this.referenceOf(source), nextAction: null }, source.method);
    if (!moved) return this.settledAlready(paymentId, source, 'captured', 'approved');
    const summary = summaryOf(moved.row);
    for (const listener of this.listeners) await listener.paymentCaptured(summary);
    return summary;
  }

  /**
   * The provider guaranteed the money, to be captured later: pending → authorized, then every
   * listener's paymentAuthorized (or paymentCaptured when it has none). Authorized again is a no-op.
   */
  async authorized(paymentId: string, source: OutcomeSource): Promise<PaymentSummary> {
    const moved = await this.ledger.move(
      paymentId,
      ['created', 'pending'],
      'authorized',
      this.entry('authorized', source),
      { ...this.referenceOf(source), nextAction: null },
      source.method,
    );
    if (!moved) return this.settledAlready(paymentId, source, 'authorized', 'authorized');
    const summary = summaryOf(moved.row);
    for (const listener of this.listeners) {
      if (listener.paymentAuthorized) await listener.paymentAuthorized(summary);
      else await listener.paymentCaptured(summary);
    }
    return summary;
  }

  /** The provider refused: pending → failed, then every listener's paymentFailed. */
  async failed(paymentId: string, source: OutcomeSource): Promise<PaymentSummary> {
    const moved = await this.ledger.move(paymentId, OPEN_STATUSES, 'failed', this.entry('declined', source), { ...this.referenceOf(source), nextAction: null }, source.method);
    if (!moved) return this.settledAlready(paymentId, source, 'failed', 'declined');
    const summary = summaryOf(moved.row);
    for (const listener of this.listeners) await listener.paymentFailed(summary);
    return summary;
  }

  /** The move did not happen: the same outcome again is a no-op, any other state a conflict. */
  private async settledAlready(
    paymentId: string,
    source: OutcomeSource,
    outcome: 'captured' | 'failed' | 'authorized',
    wanted: string,
  ): Promise<PaymentSummary> {
    const current = await this.ledger.byId(paymentId);
    if (!current || current.method !== source.method) throw PaymentsError.notFound(paymentId);
    if (current.status === outcome) return summaryOf(current);
    throw PaymentsError.notPending(paymentId, current.status, wanted);
  }

  private referenceOf(source: OutcomeSource): { providerReference?: string | null } {
    return source.providerReference !== undefined ? { providerReference: source.providerReference } : {};
  }

  private entry(kind: 'approved' | 'declined' | 'authorized', source: OutcomeSource): PaymentLogEntry {
    return { kind, actor: source.actor, detail: source.detail ?? null };
  }
}
