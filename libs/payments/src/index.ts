export { PaymentsModule, PAYMENTS_ENTITIES } from './payments.module';
export { PAYMENTS_OPTIONS } from './payments.options';
export type { PaymentsOptions } from './payments.options';
