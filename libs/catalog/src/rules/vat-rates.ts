/** Swedish VAT: 25 % standard, 12 % food and restaurant, 6 % books, transport and culture, 0 %. */
export const SWEDISH_VAT_RATES_BP: readonly number[] = [2500, 1200, 600, 0];

/** The API speaks percent (25, 12, 25.5); storage and money maths use basis points. */
export function percentToBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

export function basisPointsToPercent(basisPoints: number): number {
  return basisPoints / 100;
}

export function vatRateProblem(basisPoints: number, allowed: readonly number[]): string | undefined {
  if (allowed.includes(basisPoints)) return undefined;
  return `must be one of ${allowed.map(basisPointsToPercent).join(', ')} (percent)`;
}
