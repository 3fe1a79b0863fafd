export const ORDERS_OPTIONS = Symbol('ORDERS_OPTIONS');

export interface OrdersOptions {
  /** Signs order tokens and pickup passes (derived from the app's secret, 32 bytes). */
  readonly signingKey: Buffer;
  /** How long an unpaid checkout keeps its slot and stock. */
  readonly holdTtlSeconds: number;
  /** Minutes after the pickup window before an uncollected ready order becomes a no-show. */
  readonly noShowGraceMinutes: number;
}
