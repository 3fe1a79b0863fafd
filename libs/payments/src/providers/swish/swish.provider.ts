import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { PaymentLedger, PaymentRow } from '../../payment-ledger.repository';
import { OutcomeSource, PaymentOutcomes } from '../../payment-outcomes';
import { PaymentsError } from '../../payments.errors';
import { PAYMENTS_OPTIONS, PaymentsOptions, SwishOptions } from '../../payments.options';
import { OPEN_STATUSES, PaymentStatus, StartPayment } from '../../payments.types';
import type { PaymentProvider, ProviderResult, ProviderStart } from '../payment-provider';
import type { DayRange, ProviderAmounts, ProviderSettlement, SettledPayment } from '../../reconciliation/reconciliation.types';
import { SwishClient, SwishPaymentRequest } from './swish.client';

const METHOD = 'swish' as const;
const ACTOR = 'provider:swish';
/** Where Swish posts its callbacks, under the app's global prefix. */
export const SWISH_CALLBACK_PATH = '/api/v1/payments/swish/callback';
const INSTRUCTION_ID = /^[0-9A-F]{32}$/;

/** What a callback turned out to say once Swish itself was asked; worked out before any transaction. */
export interface SwishCallback {
  readonly instructionId: string;
  readonly paymentId: string | null;
  /** The status Swish gave on the re-check, never the one the callback claimed. */
  readonly status: SwishPaymentRequest['status'] | null;
  readonly paymentReference: string | null;
  readonly errorCode: string | null;
  readonly lateSuccessRefund: { readonly refundId: string; readonly amount: number } | null;
}

export type SwishCallbackOutcome = 'captured' | 'failed' | 'late_success_refunded' | 'ignored' | 'duplicate';

/**
 * Swish (Commerce API v2) over mutual TLS with the merchant certificate. m-commerce (no payer
 * number: the storefront switches to the Swish app with a token) or e-commerce (the payer's
 * number: Swish asks that phone). Swish callbacks are unsigned, so a callback only makes Kassa
 * ask Swish for the status; that answer, never the callback body, settles the payment.
 */
@Injectable()
export class SwishProvider implements PaymentProvider, OnModuleDestroy {
  readonly method = METHOD;
  /** Started over the network, after the checkout's transaction (PaymentsService.open → contact → opened). */
  readonly remote = true;
  private readonly logger = new Logger(SwishProvider.name);
  private readonly settings: SwishOptions | null;
  private readonly client: SwishClient | null;

  constructor(
    @Inject(PAYMENTS_OPTIONS) options: PaymentsOptions,
    private readonly ledger: PaymentLedger,
    private readonly outcomes: PaymentOutcomes,
  ) {
    this.settings = options.swish ?? null;
    this.client = this.settings ? new SwishClient(this.settings) : null;
  }

  get configured(): boolean {
    return this.client !== null;
  }

  offeredAt(): boolean {
    return this.configured;
  }

  onModuleDestroy(): void {
    this.client?.close();
  }

  async start(payment: PaymentRow, input?: StartPayment): Promise<ProviderStart> {
    const { client, settings } = this.ready();
    if (payment.currency !== 'SEK') throw PaymentsError.invalid([{ field: 'currency', reason: 'Swish takes SEK only' }]);
    const payerAlias = input?.payerPhone ? swishAlias(input.payerPhone) : null;
    if (input?.payerPhone && !payerAlias) throw PaymentsError.invalid([{ field: 'payerPhone', reason: 'must be a Swedish mobile number' }]);
    const instructionId = instructionIdOf(payment.id);
    const created = await client.createPaymentRequest(instructionId, {
      payeePaymentReference: instructionId,
      callbackUrl: `${settings.callbackBaseUrl}${SWISH_CALLBACK_PATH}`,
      payeeAlias: settings.payeeAlias,
      amount: swishAmount(payment.amount),
      currency: 'SEK',
      message: swishMessage(`Order ${payment.orderId.slice(0, 8)}`),
      ...(payerAlias ? { payerAlias } : {}),
    });
    if (payerAlias) return { nextAction: { type: 'swish_number' }, providerReference: instructionId };
    if (!created.token) throw PaymentsError.providerUnavailable(METHOD, 'the payment request came without a token');
    return { nextAction: { type: 'swish_app', token: created.token }, providerReference: instructionId };
  }

