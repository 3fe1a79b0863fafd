import type { PaymentLine, PaymentMethod, PaymentNextAction, StartPayment } from '../payments.types';
import type { PaymentRow } from '../payment-ledger.repository';
import type { DayRange, ProviderSettlement, SettledPayment } from '../reconciliation/reconciliation.types';

/** What a provider answers when a payment opens with it. */
export interface ProviderStart {
  readonly nextAction: PaymentNextAction | null;
  /** The provider's id for the payment, if it has one; never a secret. */
  readonly providerReference: string | null;
  /** Logged in payment_event with the start: the provider's request id and the like, never a secret. */
  readonly detail?: Record<string, unknown>;
}

/** What a provider answers to a cancel or a refund. */
export interface ProviderResult {
  readonly providerReference?: string | null;
  /** Logged in payment_event; references and reasons only. */
  readonly detail?: Record<string, unknown>;
}

/**
 * One adapter per payment method. PaymentsService picks it by the payment's method and calls it
 * inside the caller's transaction, with the payment row locked. Outcomes the provider reports
 * later (approved, declined; webhooks) go through PaymentOutcomes.
 */
export interface PaymentProvider {
  readonly method: PaymentMethod;
  /** Whether a store can start payments with this method now. */
  offeredAt(storeId: string): boolean | Promise<boolean>;
  /** Opens the payment (status created) with the provider; it becomes pending. `input` carries what only some providers use (the payer's phone). */
  start(payment: PaymentRow, input?: StartPayment): Promise<ProviderStart>;
  /** Drops a payment no money has moved for yet (created, pending, authorized). */
  cancel(payment: PaymentRow, reason: string): Promise<ProviderResult>;
  /**
   * Gives `amount` of a captured payment back; resolves once the provider accepted it. `lines`
   * name what a per-line refund is for (Klarna lists them; the others ignore them).
   */
  refund(payment: PaymentRow, amount: number, reason: string, lines?: readonly PaymentLine[]): Promise<ProviderResult>;
  /** Takes authorized money (Klarna); providers that capture at once have none. */
  capture?(payment: PaymentRow): Promise<ProviderResult>;
  /**
   * Starting it means a call over the network (Stripe, Swish, Klarna): callers open the payment,
   * commit, and then start it (PaymentsService.open → contact → opened), never under row locks.
   */
  readonly remote?: boolean;
  /** When an authorized payment is captured: the store accepting the order, or its hand-over. */
  readonly captureOn?: 'accept' | 'handover' | null;
  /**
   * What the provider says moved in `range` (end-of-day reconciliation): per payment the money it
   * captured and refunded then, and money carrying our metadata that no given payment explains.
   * Throws PAYMENT_PROVIDER_UNAVAILABLE when the provider cannot be asked. Providers without one
   * (test, in_store) have no side but Kassa's own ledger.
   */
  settled?(payments: readonly SettledPayment[], range: DayRange): Promise<ProviderSettlement>;
}

/** Every registered adapter, as the module lists them. */
export const PAYMENT_PROVIDERS = Symbol('PAYMENT_PROVIDERS');
