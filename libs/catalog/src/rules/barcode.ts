/**
 * Retail barcodes (GTIN): EAN-13, EAN-8 and UPC-A. The last digit is a mod-10 check over the
 * others weighted 3,1,3,… from the right, so a mistyped or misread code is caught before it is
 * stored or looked up.
 */
export type BarcodeKind = 'EAN-13' | 'EAN-8' | 'UPC-A';

const KIND_BY_LENGTH: Record<number, BarcodeKind> = { 8: 'EAN-8', 12: 'UPC-A', 13: 'EAN-13' };

export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Why a barcode is refused, or undefined when it is a valid EAN-13, EAN-8 or UPC-A. */
export function barcodeProblem(code: string): string | undefined {
  if (!/^\d+$/.test(code)) return 'must contain digits only';
  if (!KIND_BY_LENGTH[code.length]) return 'must be 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13) digits long';
  const expected = gtinCheckDigit(code.slice(0, -1));
  if (Number(code[code.length - 1]) !== expected) return `has a wrong check digit (expected ${expected})`;
  return undefined;
}

export function barcodeKind(code: string): BarcodeKind | undefined {
  return barcodeProblem(code) ? undefined : KIND_BY_LENGTH[code.length];
}

/**
 * The forms a scanner may send for the same item: a UPC-A code is also read as the EAN-13 with a
 * leading zero, so lookups and uniqueness consider both.
 */
export function barcodeVariants(code: string): string[] {
  if (code.length === 12) return [code, `0${code}`];
  if (code.length === 13 && code.startsWith('0')) return [code, code.slice(1)];
  return [code];
}

/** Appends the check digit: handy for seeding and tests. */
export function withCheckDigit(body: string): string {
  return `${body}${gtinCheckDigit(body)}`;
}