  /** Cancels the payment request; if the customer paid meanwhile, the money is given back at once. */
  async cancel(payment: PaymentRow, reason: string): Promise<ProviderResult> {
    const { client } = this.ready();
    const instructionId = instructionIdOf(payment.id);
    const status = await client.cancelPaymentRequest(instructionId);
    if (status === 200) return { detail: { swishStatus: 'CANCELLED' } };
    const current = await client.paymentRequest(instructionId);
    if (current.status === 'PAID') {
      const refund = await this.refundLateSuccess(payment, current, reason);
      return { detail: { swishStatus: current.status, lateSuccessRefund: refund.refundId } };
    }
    if (current.status === 'CREATED') throw PaymentsError.providerUnavailable(METHOD, `could not cancel the payment request (${status})`);
    return { detail: { swishStatus: current.status } };
  }

  /** PUT /api/v2/refunds/{id}; the id is derived from the payment and what was refunded before, so a retry is the same refund. */
  async refund(payment: PaymentRow, amount: number, reason: string): Promise<ProviderResult> {
    const refundable = payment.amount - payment.refundedAmount;
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > refundable) throw PaymentsError.refundTooLarge(payment.id, amount, refundable);
    if (!payment.providerReference) throw PaymentsError.providerUnavailable(METHOD, 'the payment has no Swish payment reference to refund');
    const refundId = derivedInstructionId(`refund:${payment.id}:${payment.refundedAmount}:${amount}`);
    await this.createRefund(refundId, payment.providerReference, amount, reason);
    return { detail: { refundId, amount } };
  }

  /**
   * Reconciliation: Swish has no listing, so each payment request is read (PAID, with the day it
   * was paid) and each refund Kassa logged for it (DEBITED or PAID). Amounts in öre.
   */
  async settled(payments: readonly SettledPayment[], range: DayRange): Promise<ProviderSettlement> {
    const { client } = this.ready();
    const inRange = (at: string | null | undefined) => !at || (Date.parse(at) >= range.from.getTime() && Date.parse(at) < range.to.getTime());
    const amounts = new Map<string, ProviderAmounts>();
    for (const payment of payments) {
      const request = await client.paymentRequestIfAny(instructionIdOf(payment.id));
      if (!request) continue;
      const captured = request.status === 'PAID' && inRange(request.datePaid) ? Math.round(request.amount * 100) : 0;
      let refunded = 0;
      for (const refundId of new Set(payment.refundReferences)) {
        const refund = INSTRUCTION_ID.test(refundId) ? await client.refund(refundId) : null;
        if (refund && (refund.status === 'DEBITED' || refund.status === 'PAID') && inRange(refund.datePaid)) refunded += Math.round(refund.amount * 100);
      }
      amounts.set(payment.id, { captured, refunded });
    }
    return { payments: amounts, unknown: [] };
  }

  /** Asks Swish where the payment stands, in Kassa's terms. */
  async status(payment: PaymentRow): Promise<PaymentStatus> {
    const current = await this.ready().client.paymentRequest(instructionIdOf(payment.id));
    return statusOf(current.status);
  }

  /**
   * Takes a callback as a hint only: reads the payment request's id from it and asks Swish over
   * mTLS for the real status. Runs before any transaction; so does a refund of money that came in
   * for a payment already cancelled. PAYMENT_WEBHOOK_INVALID (400) for a body with no valid id.
   */
  async receive(body: unknown): Promise<SwishCallback> {
    const { client } = this.ready();
    const claimed = body && typeof body === 'object' ? (body as { id?: unknown }).id : undefined;
    if (typeof claimed !== 'string' || !INSTRUCTION_ID.test(claimed)) throw PaymentsError.webhookInvalid(METHOD, 'no payment request id');
    const nothing = { instructionId: claimed, paymentId: null, status: null, paymentReference: null, errorCode: null, lateSuccessRefund: null };
    const payment = await this.ledger.byId(paymentIdOf(claimed));
    if (!payment || payment.method !== METHOD) return nothing;
    // Settled one way or the other already (a repeated callback): nothing to ask Swish.
    if (!OPEN_STATUSES.includes(payment.status) && payment.status !== 'cancelled' && payment.status !== 'failed') return nothing;
    const current = await client.paymentRequest(claimed);
    if (Math.round(current.amount * 100) !== payment.amount || current.currency !== payment.currency) {
      this.logger.warn(`Swish payment request ${claimed} does not match payment ${payment.id}; ignored`);
      return nothing;
    }
    const checked = {
      ...nothing,
      paymentId: payment.id,
      status: current.status,
      paymentReference: current.paymentReference ?? null,
      errorCode: current.errorCode ?? null,
    };
    if (current.status === 'PAID' && (payment.status === 'cancelled' || payment.status === 'failed')) {
      return { ...checked, lateSuccessRefund: await this.refundLateSuccess(payment, current, `paid after the payment was ${payment.status}`) };
    }
    return checked;
  }

  /** Acts on a re-checked callback in the caller's transaction; each (payment request, status) acts once. */
  async settle(callback: SwishCallback): Promise<{ received: true; outcome: SwishCallbackOutcome }> {
    // CREATED: nothing happened yet. A later callback (or the hold's expiry) settles it.
    if (!callback.paymentId || !callback.status || callback.status === 'CREATED') return { received: true, outcome: 'ignored' };
    const eventId = `${callback.instructionId}:${callback.status}`;
    if (!(await this.ledger.claimWebhookEvent(METHOD, eventId, callback.status, callback.paymentId))) return { received: true, outcome: 'duplicate' };
    const outcome = await this.outcomeOf(callback.paymentId, callback);
    await this.ledger.webhookOutcome(METHOD, eventId, outcome);
    return { received: true, outcome };
  }

  private async outcomeOf(paymentId: string, callback: SwishCallback): Promise<SwishCallbackOutcome> {
    const payment = await this.ledger.lock(paymentId);
    if (!payment) return 'ignored';
    const detail = { swishStatus: callback.status, errorCode: callback.errorCode };
    if (callback.lateSuccessRefund) {
      await this.ledger.record(payment, {
        kind: 'late_success_refunded',
        from: payment.status,
        amount: callback.lateSuccessRefund.amount,
        actor: ACTOR,
        providerReference: callback.paymentReference,
        detail: { ...detail, refundId: callback.lateSuccessRefund.refundId },
      });
      this.logger.warn(`Swish payment ${payment.id} was paid after it ended; the money was refunded`);
      return 'late_success_refunded';
    }
    if (!OPEN_STATUSES.includes(payment.status)) return 'ignored';
    if (callback.status === 'PAID') {
      // From here on the payment's reference is Swish's payment reference: what a refund names.
      const source: OutcomeSource = { method: METHOD, actor: ACTOR, providerReference: callback.paymentReference, detail };
      await this.outcomes.captured(payment.id, source);
      return 'captured';
    }
    await this.outcomes.failed(payment.id, { method: METHOD, actor: ACTOR, detail });
    return 'failed';
  }

  private async refundLateSuccess(payment: PaymentRow, current: SwishPaymentRequest, reason: string): Promise<{ refundId: string; amount: number }> {
    if (!current.paymentReference) throw PaymentsError.providerUnavailable(METHOD, 'the paid request came without a payment reference');
    const refundId = derivedInstructionId(`late:${payment.id}`);
    await this.createRefund(refundId, current.paymentReference, payment.amount, reason);
    return { refundId, amount: payment.amount };
  }

  private async createRefund(refundId: string, paymentReference: string, amount: number, reason: string): Promise<void> {
    const { client, settings } = this.ready();
    await client.createRefund(refundId, {
      originalPaymentReference: paymentReference,
      callbackUrl: `${settings.callbackBaseUrl}${SWISH_CALLBACK_PATH}`,
      payerAlias: settings.payeeAlias,
      amount: swishAmount(amount),
      currency: 'SEK',
      message: swishMessage(reason),
    });
  }

  private ready(): { client: SwishClient; settings: SwishOptions } {
    if (!this.client || !this.settings) throw PaymentsError.providerNotConfigured(METHOD);
    return { client: this.client, settings: this.settings };
  }
}

