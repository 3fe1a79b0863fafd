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

/** What the customer does next to pay. */
export interface PaymentNextAction {
  readonly type: 'test_approval' | 'pay_in_store';
  readonly approveUrl?: string;
  readonly declineUrl?: string;
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
}

/** Orders registers one at module init; called inside the transaction that settled the payment. */
export interface PaymentListener {
  paymentCaptured(payment: PaymentSummary): Promise<void>;
  paymentFailed(payment: PaymentSummary): Promise<void>;
}

export const PAYMENT_EVENT_KINDS = ['created', 'started', 'approved', 'declined', 'cancelled', 'refunded', 'collected'] as const;
export type PaymentEventKind = (typeof PAYMENT_EVENT_KINDS)[number];
