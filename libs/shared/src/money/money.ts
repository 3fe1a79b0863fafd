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

/** Formats for people, e.g. `1 234,50 kr` in sv-SE. Never parse this back. */
export function formatMoney(value: Money, locale = 'sv-SE'): string {
  const digits = minorUnitDigits(value.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency }).format(
    value.amount / 10 ** digits,
  );
}

export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;
}
