export const PAYMENTS_OPTIONS = Symbol('PAYMENTS_OPTIONS');

/** Card payments through Stripe (PaymentIntents + Payment Element; card data never reaches Kassa). */
export interface StripeOptions {
  /** `sk_…`; sent only to Stripe, never logged or stored. */
  readonly secretKey: string;
  /** `pk_…`; handed to the storefront with each payment. */
  readonly publishableKey: string;
  /** `whsec_…`; verifies the `Stripe-Signature` of webhooks. */
  readonly webhookSecret: string;
  /** Where the storefront loads Stripe.js from (`GET /payments/config`); the app sets the official default. */
  readonly scriptUrl?: string;
  /** Where the API lives; only tests point it elsewhere. */
  readonly apiUrl?: string;
  /** Per call; the default is 10 s. */
  readonly timeoutMs?: number;
  /** The SDK's own retries of failed network calls (with the same idempotency key); default 1. */
  readonly maxNetworkRetries?: number;
}

/** Swish Commerce API v2 over mutual TLS with the merchant's certificate. */
export interface SwishOptions {
  readonly apiUrl: string;
  /** The merchant's Swish number (payeeAlias), e.g. 1231181189. */
  readonly payeeAlias: string;
  /** Base URL Swish calls back on; `/api/v1/payments/swish/callback` is appended. https in production. */
  readonly callbackBaseUrl: string;
  /** PEM files of the merchant certificate, its key and the CA to trust for Swish's server; or a PKCS#12 bundle. */
  readonly certPath?: string;
  readonly keyPath?: string;
  readonly caPath?: string;
  readonly p12Path?: string;
  readonly p12Passphrase?: string;
  readonly timeoutMs?: number;
}

/** Klarna Payments + Order Management, with Basic auth (the API credentials of the merchant). */
export interface KlarnaOptions {
  /** Klarna's API base for the merchant's region, e.g. the EU playground or production host. */
  readonly apiUrl: string;
  readonly username: string;
  readonly password: string;
  /** When the authorized money is taken: when the store accepts the order, or at hand-over. Orders calls PaymentsService.capture then. */
  readonly captureOn: 'accept' | 'handover';
  readonly timeoutMs?: number;
  /** Where the storefront loads Klarna's JavaScript library from (`GET /payments/config`); the app sets the official default. */
  readonly scriptUrl?: string;
}

export interface PaymentsOptions {
  /** The `test` provider and its approve/decline endpoints; on by default only in the embedded mode. */
  readonly testPayments: boolean;
  /** Card payments; offered only when set. */
  readonly stripe?: StripeOptions;
  /** Swish; offered only when set. */
  readonly swish?: SwishOptions;
  /** Klarna; offered only when set. */
  readonly klarna?: KlarnaOptions;
  /** Injectable clock for signature tolerance checks (tests); defaults to Date.now. */
  readonly now?: () => number;
}
