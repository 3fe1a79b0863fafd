import { randomBytes } from 'node:crypto';
import {
  newPickupCode,
  normalisePickupCode,
  OrderSigner,
  PICKUP_CODE_ALPHABET,
  qrPng,
  qrSvg,
  sameCode,
} from './pickup-pass';

const ORDER = '3f1c2a9e-7b4d-4c1e-9a2b-0d5e6f7a8b9c';
const OTHER_ORDER = '3f1c2a9e-7b4d-4c1e-9a2b-0d5e6f7a8b9d';
const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);

/** The same string with one character swapped for another of the base64url alphabet. */
function flipOne(token: string, at: number): string {
  const swapped = token[at] === 'A' ? 'B' : 'A';
  return token.slice(0, at) + swapped + token.slice(at + 1);
}

describe('pickup codes', () => {
  it('are six characters from the alphabet without look-alikes', () => {
    expect(PICKUP_CODE_ALPHABET).not.toMatch(/[0O1IL2Z5S8B]/);
    for (let i = 0; i < 200; i += 1) expect(newPickupCode()).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
  });

  it('use every character of the alphabet, none much more often than the others', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i += 1) {
      for (const c of newPickupCode()) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect([...counts.keys()].sort().join('')).toBe([...PICKUP_CODE_ALPHABET].sort().join(''));
    // 30,000 draws over 25 characters: 1,200 each on average, a few dozen either way.
    for (const count of counts.values()) expect(Math.abs(count - 1200)).toBeLessThan(200);
  });

  it('are read the way a cashier types them or a customer reads them out', () => {
    expect(normalisePickupCode(' ab-c d9 ')).toBeNull(); // B looks like 8
    expect(normalisePickupCode(' ac-d e9 ')).toBeNull(); // five characters
    expect(normalisePickupCode(' ac-d e97 ')).toBe('ACDE97');
    expect(normalisePickupCode('acd\te97')).toBe('ACDE97');
    expect(normalisePickupCode('ACD–E97')).toBe('ACDE97');
    expect(normalisePickupCode('ACDE97')).toBe('ACDE97');
  });

  it.each(['ACDE90', 'ACDEO7', 'ACDE17', 'ACDI97', 'LCDE97', 'ACDE27', 'ZCDE97', '5CDE97', 'SCDE97', '8CDE97', 'BCDE97'])(
    'refuses %s, which has a look-alike character in it',
    (input) => {
      expect(normalisePickupCode(input)).toBeNull();
    },
  );

  it('refuses what cannot be a code', () => {
    expect(normalisePickupCode('')).toBeNull();
    expect(normalisePickupCode('ACDE977')).toBeNull();
    expect(normalisePickupCode('ACD.E97')).toBeNull();
    expect(normalisePickupCode('ÅCDE97')).toBeNull();
    expect(normalisePickupCode(' '.repeat(100) + 'ACDE97')).toBeNull();
  });

  it('compares codes exactly', () => {
    expect(sameCode('ACDE97', 'ACDE97')).toBe(true);
    expect(sameCode('ACDE97', 'ACDE96')).toBe(false);
    expect(sameCode('ACDE97', 'ACDE9')).toBe(false);
    expect(sameCode('', '')).toBe(true);
  });
});

describe('order tokens', () => {
  const signer = new OrderSigner(KEY);

  it('refuses a signing key shorter than 32 bytes', () => {
    expect(() => new OrderSigner(Buffer.alloc(31))).toThrow(/32 bytes/);
    expect(() => new OrderSigner(randomBytes(64))).not.toThrow();
  });

  it('gives the same 43-character token for the same order, so a replayed checkout returns it again', () => {
    const token = signer.orderToken(ORDER);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new OrderSigner(Buffer.alloc(32, 7)).orderToken(ORDER)).toBe(token);
  });

  it('gives different tokens for different orders and keys', () => {
    const token = signer.orderToken(ORDER);
    expect(signer.orderToken(OTHER_ORDER)).not.toBe(token);
    expect(new OrderSigner(OTHER_KEY).orderToken(ORDER)).not.toBe(token);
  });

  it('accepts the order’s own token and nothing else', () => {
    const token = signer.orderToken(ORDER);
    expect(signer.verifyOrderToken(ORDER, token)).toBe(true);
    expect(signer.verifyOrderToken(OTHER_ORDER, token)).toBe(false);
    expect(new OrderSigner(OTHER_KEY).verifyOrderToken(ORDER, token)).toBe(false);
    expect(signer.verifyOrderToken(ORDER, undefined)).toBe(false);
    expect(signer.verifyOrderToken(ORDER, '')).toBe(false);
  });

  it('refuses a token with any one character changed', () => {
    const token = signer.orderToken(ORDER);
    for (let at = 0; at < token.length; at += 1) expect(signer.verifyOrderToken(ORDER, flipOne(token, at))).toBe(false);
  });

  it('refuses a token of the wrong length', () => {
    const token = signer.orderToken(ORDER);
    expect(signer.verifyOrderToken(ORDER, token.slice(0, 42))).toBe(false);
    expect(signer.verifyOrderToken(ORDER, `${token}A`)).toBe(false);
    expect(signer.verifyOrderToken(ORDER, `${token}=`)).toBe(false);
  });
});

