export { PaymentsModule, PAYMENTS_ENTITIES } from './payments.module';
export { PAYMENTS_OPTIONS } from './payments.options';
export type { KlarnaOptions, PaymentsOptions, StripeOptions, SwishOptions } from './payments.options';
export { PaymentsService } from './payments.service';
export type { ProviderStart } from './providers/payment-provider';
export { PaymentOutcomes } from './payment-outcomes';
export { PaymentsError, PaymentsErrorCode } from './payments.errors';
export { PAYMENT_METHODS, PAYMENT_NEXT_ACTION_TYPES, PAYMENT_STATUSES } from './payments.types';
export type { PaymentEventView, PaymentHistory, RefundOptions, PaymentLine, PaymentListener, PaymentMethod, PaymentNextAction, PaymentStatus, PaymentSummary, StartPayment } from './payments.types';
export { ReconciliationService } from './reconciliation/reconciliation.service';
export { reconciliationCsv, RECONCILIATION_CSV_COLUMNS } from './reconciliation/reconciliation-csv';
export { MISMATCH_KINDS } from './reconciliation/reconciliation.types';
export type {
  Mismatch,
  MismatchKind,
  ProviderReconciliation,
  ReconciledPayment,
  ReconciliationOrder,
  ReconciliationOrders,
  ReconciliationReport,
} from './reconciliation/reconciliation.types';
