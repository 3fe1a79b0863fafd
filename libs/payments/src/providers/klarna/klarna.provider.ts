import { Inject, Injectable, Logger } from '@nestjs/common';
import { isUuid } from '@kassa/shared';
import { PaymentLedger, PaymentRow, summaryOf } from '../../payment-ledger.repository';
import { PaymentOutcomes } from '../../payment-outcomes';
import { PaymentsError } from '../../payments.errors';
import { KlarnaOptions, PAYMENTS_OPTIONS, PaymentsOptions } from '../../payments.options';
import type { PaymentLine, PaymentSummary, StartPayment } from '../../payments.types';
import type { PaymentProvider, ProviderResult, ProviderStart } from '../payment-provider';
import type { DayRange, ProviderAmounts, ProviderSettlement, SettledPayment } from '../../reconciliation/reconciliation.types';
import { KlarnaClient, KlarnaOrderData, KlarnaOrderLine, KlarnaOrderMoney } from './klarna.client';

const METHOD = 'klarna' as const;
/** Where the storefront posts the widget's authorization token, under the app's global prefix. */
const KLARNA_ROUTES = '/api/v1/payments/klarna';
const COUNTRY_OF: Readonly<Record<string, string>> = { SEK: 'SE', NOK: 'NO', DKK: 'DK', EUR: 'FI' };
const LOCALE_OF: Readonly<Record<string, string>> = { SE: 'sv-SE', NO: 'nb-NO', DK: 'da-DK', FI: 'fi-FI' };

/** The outcome of asking Klarna to turn an authorization into an order, before any transaction. */
export type KlarnaAuthorization =
  | { readonly kind: 'settled'; readonly payment: PaymentSummary }
  | { readonly kind: 'order'; readonly paymentId: string; readonly orderId: string; readonly fraudStatus: string };

/**
 * Klarna Payments: a session with the order's lines opens the widget; the customer's
 * authorization becomes a Klarna order (the payment is then authorized, the money guaranteed),
 * and the money is captured later — when the store accepts the order or at hand-over
 * (KLARNA_CAPTURE_ON) — and refunded through Order Management.
 */
@Injectable()
export class KlarnaProvider implements PaymentProvider {
  readonly method = METHOD;
  /** Started over the network, after the checkout's transaction (PaymentsService.open → contact → opened). */
  readonly remote = true;
  private readonly logger = new Logger(KlarnaProvider.name);
  private readonly settings: KlarnaOptions | null;
  private readonly client: KlarnaClient | null;

  constructor(
    @Inject(PAYMENTS_OPTIONS) options: PaymentsOptions,
    private readonly ledger: PaymentLedger,
    private readonly outcomes: PaymentOutcomes,
  ) {
    this.settings = options.klarna ?? null;
    this.client = this.settings ? new KlarnaClient(this.settings) : null;
  }

  get configured(): boolean {
    return this.client !== null;
  }

  /** When orders should call PaymentsService.capture for a Klarna payment. */
  get captureOn(): 'accept' | 'handover' | null {
    return this.settings?.captureOn ?? null;
  }

  offeredAt(): boolean {
    return this.configured;
  }

  async start(payment: PaymentRow, input?: StartPayment): Promise<ProviderStart> {
    const client = this.ready();
    const session = await client.createSession(orderDataOf(payment, input?.lines));
    return {
      nextAction: {
        type: 'klarna_widget',
        clientToken: session.clientToken,
        sessionId: session.sessionId,
        authorizeUrl: `${KLARNA_ROUTES}/${payment.id}/authorize`,
      },
      providerReference: session.sessionId,
      detail: { correlationId: session.correlationId },
    };
  }

  /** An authorized order is cancelled at Klarna (nothing was captured); a session alone just expires there. */
  async cancel(payment: PaymentRow): Promise<ProviderResult> {
    if (payment.status !== 'authorized' || !payment.providerReference) return {};
    await this.ready().cancelOrder(payment.providerReference);
    return { detail: { klarnaOrderId: payment.providerReference } };
  }

