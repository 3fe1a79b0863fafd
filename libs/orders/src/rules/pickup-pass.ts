import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@kassa/shared';
import * as QRCode from 'qrcode';

/** Letters and digits a customer can read out and a cashier can type without mixing them up. */
export const PICKUP_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const PICKUP_CODE_LENGTH = 6;

// Anything outside the alphabet, look-alikes included, is refused rather than guessed at:
// 0 could be O or D, so a wrong guess would point at another order.
const PICKUP_CODE = new RegExp(`^[${PICKUP_CODE_ALPHABET}]{${PICKUP_CODE_LENGTH}}$`);
const SEPARATORS = /[\s\-‐‑‒–—]/g;

/** 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), uniformly random. */
export function newPickupCode(): string {
  let code = '';
  // randomInt draws by rejection sampling over crypto random bytes, so no character is favoured.
  for (let i = 0; i < PICKUP_CODE_LENGTH; i += 1) code += PICKUP_CODE_ALPHABET[randomInt(PICKUP_CODE_ALPHABET.length)];
  return code;
}

/** What a cashier typed or a customer read out: trimmed, upper-cased, spaces and dashes removed; null if it cannot be a code. */
export function normalisePickupCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const code = input.replace(SEPARATORS, '').toUpperCase();
  return PICKUP_CODE.test(code) ? code : null;
}

/** Constant-time comparison of two normalised codes. */
export function sameCode(a: string, b: string): boolean {
  return constantTimeEqual(a, b);
}

// Lengths are not secret here (codes and tokens have fixed lengths), only the contents are.
function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

const MIN_KEY_BYTES = 32;
const ORDER_TOKEN_LENGTH = 43; // base64url of a 32-byte HMAC-SHA256
const PASS_PREFIX = 'KP1';
const PASS_PART_LENGTH = 22; // base64url of 16 bytes; the MAC is cut to the same 132 bits
const PASS_TOKEN = /^KP1\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;

/**
 * Signs what a customer holds for an order. Both tokens are derived from the order id, so nothing
 * secret is stored, and each is labelled so one can never be passed off as the other.
 */
export class OrderSigner {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (!Buffer.isBuffer(key) || key.length < MIN_KEY_BYTES) {
      throw new RangeError(`The order signing key must be at least ${MIN_KEY_BYTES} bytes`);
    }
    this.key = Buffer.from(key);
  }

  /** The customer's access token for an order (header X-Order-Token). Deterministic, so an idempotent replay returns the same token without storing it. */
  orderToken(orderId: string): string {
    return this.mac(`order-token\n${orderId}`);
  }

  verifyOrderToken(orderId: string, token: string | undefined): boolean {
    if (typeof token !== 'string' || token.length !== ORDER_TOKEN_LENGTH) return false;
    return constantTimeEqual(this.orderToken(orderId), token);
  }

  /** The QR payload of the pickup pass: not the order id alone, not guessable, and bound to the pickup code. */
  passToken(orderId: string, pickupCode: string): string {
    const id = canonicalOrderId(orderId);
    const mac = this.mac(`pickup-pass\n${id}\n${pickupCode}`).slice(0, PASS_PART_LENGTH);
    return `${PASS_PREFIX}.${Buffer.from(id.replaceAll('-', ''), 'hex').toString('base64url')}.${mac}`;
  }

  /** The order id a scanned payload claims (no verification) or null when it is not a pass. */
  passOrderId(token: string): string | null {
    const match = typeof token === 'string' ? PASS_TOKEN.exec(token.trim()) : null;
    if (!match) return null;
    const bytes = Buffer.from(match[1], 'base64url');
    // 22 characters carry 132 bits for 128: refuse spellings whose spare bits are not zero.
    if (bytes.toString('base64url') !== match[1]) return null;
    const id = uuidOf(bytes);
    return isUuid(id) ? id : null;
  }

  verifyPassToken(token: string, orderId: string, pickupCode: string): boolean {
    if (typeof token !== 'string' || !isUuid(orderId)) return false;
    return constantTimeEqual(this.passToken(orderId, pickupCode), token.trim());
  }

  private mac(message: string): string {
    return createHmac('sha256', this.key).update(message, 'utf8').digest('base64url');
  }
}

/** Order ids are UUIDs; a pass round-trips them in lower case, so it is signed in lower case too. */
function canonicalOrderId(orderId: string): string {
  if (!isUuid(orderId)) throw new RangeError('A pickup pass needs the order id, a UUID');
  return orderId.toLowerCase();
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Medium error correction survives a scuffed phone screen; the 2-module margin is the quiet zone
// scanners need, kept small so the code fills the pass.
const QR_OPTIONS: QRCode.QRCodeRenderersOptions = { margin: 2, errorCorrectionLevel: 'M' };

export function qrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { ...QR_OPTIONS, type: 'svg' });
}

export function qrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { ...QR_OPTIONS, type: 'png', width: 512 });
}
