import { Inject, Injectable, Logger } from '@nestjs/common';
import Stripe from 'stripe';
import { isUuid } from '@kassa/shared';
import { PaymentLedger, PaymentRow } from '../../payment-ledger.repository';
import { OutcomeSource, PaymentOutcomes } from '../../payment-outcomes';
import { PaymentsError } from '../../payments.errors';
import { PAYMENTS_OPTIONS, PaymentsOptions, StripeOptions } from '../../payments.options';
import { OPEN_STATUSES, PaymentStatus } from '../../payments.types';
import type { PaymentProvider, ProviderResult, ProviderStart } from '../payment-provider';
import type { DayRange, ProviderAmounts, ProviderOnly, ProviderSettlement, SettledPayment } from '../../reconciliation/reconciliation.types';
import { stripeSignatureProblem } from './stripe-signature';

const METHOD = 'card' as const;
const ACTOR = 'provider:card';
const DEFAULT_TIMEOUT_MS = 10_000;

/** The webhook events Kassa acts on; every other type is acknowledged and ignored. */
const HANDLED_EVENTS = ['payment_intent.succeeded', 'payment_intent.payment_failed', 'payment_intent.canceled'] as const;
type HandledEvent = (typeof HANDLED_EVENTS)[number];

/** What a verified webhook is about, worked out (and any refund made) before a transaction opens. */
export interface StripeWebhook {
  readonly eventId: string;
  readonly type: string;
  readonly intentId: string | null;
  /** The Kassa payment it is about; null when it is not one of ours (another integration on the account). */
  readonly paymentId: string | null;
  /** Set when the money came in for a payment already cancelled or failed, and was given back. */
  readonly lateSuccessRefund: { readonly refundId: string; readonly amount: number } | null;
  readonly declineCode: string | null;
}

export type WebhookOutcome = 'captured' | 'failed' | 'attempt_failed' | 'late_success_refunded' | 'ignored' | 'duplicate';

/** What the webhook answers; Stripe only needs the 2xx. */
export interface WebhookReceipt {
  readonly received: true;
  readonly outcome: WebhookOutcome;
}

/**
 * Card payments through Stripe PaymentIntents: the storefront confirms the intent with Stripe.js
 * (Payment Element), so card data never reaches Kassa (PCI DSS SAQ A). Kassa creates, cancels
 * and refunds intents and learns the outcome from signed webhooks. Offered only when configured.
 */
@Injectable()
export class StripeCardProvider implements PaymentProvider {
  readonly method = METHOD;
  /** Started over the network, after the checkout's transaction (PaymentsService.open → contact → opened). */
  readonly remote = true;
  private readonly logger = new Logger(StripeCardProvider.name);
  private readonly stripe: Stripe | null;
  private readonly settings: StripeOptions | null;
  private readonly now: () => number;

  constructor(
    @Inject(PAYMENTS_OPTIONS) options: PaymentsOptions,
    private readonly ledger: PaymentLedger,
    private readonly outcomes: PaymentOutcomes,
  ) {
    this.settings = options.stripe ?? null;
    this.stripe = this.settings ? stripeClient(this.settings) : null;
    this.now = options.now ?? Date.now;
  }

  get configured(): boolean {
    return this.stripe !== null;
  }

  offeredAt(): boolean {
    return this.configured;
  }

  async start(payment: PaymentRow): Promise<ProviderStart> {
    const { stripe, settings } = this.client();
    const intent = await this.call('create the payment', () =>
      stripe.paymentIntents.create(
        {
          amount: payment.amount,
          currency: payment.currency.toLowerCase(),
          automatic_payment_methods: { enabled: true },
          metadata: { paymentId: payment.id, orderId: payment.orderId, storeId: payment.storeId },
        },
        // One payment row is one intent: a retried call (the SDK's own retries included) gets the same intent back.
        { idempotencyKey: `kassa-payment-${payment.id}` },
      ),
    );
    if (!intent.client_secret) throw PaymentsError.providerUnavailable(METHOD, 'the payment intent came without a client secret');
    return {
      nextAction: { type: 'stripe_payment', clientSecret: intent.client_secret, publishableKey: settings.publishableKey },
      providerReference: intent.id,
      detail: { requestId: intent.lastResponse?.requestId ?? null },
    };
  }

