export const PAYMENTS_OPTIONS = Symbol('PAYMENTS_OPTIONS');

export interface PaymentsOptions {
  /** The `test` provider and its approve/decline endpoints; on by default only in the embedded mode. */
  readonly testPayments: boolean;
}
