/** How a customer pays. Only the providers registered in PaymentsModule are offered. */
export type PaymentMethod = 'test' | 'swish' | 'klarna' | 'card' | 'in_store';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['test', 'swish', 'klarna', 'card', 'in_store'];

export type PaymentStatus =
  | 'created'
  | 'pending'
  | 'authorized'
  | 'captured'
  | 'partially_refunded'
  | 'refunded'
  | 'failed'
  | 'cancelled';
export const PAYMENT_STATUSES: readonly PaymentStatus[] = [
  'created',
  'pending',
  'authorized',
  'captured',
  'partially_refunded',
  'refunded',
  'failed',
  'cancelled',
];

/** Statuses in which no money has moved yet: the payment can still be approved, declined or cancelled. */
export const OPEN_STATUSES: readonly PaymentStatus[] = ['created', 'pending', 'authorized'];

export const PAYMENT_NEXT_ACTION_TYPES = ['test_approval', 'pay_in_store', 'stripe_payment', 'swish_app', 'swish_number', 'klarna_widget'] as const;
export type PaymentNextActionType = (typeof PAYMENT_NEXT_ACTION_TYPES)[number];

/**
 * What the customer does next to pay. Only what the storefront needs and may see: a Stripe
 * client secret or a Swish token is meant for the customer's browser or app, never a merchant secret.
 */
export interface PaymentNextAction {
  readonly type: PaymentNextActionType;
  /** test_approval */
  readonly approveUrl?: string;
  readonly declineUrl?: string;
  /** stripe_payment: confirm with Stripe.js (Payment Element) using these. */
  readonly clientSecret?: string;
  readonly publishableKey?: string;
  /** swish_app: open `swish://paymentrequest?token=…` on the customer's phone. */
  readonly token?: string;
  /** klarna_widget: load Klarna's widget with this; then POST the authorization token to `authorizeUrl`. */
  readonly clientToken?: string;
  readonly sessionId?: string;
  readonly authorizeUrl?: string;
}

export interface PaymentSummary {
  readonly id: string;
  readonly orderId: string;
  readonly storeId: string;
  readonly method: PaymentMethod;
  readonly status: PaymentStatus;
  /** Minor units (öre). */
  readonly amount: number;
  readonly currency: string;
  readonly refundedAmount: number;
  readonly nextAction: PaymentNextAction | null;
}

export interface StartPayment {
  readonly orderId: string;
  readonly storeId: string;
  readonly organisationId: string;
  readonly method: PaymentMethod;
  /** Minor units (öre), above 0. */
  readonly amount: number;
  readonly currency: string;
  /** The same key for the same order returns the first payment. */
  readonly idempotencyKey: string;
  /**
   * Swish: the payer's mobile number (e-commerce: Swish asks that phone to pay). Without it
   * Swish is m-commerce: the storefront opens the Swish app on the same device with the token.
   */
  readonly payerPhone?: string;
  /** The order's lines; Klarna shows them to the customer (without them, one line for the whole order). */
  readonly lines?: readonly PaymentLine[];
}

/** One order line as a provider (Klarna) wants it; amounts in minor units, VAT included. */
export interface PaymentLine {
  readonly name: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly totalAmount: number;
  /** Basis points: 2500 is 25 %. */
  readonly taxRate: number;
  readonly totalTaxAmount: number;
}

/** Orders registers one at module init; called inside the transaction that settled the payment. */
export interface PaymentListener {
  paymentCaptured(payment: PaymentSummary): Promise<void>;
  paymentFailed(payment: PaymentSummary): Promise<void>;
  /**
   * The provider guaranteed the money, to be captured later (Klarna: at acceptance or hand-over,
   * through PaymentsService.capture). Without it, listeners hear paymentCaptured: for the order
   * the payment is secured either way.
   */
  paymentAuthorized?(payment: PaymentSummary): Promise<void>;
}

export const PAYMENT_EVENT_KINDS = [
  'created',
  'started',
  'approved',
  'declined',
  'cancelled',
  'refunded',
  'collected',
  /** The provider took money for a payment Kassa had already cancelled or failed; it was given back at once. */
  'late_success_refunded',
  /** One try to pay failed (a card declined); the payment stays open for another try. */
  'attempt_failed',
  /** The provider guaranteed the money (Klarna order created); captured later. */
  'authorized',
  /** Kassa captured authorized money (Klarna, at acceptance or hand-over). */
  'captured',
] as const;
export type PaymentEventKind = (typeof PAYMENT_EVENT_KINDS)[number];

/** What refundPart is told besides the amount: who asked, and for which lines (Klarna lists them). */
export interface RefundOptions {
  /** Recorded as `staff:<id>`; without it the refund is the system's. */
  readonly staffUserId?: string;
  readonly lines?: readonly PaymentLine[];
}

/** One entry of a payment's log, as the admin shows it: never secrets, references and reasons only. */
export interface PaymentEventView {
  readonly id: string;
  readonly paymentId: string;
  readonly kind: PaymentEventKind;
  readonly fromStatus: PaymentStatus | null;
  readonly toStatus: PaymentStatus;
  /** Minor units: the payment's amount, or what a refund gave back. */
  readonly amount: number;
  readonly providerReference: string | null;
  readonly actor: string;
  readonly reason: string | null;
  readonly at: Date;
}

/** A payment with its whole log. */
export interface PaymentHistory extends PaymentSummary {
  readonly providerReference: string | null;
  readonly events: readonly PaymentEventView[];
}
