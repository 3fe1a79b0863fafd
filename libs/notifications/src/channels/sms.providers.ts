import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from '../notifications.options';
import { SmsProviderName } from '../notification.types';
import { DeliveryFailure, DeliveryReceipt } from './delivery';

const TIMEOUT_MS = 15_000;

export interface Sms {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
}

/** One SMS gateway. */
export interface SmsProvider {
  readonly name: Exclude<SmsProviderName, 'none'>;
  send(sms: Sms): Promise<DeliveryReceipt>;
}

/** 46elks: `POST {base}/a1/sms`, basic auth, form fields from, to, message; answers `{ id, status }`. */
class ElksProvider implements SmsProvider {
  readonly name = '46elks' as const;

  constructor(private readonly config: NonNullable<NotificationsOptions['sms']['elks']>) {}

  async send(sms: Sms): Promise<DeliveryReceipt> {
    const response = await post(this.name, `${trimSlash(this.config.baseUrl)}/a1/sms`, this.config.username, this.config.password, { from: sms.from, to: sms.to, message: sms.body });
    const body = (await readJson(response)) as { id?: unknown };
    return { provider: this.name, providerMessageId: typeof body?.id === 'string' ? body.id : null };
  }
}

/** Twilio: `POST {base}/2010-04-01/Accounts/{sid}/Messages.json`, basic auth sid:token, form From, To, Body; answers `{ sid, status }`. */
class TwilioProvider implements SmsProvider {
  readonly name = 'twilio' as const;

  constructor(private readonly config: NonNullable<NotificationsOptions['sms']['twilio']>) {}

  async send(sms: Sms): Promise<DeliveryReceipt> {
    const url = `${trimSlash(this.config.baseUrl)}/2010-04-01/Accounts/${encodeURIComponent(this.config.accountSid)}/Messages.json`;
    const response = await post(this.name, url, this.config.accountSid, this.config.authToken, { From: sms.from, To: sms.to, Body: sms.body });
    const body = (await readJson(response)) as { sid?: unknown };
    return { provider: this.name, providerMessageId: typeof body?.sid === 'string' ? body.sid : null };
  }
}

/** The SMS gateways this server has credentials for; which one an organisation uses is its setting. */
@Injectable()
export class SmsProviders {
  private readonly providers: ReadonlyMap<string, SmsProvider>;

  constructor(@Inject(NOTIFICATIONS_OPTIONS) options: NotificationsOptions) {
    const providers: SmsProvider[] = [];
    if (options.sms.elks) providers.push(new ElksProvider(options.sms.elks));
    if (options.sms.twilio) providers.push(new TwilioProvider(options.sms.twilio));
    this.providers = new Map(providers.map((p) => [p.name, p]));
  }

  get(name: SmsProviderName): SmsProvider | null {
    return this.providers.get(name) ?? null;
  }

  available(): { '46elks': boolean; twilio: boolean } {
    return { '46elks': this.providers.has('46elks'), twilio: this.providers.has('twilio') };
  }

  /** Without a saved setting: the configured gateway (46elks first), else none. */
  defaultProvider(): SmsProviderName {
    return this.providers.has('46elks') ? '46elks' : this.providers.has('twilio') ? 'twilio' : 'none';
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * POSTs a form and sorts the outcome: 2xx is sent; 408, 429 and 5xx, timeouts and connection
 * errors are worth retrying; any other 4xx (bad number, bad credentials) would fail again.
 */
async function post(provider: string, url: string, user: string, password: string, form: Record<string, string>): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const e = error as { name?: string; message?: string; cause?: { code?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : (e.cause?.code ?? e.message ?? String(error));
    throw new DeliveryFailure(`${provider} unreachable: ${why}`, false);
  }
  if (response.ok) return response;
  const detail = await errorDetail(response);
  const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
  throw new DeliveryFailure(`${provider} ${response.status}${detail ? `: ${detail}` : ''}`, !retryable);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** Twilio answers `{ code, message }`, 46elks plain text; either way a short reason for the log. */
async function errorDetail(response: Response): Promise<string> {
  const text = (await response.text().catch(() => '')).trim();
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown };
    if (typeof body.message === 'string') return `${body.message}${body.code !== undefined ? ` (code ${String(body.code)})` : ''}`;
  } catch {
    // not JSON
  }
  return text.slice(0, 300);
}
