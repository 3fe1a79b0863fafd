import { createHash } from 'node:crypto';
import { newSecret } from '@kassa/shared';

const TOKEN = /^kst_[A-Za-z0-9_-]{43}$/;

/** A device token: `kst_` and 32 random bytes in base64url (43 characters). */
export function newStationToken(): string {
  return `kst_${newSecret(32)}`;
}

export function isStationToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN.test(value);
}

export function hashStationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
