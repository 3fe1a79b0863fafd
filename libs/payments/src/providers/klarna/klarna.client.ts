import { PaymentsError } from '../../payments.errors';
import type { KlarnaOptions } from '../../payments.options';

const METHOD = 'klarna';
const DEFAULT_TIMEOUT_MS = 10_000;

/** An order line as Klarna takes it: minor units, tax_rate in basis points (2500 = 25 %). */
export interface KlarnaOrderLine {
  readonly type?: string;
  readonly reference?: string;
  readonly name: string;
  readonly quantity: number;
  readonly unit_price: number;
  readonly tax_rate: number;
  readonly total_amount: number;
  readonly total_discount_amount?: number;
  readonly total_tax_amount: number;
}

/** What a payment session and an order are made of. */
export interface KlarnaOrderData {
  readonly purchase_country: string;
  readonly purchase_currency: string;
  readonly locale: string;
  readonly order_amount: number;
  readonly order_tax_amount: number;
  readonly order_lines: readonly KlarnaOrderLine[];
  readonly merchant_reference1?: string;
  readonly merchant_reference2?: string;
}

/** An order's captures and refunds as Order Management lists them; `at` is ISO 8601 when Klarna gives it. */
export interface KlarnaOrderMoney {
  readonly capturedAmount: number;
  readonly refundedAmount: number;
  readonly captures: ReadonlyArray<{ readonly amount: number; readonly at: string | null }>;
  readonly refunds: ReadonlyArray<{ readonly amount: number; readonly at: string | null }>;
}

export interface KlarnaAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown> | null;
}

/**
 * Klarna Payments and Order Management over HTTPS with Basic auth. Each call has a timeout;
 * POSTs that move money carry a Klarna-Idempotency-Key so a retry is the same operation.
 */
export class KlarnaClient {
  private readonly base: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;

