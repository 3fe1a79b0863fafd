import { money, Money, MoneyError } from './money';

/**
 * A VAT rate in basis points of a percent-free fraction: 2500 = 25 %, 1200 = 12 %, 600 = 6 %.
 * Basis points keep rates like 25.5 % (Finland) exact without floats.
 */
export type VatRateBasisPoints = number;

export interface VatLine {
  /** Gross amount of the line, VAT included (Nordic prices are shown incl. VAT). */
  readonly gross: Money;
  readonly rate: VatRateBasisPoints;
}

export interface VatBreakdownRow {
  readonly rate: VatRateBasisPoints;
  /** Net amount: gross − VAT. */
  readonly base: Money;
  readonly amount: Money;
  readonly gross: Money;
}

export function assertVatRate(rate: number): void {
  if (!Number.isSafeInteger(rate) || rate < 0 || rate > 10_000) {
    throw new MoneyError(`VAT rate must be whole basis points between 0 and 10000, got ${rate}`);
  }
}

/** VAT contained in a gross amount, rounded half away from zero to the minor unit. */
export function vatOfGross(gross: Money, rate: VatRateBasisPoints): Money {
  assertVatRate(rate);
  const numerator = gross.amount * rate;
  const denominator = 10_000 + rate;
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const rounded = Math.floor((abs * 2 + denominator) / (2 * denominator));
  return money(sign * rounded, gross.currency);
}

/**
 * Groups lines by rate and computes VAT once per rate on the summed gross, which is how
 * Swedish receipts show it and avoids per-line rounding drift.
 */
export function vatBreakdown(lines: readonly VatLine[], currency: string): VatBreakdownRow[] {
  const grossByRate = new Map<number, number>();
  for (const line of lines) {
    if (line.gross.currency !== currency) {
      throw new MoneyError(`Line in ${line.gross.currency} on a ${currency} receipt`);
    }
    assertVatRate(line.rate);
    grossByRate.set(line.rate, (grossByRate.get(line.rate) ?? 0) + line.gross.amount);
  }
  return [...grossByRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, grossAmount]) => {
      const gross = money(grossAmount, currency);
      const amount = vatOfGross(gross, rate);
      return { rate, gross, amount, base: money(grossAmount - amount.amount, currency) };
    });
}