  /** Takes the whole authorized amount, with the order's lines. */
  async capture(payment: PaymentRow): Promise<ProviderResult> {
    const client = this.ready();
    const orderId = this.orderIdOf(payment);
    const order = await client.order(orderId);
    const captureId = await client.capture(orderId, { captured_amount: payment.amount, order_lines: order.orderLines }, `capture-${payment.id}`);
    return { detail: { klarnaOrderId: orderId, captureId } };
  }

  /** Gives `amount` back; a full refund names the order's lines, a per-line one the lines refunded, a partial one the amount. */
  async refund(payment: PaymentRow, amount: number, reason: string, refunded?: readonly PaymentLine[]): Promise<ProviderResult> {
    const refundable = payment.amount - payment.refundedAmount;
    if (!Number.isSafeInteger(amount) || amount < 1 || amount > refundable) throw PaymentsError.refundTooLarge(payment.id, amount, refundable);
    const client = this.ready();
    const orderId = this.orderIdOf(payment);
    const lines =
      amount === payment.amount
        ? (await client.order(orderId)).orderLines
        : refunded && refunded.length > 0
          ? klarnaLinesOf(refunded)
          : undefined;
    const refundId = await client.refund(
      orderId,
      { refunded_amount: amount, description: reason.slice(0, 255), ...(lines ? { order_lines: lines } : {}) },
      `refund-${payment.id}-${payment.refundedAmount}-${amount}`,
    );
    return { detail: { klarnaOrderId: orderId, refundId } };
  }

  /**
   * Reconciliation: Klarna has no listing to ask, so each payment's Klarna order is read from
   * Order Management and its captures and refunds made in the range are summed (an entry without
   * a date counts when the order has no dated entries, by the order's totals).
   */
  async settled(payments: readonly SettledPayment[], range: DayRange): Promise<ProviderSettlement> {
    const client = this.ready();
    const amounts = new Map<string, ProviderAmounts>();
    for (const payment of payments) {
      // Before authorization the reference is a session, not an order: nothing can have moved.
      if (!payment.providerReference || payment.status === 'created' || payment.status === 'pending') continue;
      const order = await client.orderMoney(payment.providerReference);
      if (!order) continue;
      const within = (entries: KlarnaOrderMoney['captures'], total: number): number =>
        entries.length === 0
          ? total
          : entries.filter((e) => e.at === null || (Date.parse(e.at) >= range.from.getTime() && Date.parse(e.at) < range.to.getTime())).reduce((n, e) => n + e.amount, 0);
      amounts.set(payment.id, { captured: within(order.captures, order.capturedAmount), refunded: within(order.refunds, order.refundedAmount) });
    }
    return { payments: amounts, unknown: [] };
  }

  /**
   * The customer authorized in the widget: check the session still asks for this payment's
   * amount and turn the authorization into a Klarna order. Network only, before any transaction.
   */
  async requestOrder(paymentId: string, authorizationToken: string): Promise<KlarnaAuthorization> {
    const client = this.ready();
    const payment = isUuid(paymentId) ? await this.ledger.byId(paymentId) : null;
    if (!payment || payment.method !== METHOD) throw PaymentsError.notFound(paymentId);
    if (payment.status === 'authorized' || payment.status === 'captured') return { kind: 'settled', payment: summaryOf(payment) };
    if (payment.status !== 'pending' || !payment.providerReference) throw PaymentsError.notPending(paymentId, payment.status, 'authorized');
    const session = await client.session(payment.providerReference);
    // The widget can change the session's data from the browser; only this payment's amount is accepted.
    if (session.order_amount !== payment.amount || String(session.purchase_currency).toUpperCase() !== payment.currency) {
      throw PaymentsError.declined(METHOD, 'the session no longer matches the order');
    }
    const data: KlarnaOrderData = {
      purchase_country: session.purchase_country,
      purchase_currency: session.purchase_currency,
      locale: session.locale,
      order_amount: session.order_amount,
      order_tax_amount: session.order_tax_amount,
      order_lines: session.order_lines,
      merchant_reference1: payment.orderId,
      merchant_reference2: payment.id,
    };
    const order = await client.createOrder(authorizationToken, data, `order-${payment.id}`);
    return { kind: 'order', paymentId: payment.id, orderId: order.orderId, fraudStatus: order.fraudStatus };
  }

