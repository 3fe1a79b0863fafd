import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { FakeProviderServer } from './fake-provider-server';

export const SWISH_PAYEE_ALIAS = '1231181189';
/** A payer Swish does not know (ACMT03). */
export const UNKNOWN_PAYER = '46700000000';

/** A CA, a server certificate for 127.0.0.1 and merchant client certificates, made with openssl in a temp dir. */
export class TestCertificates {
  readonly dir = mkdtempSync(join(tmpdir(), 'kassa-swish-'));

  constructor() {
    this.authority('ca');
    this.authority('rogue-ca');
    this.leaf('server', 'ca', '/CN=localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth');
    this.leaf('merchant', 'ca', `/CN=${SWISH_PAYEE_ALIAS}`, 'extendedKeyUsage=clientAuth');
    this.leaf('intruder', 'rogue-ca', `/CN=${SWISH_PAYEE_ALIAS}`, 'extendedKeyUsage=clientAuth');
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  read(name: string): Buffer {
    return readFileSync(this.path(name));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private authority(name: string): void {
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', this.path(`${name}.key`), '-out', this.path(`${name}.pem`), '-days', '2', '-subj', `/CN=Kassa test ${name}`]);
  }

  private leaf(name: string, ca: string, subject: string, extensions: string): void {
    writeFileSync(this.path(`${name}.ext`), `${extensions}\n`);
    openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', this.path(`${name}.key`), '-out', this.path(`${name}.csr`), '-subj', subject]);
    openssl([
      'x509', '-req', '-in', this.path(`${name}.csr`), '-CA', this.path(`${ca}.pem`), '-CAkey', this.path(`${ca}.key`), '-CAcreateserial',
      '-out', this.path(`${name}.pem`), '-days', '2', '-extfile', this.path(`${name}.ext`),
    ]);
  }
}

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: 'pipe' });
}

export interface FakePaymentRequest {
  id: string;
  payeePaymentReference: string;
  paymentReference: string | null;
  callbackUrl: string;
  payerAlias: string | null;
  payeeAlias: string;
  amount: number;
  currency: string;
  message: string;
  status: 'CREATED' | 'PAID' | 'DECLINED' | 'ERROR' | 'CANCELLED';
  errorCode: string | null;
  token: string | null;
  /** ISO 8601, once PAID. */
  datePaid?: string | null;
}

export interface FakeRefund {
  id: string;
  originalPaymentReference: string;
  amount: string;
  payerAlias: string;
  message: string;
  /** ISO 8601; Swish pays refunds out at once here. */
  datePaid?: string;
}

export interface SeenCall {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown> | null;
  /** The CN of the client certificate the caller presented. */
  readonly client: string | null;
}

export type Failure = 'server_error' | 'timeout';

/**
 * A local stand-in for Swish's Commerce API v2 over HTTPS that demands a client certificate
 * from the test CA: payment requests (PUT, GET, PATCH cancel) and refunds (PUT), failures on demand.
 */
export class FakeSwish extends FakeProviderServer<Failure> {
  readonly requests = new Map<string, FakePaymentRequest>();
  readonly refunds: FakeRefund[] = [];
  readonly calls: SeenCall[] = [];

  constructor(private readonly certs: TestCertificates) {
    super();
  }

  /** What points the api at this server, with the merchant's certificate from the test CA. */
  env(): Record<string, string> {
    return {
      SWISH_API_URL: this.url,
      SWISH_PAYEE_ALIAS,
      SWISH_CALLBACK_URL: 'https://kassa.example.com/',
      SWISH_CERT_PATH: this.certs.path('merchant.pem'),
      SWISH_KEY_PATH: this.certs.path('merchant.key'),
      SWISH_CA_PATH: this.certs.path('ca.pem'),
    };
  }

  protected override get protocol(): 'https' {
    return 'https';
  }

  /** Swish speaks mutual TLS: the server's certificate from the test CA, and a client certificate required. */
  protected override createServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Server {
    return createServer({ key: this.certs.read('server.key'), cert: this.certs.read('server.pem'), ca: this.certs.read('ca.pem'), requestCert: true, rejectUnauthorized: true }, handler);
  }

  /** The payer approved in the Swish app. */
  pay(id: string): FakePaymentRequest {
    const request = this.request(id);
    request.status = 'PAID';
    request.paymentReference = randomBytes(16).toString('hex').toUpperCase();
    request.datePaid = new Date().toISOString();
    return request;
  }

  request(id: string): FakePaymentRequest {
    const request = this.requests.get(id);
    if (!request) throw new Error(`no payment request ${id}`);
    return request;
  }