describe('pickup passes', () => {
  const signer = new OrderSigner(KEY);
  const code = 'ACDE97';

  it('carry the order id and a signature bound to the pickup code, not the order id alone', () => {
    const pass = signer.passToken(ORDER, code);
    expect(pass).toMatch(/^KP1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
    expect(pass).not.toContain(ORDER);
    expect(signer.passToken(ORDER, code)).toBe(pass);
    expect(signer.passToken(ORDER, 'ACDE96')).not.toBe(pass);
    expect(signer.passToken(OTHER_ORDER, code)).not.toBe(pass);
    expect(new OrderSigner(OTHER_KEY).passToken(ORDER, code)).not.toBe(pass);
  });

  it('are signed apart from order tokens, so one cannot stand in for the other', () => {
    const pass = signer.passToken(ORDER, code);
    const mac = pass.split('.')[2];
    expect(signer.orderToken(ORDER).startsWith(mac)).toBe(false);
  });

  it('tell which order a scanned pass claims to be for', () => {
    expect(signer.passOrderId(signer.passToken(ORDER, code))).toBe(ORDER);
    expect(signer.passOrderId(`${signer.passToken(ORDER, code)}\n`)).toBe(ORDER);
    expect(signer.passOrderId(signer.passToken(ORDER.toUpperCase(), code))).toBe(ORDER);
  });

  it('say nothing about payloads that are not passes', () => {
    const pass = signer.passToken(ORDER, code);
    expect(signer.passOrderId(ORDER)).toBeNull();
    expect(signer.passOrderId('')).toBeNull();
    expect(signer.passOrderId(pass.replace('KP1.', 'KP2.'))).toBeNull();
    expect(signer.passOrderId(pass.slice(0, -1))).toBeNull();
    expect(signer.passOrderId(`KP1.${Buffer.alloc(16).toString('base64url')}.${'A'.repeat(22)}`)).toBeNull(); // not a UUID
  });

  it('verify against the order and its pickup code', () => {
    const pass = signer.passToken(ORDER, code);
    expect(signer.verifyPassToken(pass, ORDER, code)).toBe(true);
    expect(signer.verifyPassToken(pass, ORDER, 'ACDE96')).toBe(false);
    expect(signer.verifyPassToken(pass, OTHER_ORDER, code)).toBe(false);
    expect(signer.verifyPassToken(pass, 'not-an-order', code)).toBe(false);
    expect(new OrderSigner(OTHER_KEY).verifyPassToken(pass, ORDER, code)).toBe(false);
  });

  it('refuse a pass with any one character changed or cut short', () => {
    const pass = signer.passToken(ORDER, code);
    for (let at = 0; at < pass.length; at += 1) expect(signer.verifyPassToken(flipOne(pass, at), ORDER, code)).toBe(false);
    expect(signer.verifyPassToken(pass.slice(0, -1), ORDER, code)).toBe(false);
    expect(signer.verifyPassToken(`${pass}A`, ORDER, code)).toBe(false);
  });

  it('refuse an order id swapped into someone else’s pass', () => {
    const mine = signer.passToken(ORDER, code).split('.');
    const theirs = signer.passToken(OTHER_ORDER, code).split('.');
    const forged = [mine[0], theirs[1], mine[2]].join('.');
    expect(signer.passOrderId(forged)).toBe(OTHER_ORDER);
    expect(signer.verifyPassToken(forged, OTHER_ORDER, code)).toBe(false);
  });
});

describe('pickup pass QR codes', () => {
  const payload = new OrderSigner(KEY).passToken(ORDER, 'ACDE97');

  it('render as SVG', async () => {
    const svg = await qrSvg(payload);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('</svg>');
  });

  it('render as a PNG', async () => {
    const png = await qrPng(payload);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // Width 512: the IHDR chunk holds it right after the signature.
    expect(png.readUInt32BE(16)).toBe(512);
  });
});
