import type { CheckoutRequest } from '../api/types';

/**
 * One Idempotency-Key per checkout attempt: a retry after a network error or a double tap sends
 * the same request with the same key, so the api makes one order and replays its answer. Any
 * change to the cart or the choices is a new attempt with a new key (the api would refuse the old
 * key with another body).
 */
export class CheckoutAttempt {
  private fingerprint = '';
  private key = '';

  keyFor(request: CheckoutRequest): string {
    const fingerprint = JSON.stringify(request);
    if (fingerprint !== this.fingerprint) {
      this.fingerprint = fingerprint;
      this.key = randomKey();
    }
    return this.key;
  }

  /** After an order is placed, the next checkout is a new attempt whatever it holds. */
  reset(): void {
    this.fingerprint = '';
    this.key = '';
  }
}

/** 128 random bits as hex. crypto.randomUUID exists only on HTTPS, and a shop's LAN may be plain HTTP. */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