  constructor(settings: KlarnaOptions) {
    this.base = settings.apiUrl.replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString('base64')}`;
    this.timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** POST /payments/v1/sessions → session_id and client_token for the widget, and Klarna's correlation id of the call. */
  async createSession(data: KlarnaOrderData): Promise<{ sessionId: string; clientToken: string; correlationId: string | null }> {
    const answer = await this.call('POST', '/payments/v1/sessions', 'open a payment session', { ...data, intent: 'buy' });
    const sessionId = answer.body?.session_id;
    const clientToken = answer.body?.client_token;
    if (answer.status !== 200 || typeof sessionId !== 'string' || typeof clientToken !== 'string') throw refused(answer, 'open a payment session');
    return { sessionId, clientToken, correlationId: answer.headers.get('klarna-correlation-id') };
  }

  /** GET /payments/v1/sessions/{id}: the order data as it stands (the widget may have changed it). */
  async session(sessionId: string): Promise<KlarnaOrderData> {
    const answer = await this.call('GET', `/payments/v1/sessions/${encodeURIComponent(sessionId)}`, 'read the payment session');
    if (answer.status !== 200 || !answer.body) throw refused(answer, 'read the payment session');
    return answer.body as unknown as KlarnaOrderData;
  }

  /** POST /payments/v1/authorizations/{token}/order: the customer's authorization becomes an order. A refused token is a decline. */
  async createOrder(authorizationToken: string, data: KlarnaOrderData, idempotencyKey: string): Promise<{ orderId: string; fraudStatus: string }> {
    const answer = await this.call('POST', `/payments/v1/authorizations/${encodeURIComponent(authorizationToken)}/order`, 'create the order', data, idempotencyKey);
    const orderId = answer.body?.order_id;
    if (answer.status === 200 && typeof orderId === 'string') return { orderId, fraudStatus: String(answer.body?.fraud_status ?? 'ACCEPTED') };
    if (answer.status >= 400 && answer.status < 500 && answer.status !== 401 && answer.status !== 403) {
      throw PaymentsError.declined(METHOD, errorCodeOf(answer) ?? `authorization refused (${answer.status})`);
    }
    throw refused(answer, 'create the order');
  }

  /** GET /ordermanagement/v1/orders/{id}. */
  async order(orderId: string): Promise<{ status: string; orderLines: KlarnaOrderLine[] }> {
    const answer = await this.call('GET', `/ordermanagement/v1/orders/${encodeURIComponent(orderId)}`, 'read the order');
    if (answer.status !== 200 || !answer.body) throw refused(answer, 'read the order');
    return { status: String(answer.body.status ?? ''), orderLines: Array.isArray(answer.body.order_lines) ? (answer.body.order_lines as KlarnaOrderLine[]) : [] };
  }

  /** GET /ordermanagement/v1/orders/{id}: the money on it (reconciliation); null when Klarna has no such order. */
  async orderMoney(orderId: string): Promise<KlarnaOrderMoney | null> {
    const answer = await this.call('GET', `/ordermanagement/v1/orders/${encodeURIComponent(orderId)}`, 'read the order');
    if (answer.status === 404) return null;
    if (answer.status !== 200 || !answer.body) throw refused(answer, 'read the order');
    const list = (value: unknown): Array<Record<string, unknown>> => (Array.isArray(value) ? (value as Array<Record<string, unknown>>) : []);
    return {
      capturedAmount: Number(answer.body.captured_amount ?? 0),
      refundedAmount: Number(answer.body.refunded_amount ?? 0),
      captures: list(answer.body.captures).map((c) => ({ amount: Number(c.captured_amount ?? 0), at: typeof c.captured_at === 'string' ? c.captured_at : null })),
      refunds: list(answer.body.refunds).map((r) => ({ amount: Number(r.refunded_amount ?? 0), at: typeof r.refunded_at === 'string' ? r.refunded_at : null })),
    };
  }

  /** POST …/captures → 201 with Capture-Id. */
  async capture(orderId: string, body: Record<string, unknown>, idempotencyKey: string): Promise<string | null> {
    const answer = await this.call('POST', `/ordermanagement/v1/orders/${encodeURIComponent(orderId)}/captures`, 'capture the order', body, idempotencyKey);
    if (answer.status !== 201) throw refused(answer, 'capture the order');
    return answer.headers.get('capture-id');
  }

  /** POST …/refunds → 201 with Refund-Id. */
  async refund(orderId: string, body: Record<string, unknown>, idempotencyKey: string): Promise<string | null> {
    const answer = await this.call('POST', `/ordermanagement/v1/orders/${encodeURIComponent(orderId)}/refunds`, 'refund the order', body, idempotencyKey);
    if (answer.status !== 201) throw refused(answer, 'refund the order');
    return answer.headers.get('refund-id');
  }

  /** POST …/cancel → 204: an authorized order nothing was captured on. */
  async cancelOrder(orderId: string): Promise<void> {
    const answer = await this.call('POST', `/ordermanagement/v1/orders/${encodeURIComponent(orderId)}/cancel`, 'cancel the order', undefined, `cancel-${orderId}`);
    if (answer.status !== 204 && answer.status !== 200) throw refused(answer, 'cancel the order');
  }

  private async call(method: string, path: string, what: string, body?: unknown, idempotencyKey?: string): Promise<KlarnaAnswer> {
    const headers: Record<string, string> = { Authorization: this.authorization, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey) headers['Klarna-Idempotency-Key'] = idempotencyKey;
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError') ? 'no answer in time' : 'no connection';
      throw PaymentsError.providerUnavailable(METHOD, `could not ${what} (${reason})`);
    }
    let parsed: Record<string, unknown> | null = null;
    try {
      const text = await response.text();
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      parsed = null;
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }
}

function errorCodeOf(answer: KlarnaAnswer): string | null {
  const code = answer.body?.error_code;
  return typeof code === 'string' ? code.slice(0, 40) : null;
}

/** Anything Klarna refused that is not the customer's decline: ours or Klarna's problem, said without secrets. */
function refused(answer: KlarnaAnswer, what: string): PaymentsError {
  const code = errorCodeOf(answer);
  return PaymentsError.providerUnavailable(METHOD, `could not ${what} (${answer.status}${code ? ` ${code}` : ''})`);
}
