import type { PaymentMethod, PaymentStatus } from '../payments.types';

/** A store's business day as instants: from its local midnight up to (not including) the next. */
export interface DayRange {
  readonly from: Date;
  readonly to: Date;
}

/** A payment Kassa moved money on in the day, as a provider adapter needs it to ask about it. */
export interface SettledPayment {
  readonly id: string;
  readonly orderId: string;
  readonly storeId: string;
  readonly method: PaymentMethod;
  readonly status: PaymentStatus;
  readonly amount: number;
  readonly currency: string;
  /** The provider's id (Stripe intent, Klarna order, Swish payment reference). */
  readonly providerReference: string | null;
  /** Refund ids Kassa logged for the payment, any day (Swish refund instructions). */
  readonly refundReferences: readonly string[];
}

/** What a provider says moved for one payment in the range; minor units. */
export interface ProviderAmounts {
  readonly captured: number;
  readonly refunded: number;
}

/** Money at the provider that no payment handed to the adapter explains. */
export interface ProviderOnly extends ProviderAmounts {
  /** The provider's id of the money (Stripe payment intent or charge). */
  readonly reference: string;
  /** From the provider's metadata, when it carries ours. */
  readonly paymentId: string | null;
  readonly storeId: string | null;
}

export interface ProviderSettlement {
  /** By payment id; a payment missing here is one the provider knows nothing of in the range. */
  readonly payments: ReadonlyMap<string, ProviderAmounts>;
  readonly unknown: readonly ProviderOnly[];
}

export const MISMATCH_KINDS = ['missing_at_provider', 'missing_in_kassa', 'amount_differs', 'refund_differs', 'status_mismatch'] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

export interface Mismatch {
  readonly kind: MismatchKind;
  readonly paymentId: string | null;
  readonly orderId: string | null;
  readonly orderNumber: string | null;
  readonly kassaAmount: number | null;
  readonly providerAmount: number | null;
  readonly detail: string;
}

export interface SideTotals {
  readonly captured: number;
  readonly refunded: number;
  /** Payments with money moved in the day. */
  readonly count: number;
}

/** One payment (or one provider-only capture) of the day with both sides; a CSV row. */
export interface ReconciledPayment {
  readonly paymentId: string | null;
  readonly providerReference: string | null;
  readonly orderId: string | null;
  readonly orderNumber: string | null;
  readonly orderStatus: string | null;
  readonly paymentStatus: PaymentStatus | null;
  readonly currency: string;
  readonly kassa: ProviderAmounts;
  /** null: no provider side (test, in_store) or the provider could not be asked. */
  readonly provider: ProviderAmounts | null;
  readonly mismatches: readonly MismatchKind[];
}

export interface ProviderReconciliation {
  readonly method: PaymentMethod;
  readonly kassa: SideTotals;
  /** null for test and in_store (Kassa's ledger is the truth) and when the provider was unreachable. */
  readonly provider: SideTotals | null;
  readonly reachable: boolean;
  /** Why the provider could not be asked; null when it was. */
  readonly error: string | null;
  readonly mismatches: readonly Mismatch[];
  readonly payments: readonly ReconciledPayment[];
}

export interface ReconciliationReport {
  readonly storeId: string;
  /** The store-local business day. */
  readonly date: string;
  readonly timezone: string;
  readonly from: string;
  readonly to: string;
  readonly providers: readonly ProviderReconciliation[];
  readonly totals: { readonly kassa: SideTotals; readonly provider: SideTotals; readonly mismatches: number };
}

/** An order as reconciliation shows it; orders hands these over (see ReconciliationOrders). */
export interface ReconciliationOrder {
  readonly id: string;
  readonly number: string;
  readonly status: string;
  readonly paymentId: string | null;
  readonly paymentMethod: string;
}

/**
 * What payments asks of orders for the report. Orders registers one at init (it already knows
 * payments); payments cannot ask orders directly without a cycle. Without one, the report has
 * no order numbers and skips the order/payment status checks.
 */
export interface ReconciliationOrders {
  /** The orders with these ids (any the caller may see). */
  ordersOf(orderIds: readonly string[]): Promise<ReconciliationOrder[]>;
  /** The store's orders of a business day. */
  ordersOfDay(storeId: string, businessDate: string): Promise<ReconciliationOrder[]>;
}