  /** Settles the authorization in the caller's transaction and tells orders. */
  async settleAuthorization(authorization: KlarnaAuthorization): Promise<PaymentSummary> {
    if (authorization.kind === 'settled') return authorization.payment;
    const detail = { klarnaOrderId: authorization.orderId, fraudStatus: authorization.fraudStatus };
    if (authorization.fraudStatus === 'REJECTED') {
      return this.outcomes.failed(authorization.paymentId, { method: METHOD, actor: 'customer', detail });
    }
    return this.outcomes.authorized(authorization.paymentId, { method: METHOD, actor: 'customer', providerReference: authorization.orderId, detail });
  }

  /** The order was made at Klarna but the payment could not take it (cancelled meanwhile, order expired): cancel it there. */
  async abandonOrder(authorization: KlarnaAuthorization): Promise<void> {
    if (authorization.kind !== 'order') return;
    try {
      await this.ready().cancelOrder(authorization.orderId);
    } catch (error) {
      this.logger.error(`Klarna order ${authorization.orderId} of payment ${authorization.paymentId} could not be cancelled: ${error instanceof Error ? error.message : 'error'}`);
    }
  }

  private orderIdOf(payment: PaymentRow): string {
    if (!payment.providerReference) throw PaymentsError.providerUnavailable(METHOD, 'the payment has no Klarna order');
    return payment.providerReference;
  }

  private ready(): KlarnaClient {
    if (!this.client) throw PaymentsError.providerNotConfigured(METHOD);
    return this.client;
  }
}

/** Order lines as Klarna lists them on a capture or refund. */
function klarnaLinesOf(lines: readonly PaymentLine[]): KlarnaOrderLine[] {
  return lines.map((line) => ({
    type: 'physical',
    name: line.name.slice(0, 255),
    quantity: line.quantity,
    unit_price: line.unitPrice,
    tax_rate: line.taxRate,
    total_amount: line.totalAmount,
    total_discount_amount: line.quantity * line.unitPrice - line.totalAmount,
    total_tax_amount: line.totalTaxAmount,
  }));
}

/** The session's order data: the lines given, with a line for any difference to the amount (a discount), or one line for the order. */
function orderDataOf(payment: PaymentRow, lines: readonly PaymentLine[] | undefined): KlarnaOrderData {
  const country = COUNTRY_OF[payment.currency] ?? 'SE';
  const orderLines = klarnaLinesOf(lines ?? []);
  const listed = orderLines.reduce((sum, line) => sum + line.total_amount, 0);
  if (orderLines.length === 0) {
    orderLines.push({ type: 'physical', name: `Order ${payment.orderId.slice(0, 8)}`, quantity: 1, unit_price: payment.amount, tax_rate: 0, total_amount: payment.amount, total_tax_amount: 0 });
  } else if (listed !== payment.amount) {
    const difference = payment.amount - listed;
    orderLines.push({ type: 'discount', name: 'Discount', quantity: 1, unit_price: difference, tax_rate: 0, total_amount: difference, total_tax_amount: 0 });
  }
  return {
    purchase_country: country,
    purchase_currency: payment.currency,
    locale: LOCALE_OF[country] ?? 'sv-SE',
    order_amount: payment.amount,
    order_tax_amount: orderLines.reduce((sum, line) => sum + line.total_tax_amount, 0),
    order_lines: orderLines,
    merchant_reference1: payment.orderId,
    merchant_reference2: payment.id,
  };
}
