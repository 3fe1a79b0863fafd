import { randomBytes, randomUUID } from 'node:crypto';

/** Row ids are random UUIDs: safe to expose, never guessable in sequence. */
export function newId(): string {
  return randomUUID();
}

/** A URL-safe secret with `bytes` of entropy, for tokens handed to clients. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
