/**
 * Money is an integer amount of minor units (öre, cents) with an ISO 4217 currency.
 * Never a float: every sum, VAT split and rounding here is integer arithmetic.
 */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

const CURRENCY = /^[A-Z]{3}$/;

export class MoneyError extends Error {}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) {
    throw new MoneyError(`Money amount must be an integer number of minor units, got ${amount}`);
  }
  if (!CURRENCY.test(currency)) {
    throw new MoneyError(`Currency must be an ISO 4217 code, got "${currency}"`);
  }
  return { amount, currency };
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function multiplyMoney(a: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) {
    throw new MoneyError(`Quantity must be an integer, got ${quantity}`);
  }
  return money(a.amount * quantity, a.currency);
}

export function sumMoney(items: readonly Money[], currency: string): Money {
  return items.reduce((total, item) => addMoney(total, item), money(0, currency));
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new MoneyError(`Cannot combine ${a.currency} with ${b.currency}`);
  }
}

// Building an Intl.NumberFormat costs about a thousand times more than using one, and receipts and
// messages format every line; the locales and currencies in use are few, the caps a safeguard.
const CURRENCY_FORMATS = new Map<string, Intl.NumberFormat>();
// resolvedOptions() builds a fresh object on every call; a currency's digits never change.
const MINOR_UNIT_DIGITS = new Map<string, number>();
const MAX_CACHED = 200;

/** Formats for people, e.g. `1 234,50 kr` in sv-SE. Never parse this back. */
export function formatMoney(value: Money, locale = 'sv-SE'): string {
  const digits = minorUnitDigits(value.currency);
  return currencyFormat(locale, value.currency).format(value.amount / 10 ** digits);
}

export function minorUnitDigits(currency: string): number {
  return cached(MINOR_UNIT_DIGITS, currency, () => currencyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2);
}

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  return cached(CURRENCY_FORMATS, `${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency }));
}

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, value);
  }
  return value;
}
