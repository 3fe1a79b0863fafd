export { PaymentsModule, PAYMENTS_ENTITIES } from './payments.module';
export { PAYMENTS_OPTIONS } from './payments.options';
export type { KlarnaOptions, PaymentsOptions, StripeOptions, SwishOptions } from './payments.options';
export { PaymentsService } from './payments.service';
export type { ProviderStart } from './providers/payment-provider';
export { PaymentOutcomes } from './payment-outcomes';
export { PaymentsError, PaymentsErrorCode } from './payments.errors';
export { PAYMENT_METHODS, PAYMENT_NEXT_ACTION_TYPES, PAYMENT_STATUSES } from './payments.types';
export type { PaymentLine, PaymentListener, PaymentMethod, PaymentNextAction, PaymentStatus, PaymentSummary, StartPayment } from './payments.types';