  /**
   * Cancels the intent so it can no longer be paid. If the customer paid in the meantime, the
   * money is given back at once (the same refund the late-success webhook would make).
   */
  async cancel(payment: PaymentRow, reason: string): Promise<ProviderResult> {
    const intentId = payment.providerReference;
    if (!intentId) return {};
    const { stripe } = this.client();
    try {
      const intent = await stripe.paymentIntents.cancel(intentId, { cancellation_reason: 'abandoned' });
      return { detail: { intentStatus: intent.status, requestId: intent.lastResponse?.requestId ?? null } };
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeInvalidRequestError) || error.code !== 'payment_intent_unexpected_state') {
        throw this.mapped(error, 'cancel the payment');
      }
    }
    const intent = await this.call('look up the payment', () => stripe.paymentIntents.retrieve(intentId));
    if (intent.status === 'canceled') return { detail: { intentStatus: intent.status } };
    if (intent.status !== 'succeeded') throw PaymentsError.providerUnavailable(METHOD, `the payment is ${intent.status} and cannot be cancelled`);
    const refund = await this.refundLateSuccess(intentId, intent.amount_received, reason);
    return { detail: { intentStatus: intent.status, lateSuccessRefund: refund.id } };
  }

  /** Gives `amount` back; a retry of the same refund (same payment, same amount already refunded) is the same refund at Stripe. */
  async refund(payment: PaymentRow, amount: number, reason: string): Promise<ProviderResult> {
    const refundable = payment.amount - payment.refundedAmount;
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > refundable) throw PaymentsError.refundTooLarge(payment.id, amount, refundable);
    const intentId = payment.providerReference;
    if (!intentId) throw PaymentsError.providerUnavailable(METHOD, 'the payment has no payment intent to refund');
    const { stripe } = this.client();
    const refund = await this.call('refund the payment', () =>
      stripe.refunds.create(
        { payment_intent: intentId, amount, metadata: { paymentId: payment.id, reason: reason.slice(0, 200) } },
        { idempotencyKey: `kassa-refund-${payment.id}-${payment.refundedAmount}-${amount}` },
      ),
    );
    if (refund.status === 'failed' || refund.status === 'canceled') throw PaymentsError.declined(METHOD, `refund ${refund.status}`);
    return { detail: { refundId: refund.id, refundStatus: refund.status, requestId: refund.lastResponse?.requestId ?? null } };
  }

  /**
   * Reconciliation: the charges and refunds Stripe created in the range (listed, all pages), tied
   * to payments by payment intent, else by our `paymentId` metadata; the rest is handed back as
   * unknown with the metadata's store so the report can say what Kassa does not know.
   */
  async settled(payments: readonly SettledPayment[], range: DayRange): Promise<ProviderSettlement> {
    const { stripe } = this.client();
    const created = { gte: Math.floor(range.from.getTime() / 1000), lt: Math.ceil(range.to.getTime() / 1000) };
    // The intent is expanded for its metadata: a charge carries its own, which Kassa never sets.
    const charges = await this.call('list the day’s charges', () =>
      stripe.charges.list({ created, limit: 100, expand: ['data.payment_intent'] }).autoPagingToArray({ limit: 10_000 }),
    );
    const refunds = await this.call('list the day’s refunds', () => stripe.refunds.list({ created, limit: 100 }).autoPagingToArray({ limit: 10_000 }));
    const byIntent = new Map(payments.flatMap((p) => (p.providerReference ? [[p.providerReference, p.id] as const] : [])));
    const ids = new Set(payments.map((p) => p.id));
    const amounts = new Map<string, ProviderAmounts>();
    const unknown = new Map<string, ProviderOnly>();
    const add = (intentId: string | null, metadata: Record<string, string> | null | undefined, reference: string, captured: number, refunded: number) => {
      const paymentId = (intentId ? byIntent.get(intentId) : undefined) ?? (metadata?.paymentId && ids.has(metadata.paymentId) ? metadata.paymentId : undefined);
      if (paymentId) {
        const before = amounts.get(paymentId) ?? { captured: 0, refunded: 0 };
        amounts.set(paymentId, { captured: before.captured + captured, refunded: before.refunded + refunded });
        return;
      }
      const key = intentId ?? reference;
      const before = unknown.get(key);
      unknown.set(key, {
        reference: key,
        paymentId: before?.paymentId ?? (typeof metadata?.paymentId === 'string' && isUuid(metadata.paymentId) ? metadata.paymentId : null),
        storeId: before?.storeId ?? (typeof metadata?.storeId === 'string' ? metadata.storeId : null),
        captured: (before?.captured ?? 0) + captured,
        refunded: (before?.refunded ?? 0) + refunded,
      });
    };
    for (const charge of charges) {
      if (charge.status !== 'succeeded' || !charge.captured) continue;
      const intent = charge.payment_intent;
      const metadata = typeof intent === 'object' && intent !== null && Object.keys(intent.metadata ?? {}).length > 0 ? intent.metadata : charge.metadata;
      add(idOf(intent), metadata, charge.id, charge.amount_captured ?? charge.amount, 0);
    }
    for (const refund of refunds) {
      if (refund.status !== 'succeeded' && refund.status !== 'pending') continue;
      add(idOf(refund.payment_intent), refund.metadata, refund.id, 0, refund.amount);
    }
    return { payments: amounts, unknown: [...unknown.values()] };
  }

  /** Asks Stripe where the payment stands, in Kassa's terms (null: nothing to say yet). */
  async status(payment: PaymentRow): Promise<PaymentStatus | null> {
    if (!payment.providerReference) return null;
    const { stripe } = this.client();
    const providerReference = payment.providerReference;
    const intent = await this.call('look up the payment', () => stripe.paymentIntents.retrieve(providerReference));
    return statusOf(intent.status);
  }

  /**
   * Verifies a webhook against the raw body and works out what it is about. The network work it
   * may need (a refund of money that came in too late) happens here, before any transaction or lock.
   * PAYMENT_WEBHOOK_INVALID (400) when the signature does not hold; nothing is read or written then.
   */
  async receive(rawBody: Buffer | undefined, signature: string | undefined): Promise<StripeWebhook> {
    const { settings } = this.client();
    if (!rawBody || rawBody.length === 0) throw PaymentsError.webhookInvalid(METHOD, 'empty body');
    const problem = stripeSignatureProblem(rawBody, signature, settings.webhookSecret, Math.floor(this.now() / 1000));
    if (problem) throw PaymentsError.webhookInvalid(METHOD, problem);
    const event = parseEvent(rawBody);
    const base = { eventId: event.id, type: event.type, intentId: null, paymentId: null, lateSuccessRefund: null, declineCode: null };
    if (!isHandled(event.type) || !event.intent) return base;
    const intent = event.intent;
    const paymentId = typeof intent.metadata?.paymentId === 'string' && isUuid(intent.metadata.paymentId) ? intent.metadata.paymentId : null;
    const payment = paymentId ? await this.ledger.byId(paymentId) : null;
    if (!payment || payment.method !== METHOD || payment.providerReference !== intent.id) return { ...base, intentId: intent.id };
    const found = { ...base, intentId: intent.id, paymentId: payment.id, declineCode: intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code ?? null };
    // Cancelled and failed are final, so this read needs no lock: the money has no order to pay.
    if (event.type === 'payment_intent.succeeded' && (payment.status === 'cancelled' || payment.status === 'failed')) {
      const refund = await this.refundLateSuccess(intent.id, intent.amount_received ?? payment.amount, `paid after the payment was ${payment.status}`);
      return { ...found, lateSuccessRefund: { refundId: refund.id, amount: refund.amount } };
    }
    return found;
  }

  /**
   * Acts on a received webhook in the caller's transaction: claims its event id (a replay is a
   * no-op), then settles the payment through PaymentOutcomes, which tells orders.
   */
  async settle(webhook: StripeWebhook): Promise<WebhookReceipt> {
    const claimed = await this.ledger.claimWebhookEvent(METHOD, webhook.eventId, webhook.type, webhook.paymentId);
    if (!claimed) return { received: true, outcome: 'duplicate' };
    const outcome = await this.outcomeOf(webhook);
    await this.ledger.webhookOutcome(METHOD, webhook.eventId, outcome);
    if (outcome === 'late_success_refunded') this.logger.warn(`Payment ${webhook.paymentId} was paid after it ended; the money was refunded`);
    return { received: true, outcome };
  }

  private async outcomeOf(webhook: StripeWebhook): Promise<WebhookOutcome> {
    if (!webhook.paymentId || !webhook.intentId) return 'ignored';
    const payment = await this.ledger.lock(webhook.paymentId);
    if (!payment) return 'ignored';
    const source: OutcomeSource = { method: METHOD, actor: ACTOR, providerReference: webhook.intentId, detail: { eventId: webhook.eventId, eventType: webhook.type } };
    if (webhook.lateSuccessRefund) {
      await this.ledger.record(payment, {
        kind: 'late_success_refunded',
        from: payment.status,
        amount: webhook.lateSuccessRefund.amount,
        actor: ACTOR,
        providerReference: webhook.intentId,
        detail: { eventId: webhook.eventId, refundId: webhook.lateSuccessRefund.refundId },
      });
      return 'late_success_refunded';
    }
    const open = OPEN_STATUSES.includes(payment.status);
    switch (webhook.type as HandledEvent) {
      case 'payment_intent.succeeded':
        // Captured already (a second event), or refunded since: nothing to do.
        if (!open) return 'ignored';
        await this.outcomes.captured(payment.id, source);
        return 'captured';
      case 'payment_intent.payment_failed':
        // The intent stays payable: the customer may try another card until the checkout hold expires.
        if (!open) return 'ignored';
        await this.ledger.record(payment, {
          kind: 'attempt_failed',
          from: payment.status,
          actor: ACTOR,
          detail: { eventId: webhook.eventId, declineCode: webhook.declineCode },
        });
        return 'attempt_failed';
      case 'payment_intent.canceled':
        if (!open) return 'ignored';
        await this.outcomes.failed(payment.id, source);
        return 'failed';
    }
  }

  /** Refunds all of an intent's money; keyed by the intent, so cancel and webhook make one refund between them. */
  private refundLateSuccess(intentId: string, amount: number, reason: string): Promise<Stripe.Refund> {
    const { stripe } = this.client();
    return this.call('refund a late payment', () =>
      stripe.refunds.create(
        { payment_intent: intentId, amount, metadata: { reason: reason.slice(0, 200) } },
        { idempotencyKey: `kassa-late-success-${intentId}` },
      ),
    );
  }

  private client(): { stripe: Stripe; settings: StripeOptions } {
    if (!this.stripe || !this.settings) throw PaymentsError.providerNotConfigured(METHOD);
    return { stripe: this.stripe, settings: this.settings };
  }

  private async call<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.mapped(error, what);
    }
  }

  /** Stripe's errors as Kassa's: a card decline is the customer's, anything else is ours or Stripe's. */
  private mapped(error: unknown, what: string): PaymentsError {
    if (error instanceof PaymentsError) return error;
    if (error instanceof Stripe.errors.StripeCardError) return PaymentsError.declined(METHOD, error.decline_code ?? error.code ?? 'card_declined');
    if (error instanceof Stripe.errors.StripeError) {
      // Type, status and request id only: Stripe's messages may echo parameters.
      this.logger.warn(`Stripe refused to ${what}: ${error.type} ${error.statusCode ?? '-'} ${error.code ?? ''} request ${error.requestId ?? '-'}`);
      const reason = error instanceof Stripe.errors.StripeConnectionError ? 'no answer in time' : `${error.statusCode ?? 'error'} ${error.code ?? error.type}`;
      return PaymentsError.providerUnavailable(METHOD, `could not ${what} (${reason})`);
    }
    this.logger.warn(`Stripe call failed to ${what}: ${error instanceof Error ? error.name : 'unknown error'}`);
    return PaymentsError.providerUnavailable(METHOD, `could not ${what}`);
  }
}