/** Swish instruction UUIDs are 32 upper-case hex digits; a payment's is its own id, so a retried create is the same request. */
export function instructionIdOf(paymentId: string): string {
  return paymentId.replace(/-/g, '').toUpperCase();
}

function paymentIdOf(instructionId: string): string {
  const hex = instructionId.toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function derivedInstructionId(seed: string): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, 32).toUpperCase();
}

/** Öre as Swish's decimal string: 4500 → "45.00". */
export function swishAmount(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

/** Swish takes up to 50 characters of letters, digits and a little punctuation. */
function swishMessage(text: string): string {
  return text.replace(/[^0-9A-Za-zåäöÅÄÖéÉüÜ :;.,?!()"'+/-]/g, ' ').slice(0, 50);
}

/** A Swedish mobile number as Swish's payerAlias (46 and the number, no +, no leading 0), or null. */
export function swishAlias(phone: string): string | null {
  const digits = phone.replace(/[\s()-]/g, '');
  const national = /^(?:\+46|0046|46)0?(7\d{8})$/.exec(digits) ?? /^0(7\d{8})$/.exec(digits);
  return national ? `46${national[1]}` : null;
}

function statusOf(status: SwishPaymentRequest['status']): PaymentStatus {
  switch (status) {
    case 'PAID':
      return 'captured';
    case 'CREATED':
      return 'pending';
    case 'CANCELLED':
      return 'cancelled';
    default:
      return 'failed';
  }
}
