import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { PaymentsError } from '../../payments.errors';
import type { SwishOptions } from '../../payments.options';

const METHOD = 'swish';
const DEFAULT_TIMEOUT_MS = 10_000;

/** A payment request as Swish returns it (GET, and the callback body). */
export interface SwishPaymentRequest {
  readonly id: string;
  readonly payeePaymentReference?: string | null;
  /** Swish's reference of the money once PAID; what a refund names. */
  readonly paymentReference?: string | null;
  readonly payeeAlias?: string;
  readonly payerAlias?: string | null;
  readonly amount: number;
  readonly currency: string;
  readonly status: 'CREATED' | 'PAID' | 'DECLINED' | 'ERROR' | 'CANCELLED';
  readonly errorCode?: string | null;
  /** ISO 8601, once PAID. */
  readonly datePaid?: string | null;
}

/** A refund as Swish returns it (GET /api/v1/refunds/{id}). */
export interface SwishRefund {
  readonly id: string;
  readonly amount: number;
  readonly currency: string;
  readonly status: 'CREATED' | 'VALIDATED' | 'DEBITED' | 'PAID' | 'ERROR';
  readonly datePaid?: string | null;
}

export interface SwishCreated {
  /** m-commerce: the token the app switch needs. */
  readonly token: string | null;
  readonly location: string | null;
}

export interface SwishError {
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

/** Swish's answers that say the payer (not Swish, not Kassa) is the problem: a decline. */
const PAYER_ERRORS = new Set(['ACMT03', 'ACMT01', 'ACMT07', 'BE18', 'RP06', 'AM21', 'AM02']);

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * The Swish Commerce API over mutual TLS: every call presents the merchant certificate and
 * trusts only the configured CA. Certificates are read from the configured paths at boot and
 * never logged. Each call has a timeout; failures become PaymentsError.
 */
export class SwishClient {
  private readonly agent: Agent;
  private readonly base: URL;
  private readonly timeoutMs: number;

  constructor(settings: SwishOptions) {
    this.base = new URL(settings.apiUrl);
    this.timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.agent = new Agent({
      keepAlive: true,
      ...(settings.p12Path ? { pfx: readFileSync(settings.p12Path), passphrase: settings.p12Passphrase } : {}),
      ...(settings.certPath ? { cert: readFileSync(settings.certPath) } : {}),
      ...(settings.keyPath ? { key: readFileSync(settings.keyPath) } : {}),
      ...(settings.caPath ? { ca: readFileSync(settings.caPath) } : {}),
    });
  }

  /** PUT /api/v2/paymentrequests/{instructionUUID}: 201 with the token (m-commerce) in PaymentRequestToken. */
  async createPaymentRequest(instructionId: string, body: Record<string, unknown>): Promise<SwishCreated> {
    const answer = await this.call('PUT', `/api/v2/paymentrequests/${instructionId}`, body, 'create the payment request');
    if (answer.status !== 201) throw this.refused(answer, 'create the payment request');
    return { token: header(answer, 'paymentrequesttoken'), location: header(answer, 'location') };
  }

  /** GET /api/v1/paymentrequests/{id}: where the payment request stands now, straight from Swish. */
  async paymentRequest(instructionId: string): Promise<SwishPaymentRequest> {
    const answer = await this.call('GET', `/api/v1/paymentrequests/${instructionId}`, undefined, 'look up the payment request');
    if (answer.status !== 200) throw this.refused(answer, 'look up the payment request');
    const parsed = parseJson(answer.body) as SwishPaymentRequest | null;
    if (!parsed || typeof parsed.status !== 'string' || typeof parsed.amount !== 'number') {
      throw PaymentsError.providerUnavailable(METHOD, 'could not read the payment request');
    }
    return parsed;
  }

  /** The payment request, or null when Swish has none by this id (reconciliation). */
  async paymentRequestIfAny(instructionId: string): Promise<SwishPaymentRequest | null> {
    const answer = await this.call('GET', `/api/v1/paymentrequests/${instructionId}`, undefined, 'look up the payment request');
    if (answer.status === 404) return null;
    if (answer.status !== 200) throw this.refused(answer, 'look up the payment request');
    const parsed = parseJson(answer.body) as SwishPaymentRequest | null;
    if (!parsed || typeof parsed.status !== 'string' || typeof parsed.amount !== 'number') throw PaymentsError.providerUnavailable(METHOD, 'could not read the payment request');
    return parsed;
  }

  /** GET /api/v1/refunds/{instructionUUID}; null when Swish has no such refund. */
  async refund(instructionId: string): Promise<SwishRefund | null> {
    const answer = await this.call('GET', `/api/v1/refunds/${instructionId}`, undefined, 'look up the refund');
    if (answer.status === 404) return null;
    if (answer.status !== 200) throw this.refused(answer, 'look up the refund');
    const parsed = parseJson(answer.body) as SwishRefund | null;
    if (!parsed || typeof parsed.status !== 'string' || typeof parsed.amount !== 'number') throw PaymentsError.providerUnavailable(METHOD, 'could not read the refund');
    return parsed;
  }

  /** PATCH status → cancelled: a payment request nobody paid can no longer be paid. */
  async cancelPaymentRequest(instructionId: string): Promise<number> {
    const answer = await this.call(
      'PATCH',
      `/api/v1/paymentrequests/${instructionId}`,
      [{ op: 'replace', path: '/status', value: 'cancelled' }],
      'cancel the payment request',
      'application/json-patch+json',
    );
    return answer.status;
  }

  /** PUT /api/v2/refunds/{instructionUUID}: 201 once Swish accepted the refund. */
  async createRefund(instructionId: string, body: Record<string, unknown>): Promise<void> {
    const answer = await this.call('PUT', `/api/v2/refunds/${instructionId}`, body, 'refund the payment');
    if (answer.status !== 201) throw this.refused(answer, 'refund the payment');
  }

  close(): void {
    this.agent.destroy();
  }

  private call(method: string, path: string, body: unknown, what: string, contentType = 'application/json'): Promise<Answer> {
    const url = new URL(`${this.base.pathname.replace(/\/+$/, '')}${path}`, this.base);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<Answer>((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          agent: this.agent,
          timeout: this.timeoutMs,
          headers: payload === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', () => reject(PaymentsError.providerUnavailable(METHOD, `could not ${what} (connection lost)`)));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (error: Error) => {
        const reason = error.message === 'timeout' ? 'no answer in time' : 'no connection';
        reject(PaymentsError.providerUnavailable(METHOD, `could not ${what} (${reason})`));
      });
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /** A 4xx naming a payer problem is a decline; anything else is Swish (or our setup) being unavailable. */
  private refused(answer: Answer, what: string): PaymentsError {
    const errors = parseJson(answer.body);
    const first = Array.isArray(errors) ? (errors[0] as SwishError | undefined) : undefined;
    const code = typeof first?.errorCode === 'string' ? first.errorCode.slice(0, 20) : null;
    if (answer.status === 422 && code && PAYER_ERRORS.has(code)) return PaymentsError.declined(METHOD, code);
    return PaymentsError.providerUnavailable(METHOD, `could not ${what} (${answer.status}${code ? ` ${code}` : ''})`);
  }
}

function header(answer: Answer, name: string): string | null {
  const value = answer.headers[name];
  return typeof value === 'string' ? value : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
