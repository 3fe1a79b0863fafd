import { createHash } from 'node:crypto';
import { newSecret } from '@kassa/shared';

const TOKEN = /^kcp_[A-Za-z0-9_-]{43}$/;

/** A CloudPRNT printer's secret, part of the URL it polls: `kcp_` and 32 random bytes in base64url. */
export function newCloudPrntToken(): string {
  return `kcp_${newSecret(32)}`;
}

export function isCloudPrntToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

export function hashCloudPrntToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The path the printer is configured with (under the API's `/api/v1`). */
export function cloudPrntPath(token: string): string {
  return `/api/v1/cloudprnt/${token}`;
}