function stripeClient(settings: StripeOptions): Stripe {
  const config: Stripe.StripeConfig = {
    timeout: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxNetworkRetries: settings.maxNetworkRetries ?? 1,
    telemetry: false,
  };
  if (settings.apiUrl) {
    const url = new URL(settings.apiUrl);
    config.protocol = url.protocol === 'http:' ? 'http' : 'https';
    config.host = url.hostname;
    if (url.port) config.port = Number(url.port);
  }
  return new Stripe(settings.secretKey, config);
}

/** An expandable Stripe reference as its id. */
function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

function statusOf(status: Stripe.PaymentIntent.Status): PaymentStatus | null {
  switch (status) {
    case 'succeeded':
      return 'captured';
    case 'requires_capture':
      return 'authorized';
    case 'canceled':
      return 'cancelled';
    default:
      return 'pending';
  }
}

function isHandled(type: string): type is HandledEvent {
  return (HANDLED_EVENTS as readonly string[]).includes(type);
}

interface ParsedEvent {
  readonly id: string;
  readonly type: string;
  readonly intent: {
    readonly id: string;
    readonly amount_received?: number;
    readonly metadata?: Record<string, unknown>;
    readonly last_payment_error?: { readonly code?: string; readonly decline_code?: string } | null;
  } | null;
}

/** The parts of a Stripe event Kassa reads; a signed body that is not an event is still refused. */
function parseEvent(rawBody: Buffer): ParsedEvent {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw PaymentsError.webhookInvalid(METHOD, 'body is not JSON');
  }
  const event = body as { id?: unknown; type?: unknown; data?: { object?: { id?: unknown; object?: unknown } } } | null;
  if (!event || typeof event !== 'object' || typeof event.id !== 'string' || typeof event.type !== 'string' || event.id.length > 255) {
    throw PaymentsError.webhookInvalid(METHOD, 'not a Stripe event');
  }
  const object = event.data?.object;
  const intent = object && object.object === 'payment_intent' && typeof object.id === 'string' ? (object as ParsedEvent['intent']) : null;
  return { id: event.id, type: event.type.slice(0, 100), intent };
}
