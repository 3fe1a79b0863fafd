import type { Catalog, CheckoutRequest, Order, PaymentMethods, PaymentsConfig, PickupPass, PickupSlots, Store } from './types';

/** Where the api is: set VITE_KASSA_API_URL at build time for a static host; empty = this origin. */
const API_BASE = `${(import.meta.env.VITE_KASSA_API_URL ?? '').replace(/\/+$/, '')}/api/v1`;

export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

/** An answer the api gave (its error body), or `NETWORK` when none came. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly FieldProblem[] = [],
  ) {
    super(message);
  }

  get isNetwork(): boolean {
    return this.code === 'NETWORK';
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers: { Accept: 'application/json', ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body ?? {}) as { code?: string; message?: string; details?: FieldProblem[] };
    throw new ApiError(response.status, error.code ?? `HTTP_${response.status}`, error.message ?? response.statusText, error.details ?? []);
  }
  return body as T;
}

const orderToken = (token: string) => ({ 'X-Order-Token': token });

export const api = {
  stores: () => call<Store[]>('GET', '/stores'),
  store: (storeId: string) => call<Store>('GET', `/stores/${encodeURIComponent(storeId)}`),
  catalog: (storeId: string) => call<Catalog>('GET', `/stores/${storeId}/catalog`),
  paymentMethods: (storeId: string) => call<PaymentMethods>('GET', `/stores/${storeId}/payment-methods`),
  /** `items` is the cart as productId:quantity pairs: its size and kitchen time decide which slots fit. */
  pickupSlots: (storeId: string, items: string, days: number) =>
    call<PickupSlots>('GET', `/stores/${storeId}/pickup-slots?days=${days}${items ? `&items=${encodeURIComponent(items)}` : ''}`),
  placeOrder: (body: CheckoutRequest, idempotencyKey: string) => call<Order>('POST', '/orders', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  order: (id: string, token: string) => call<Order>('GET', `/orders/${encodeURIComponent(id)}`, { headers: orderToken(token) }),
  cancelOrder: (id: string, token: string) => call<Order>('POST', `/orders/${encodeURIComponent(id)}/cancel`, { headers: orderToken(token) }),
  pickupPass: (id: string, token: string) => call<PickupPass>('GET', `/orders/${encodeURIComponent(id)}/pickup-pass`, { headers: orderToken(token) }),
  /** The demo `test` provider's stand-in for a payment page. */
  testPayment: (paymentId: string, outcome: 'approve' | 'decline') => call<unknown>('POST', `/payments/test/${encodeURIComponent(paymentId)}/${outcome}`),
  /** Where Stripe.js and Klarna's library come from on this server. */
  paymentsConfig: () => call<PaymentsConfig>('GET', '/payments/config'),
  /** Hands the token Klarna's widget returned to Kassa, which turns it into a Klarna order. */
  klarnaAuthorize: (paymentId: string, authorizationToken: string) =>
    call<{ status: string }>('POST', `/payments/klarna/${encodeURIComponent(paymentId)}/authorize`, { body: { authorizationToken } }),
};