  /** The callback body Swish would post for the request as it stands. */
  callbackBody(id: string, overrides: Partial<FakePaymentRequest> = {}): Record<string, unknown> {
    const { token: _token, ...request } = this.request(id);
    return { ...request, amount: request.amount, dateCreated: new Date().toISOString(), ...overrides };
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    const path = (req.url ?? '').split('?')[0];
    const peer = (req.socket as TLSSocket).getPeerCertificate();
    this.calls.push({ method: req.method ?? '', path, body, client: typeof peer?.subject?.CN === 'string' ? peer.subject.CN : null });

    const failure = this.failureFor(path);
    if (failure === 'timeout') {
      this.hang(res);
      return;
    }
    if (failure === 'server_error') return this.send(res, 500, null);
    let match: RegExpExecArray | null;
    if (req.method === 'PUT' && (match = /^\/api\/v2\/paymentrequests\/([0-9A-F]{32})$/.exec(path)) && body) return this.create(res, match[1], body);
    if (req.method === 'GET' && (match = /^\/api\/v1\/paymentrequests\/([0-9A-F]{32})$/.exec(path))) {
      const request = this.requests.get(match[1]);
      if (!request) return this.send(res, 404, null);
      const { token: _token, ...visible } = request;
      return this.send(res, 200, visible);
    }
    if (req.method === 'PATCH' && (match = /^\/api\/v1\/paymentrequests\/([0-9A-F]{32})$/.exec(path))) {
      const request = this.requests.get(match[1]);
      if (!request) return this.send(res, 404, null);
      if (request.status !== 'CREATED') return this.send(res, 422, [{ errorCode: 'RP07', errorMessage: 'Transaction is not in status CREATED' }]);
      request.status = 'CANCELLED';
      return this.send(res, 200, request);
    }
    if (req.method === 'PUT' && (match = /^\/api\/v2\/refunds\/([0-9A-F]{32})$/.exec(path)) && body) return this.refund(res, match[1], body);
    if (req.method === 'GET' && (match = /^\/api\/v1\/refunds\/([0-9A-F]{32})$/.exec(path))) {
      const refund = this.refunds.find((r) => r.id === match?.[1]);
      if (!refund) return this.send(res, 404, null);
      return this.send(res, 200, { ...refund, amount: Number(refund.amount), currency: 'SEK', status: 'PAID', paymentReference: refund.id });
    }
    this.send(res, 404, null);
  }

  private create(res: ServerResponse, id: string, body: Record<string, unknown>): void {
    const problems = [
      body.payeeAlias !== SWISH_PAYEE_ALIAS ? 'RP01' : null,
      typeof body.amount !== 'string' || !/^\d{1,10}\.\d{2}$/.test(body.amount) ? 'PA02' : null,
      body.currency !== 'SEK' ? 'AM03' : null,
      typeof body.callbackUrl !== 'string' || !body.callbackUrl.startsWith('https://') ? 'RP03' : null,
      typeof body.message === 'string' && body.message.length > 50 ? 'RP02' : null,
    ].filter((p): p is string => p !== null);
    if (problems.length > 0) return this.send(res, 422, problems.map((errorCode) => ({ errorCode, errorMessage: 'invalid' })));
    if (body.payerAlias === UNKNOWN_PAYER) return this.send(res, 422, [{ errorCode: 'ACMT03', errorMessage: 'Payer not Enrolled' }]);
    const existing = this.requests.get(id);
    const request: FakePaymentRequest = existing ?? {
      id,
      payeePaymentReference: String(body.payeePaymentReference ?? ''),
      paymentReference: null,
      callbackUrl: String(body.callbackUrl),
      payerAlias: typeof body.payerAlias === 'string' ? body.payerAlias : null,
      payeeAlias: SWISH_PAYEE_ALIAS,
      amount: Number(body.amount),
      currency: 'SEK',
      message: String(body.message ?? ''),
      status: 'CREATED',
      errorCode: null,
      token: typeof body.payerAlias === 'string' ? null : randomBytes(16).toString('hex'),
    };
    this.requests.set(id, request);
    const headers: Record<string, string> = { Location: `${this.url}/api/v1/paymentrequests/${id}` };
    if (request.token) headers.PaymentRequestToken = request.token;
    res.writeHead(201, headers);
    res.end();
  }

  private refund(res: ServerResponse, id: string, body: Record<string, unknown>): void {
    const paid = [...this.requests.values()].find((r) => r.status === 'PAID' && r.paymentReference === body.originalPaymentReference);
    if (!paid) return this.send(res, 422, [{ errorCode: 'RF02', errorMessage: 'Original payment not found' }]);
    if (this.refunds.some((r) => r.id === id)) return this.send(res, 201, null);
    const given = this.refunds.filter((r) => r.originalPaymentReference === paid.paymentReference).reduce((sum, r) => sum + Number(r.amount), 0);
    if (typeof body.amount !== 'string' || given + Number(body.amount) > paid.amount + 0.001) return this.send(res, 422, [{ errorCode: 'RF07', errorMessage: 'Amount too large' }]);
    this.refunds.push({
      id,
      originalPaymentReference: String(body.originalPaymentReference),
      amount: body.amount,
      payerAlias: String(body.payerAlias),
      message: String(body.message ?? ''),
      datePaid: new Date().toISOString(),
    });
    res.writeHead(201, { Location: `${this.url}/api/v1/refunds/${id}` });
    res.end();
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, body === null ? {} : { 'Content-Type': 'application/json' });
    res.end(body === null ? undefined : JSON.stringify(body));
  }
}
