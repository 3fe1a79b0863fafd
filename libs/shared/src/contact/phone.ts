export type PhoneOutcome = { readonly ok: true; readonly e164: string } | { readonly ok: false; readonly reason: string };

const SWEDEN = '46';
const NOT_A_NUMBER = 'must be a phone number, e.g. 070-123 45 67 or +46 70 123 45 67';
const NO_COUNTRY = 'must start with + and a country code, or 0 for a Swedish number';
const TOO_SHORT = 'is too short';
const TOO_LONG = 'is too long';

// E.164 allows up to 15 digits; no real number, country code included, has fewer than 8.
const MIN_E164_DIGITS = 8;
const MAX_E164_DIGITS = 15;
// Swedish numbers after the leading 0: 7 to 9 digits, and mobiles (07[02369]) exactly 9.
const MIN_SWEDISH_DIGITS = 7;
const MAX_SWEDISH_DIGITS = 9;
const SWEDISH_MOBILE = /^7[02369]/;
const SWEDISH_MOBILE_DIGITS = 9;

/**
 * Normalises a phone number to E.164. Swedish numbers may be written nationally (070-123 45 67,
 * 08-123 456 78) or with 0046/+46 (and a stray (0) after the country code); other countries need
 * + or 00. Spaces, dashes, dots and parentheses are ignored.
 */
export function normalisePhone(input: string, defaultCountryCode = SWEDEN): PhoneOutcome {
  if (typeof input !== 'string' || input.length > 64) return refuse(NOT_A_NUMBER);
  const compact = withoutTrunkZero(input.replace(/[\s.\-–]/g, '')).replace(/[()]/g, '');
  if (!/^\+?\d+$/.test(compact)) return refuse(NOT_A_NUMBER);

  if (compact.startsWith('+')) return international(compact.slice(1));
  if (compact.startsWith('00')) return international(compact.slice(2));
  if (compact.startsWith('0')) return withCountry(defaultCountryCode, compact.slice(1));
  return refuse(NO_COUNTRY);
}

/** Masks for lists: '+46 70 *** ** 67' — the country code, the first two national digits and the last two. */
export function maskPhone(e164: string): string {
  if (typeof e164 !== 'string' || !/^\+[1-9]\d{7,14}$/.test(e164)) return '***';
  const digits = e164.slice(1);
  const country = digits.slice(0, countryCodeLength(digits));
  const national = digits.slice(country.length);
  const hidden = national.slice(2, -2).replace(/\d/g, '*').replace(/(\*{3})(?=\*)/g, '$1 ');
  return `+${country} ${national.slice(0, 2)} ${hidden} ${national.slice(-2)}`;
}

// "+46 (0)70…" is how many write a Swedish number for people abroad; the 0 is not dialled.
function withoutTrunkZero(number: string): string {
  return number.replace(/^(\+|00)(\d{1,3})\(0\)/, '$1$2');
}

function international(digits: string): PhoneOutcome {
  if (digits.startsWith('0')) return refuse(NO_COUNTRY);
  if (digits.startsWith(SWEDEN)) return withCountry(SWEDEN, digits.slice(SWEDEN.length));
  return e164Outcome(digits);
}

function withCountry(countryCode: string, national: string): PhoneOutcome {
  if (countryCode !== SWEDEN) return e164Outcome(countryCode + national);
  // "+46 070…" keeps the national 0 by mistake; no Swedish number starts with 0 after +46.
  const subscriber = national.startsWith('0') ? national.slice(1) : national;
  if (subscriber.length < MIN_SWEDISH_DIGITS) return refuse(TOO_SHORT);
  if (subscriber.length > MAX_SWEDISH_DIGITS) return refuse(TOO_LONG);
  if (SWEDISH_MOBILE.test(subscriber) && subscriber.length < SWEDISH_MOBILE_DIGITS) return refuse(TOO_SHORT);
  return e164Outcome(SWEDEN + subscriber);
}

function e164Outcome(digits: string): PhoneOutcome {
  if (digits.length < MIN_E164_DIGITS) return refuse(TOO_SHORT);
  if (digits.length > MAX_E164_DIGITS) return refuse(TOO_LONG);
  return { ok: true, e164: `+${digits}` };
}

function refuse(reason: string): PhoneOutcome {
  return { ok: false, reason };
}

// ITU country codes are prefix-free: 1 and 7 stand alone, these two-digit ones are taken, and
// every other code has three digits.
const TWO_DIGIT_COUNTRY = /^(2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58])/;

function countryCodeLength(digits: string): number {
  if (/^[17]/.test(digits)) return 1;
  return TWO_DIGIT_COUNTRY.test(digits) ? 2 : 3;
}
