import { createHmac, timingSafeEqual } from 'node:crypto';

/** Stripe's default: a signature older (or newer) than five minutes is a replay. */
export const STRIPE_SIGNATURE_TOLERANCE_SECONDS = 300;

export type StripeSignatureProblem = 'missing signature' | 'malformed signature' | 'timestamp outside the tolerance' | 'no matching signature';

/**
 * Checks a `Stripe-Signature` header (`t=<unix seconds>,v1=<hex>[,v1=<hex>…]`) against the raw
 * body: some `v1` must equal HMAC-SHA256(secret, `${t}.${body}`), compared in constant time, and
 * `t` must be within the tolerance of `nowSeconds`. Returns the problem, or null when it holds.
 * Several `v1` values appear while a webhook secret is being rolled.
 */
export function stripeSignatureProblem(
  rawBody: Buffer,
  header: string | undefined,
  secret: string,
  nowSeconds: number,
  toleranceSeconds = STRIPE_SIGNATURE_TOLERANCE_SECONDS,
): StripeSignatureProblem | null {
  if (!header) return 'missing signature';
  let timestamp: number | null = null;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at < 1) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === null || signatures.length === 0) return 'malformed signature';
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return 'timestamp outside the tolerance';
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  // Every candidate is compared, so the time taken does not tell which one (if any) matched.
  let matched = false;
  for (const signature of signatures) {
    if (timingSafeEqual(signature, expected)) matched = true;
  }
  return matched ? null : 'no matching signature';
}

/** The header Stripe would send for `payload` at `timestamp`; for tests and local tooling. */
export function stripeSignatureHeader(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}
