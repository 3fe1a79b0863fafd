/** Letters for the hundreds-of-orders part of a number; I and O are left out so nobody reads 1 or 0. */
const SERIES = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const PER_SERIES = 999;
/** One letter, then two (AA … ZZ): 600 series of 999, far beyond any store's day. */
const MAX_SERIES = SERIES.length + SERIES.length * SERIES.length;

/**
 * The nth order of a store's day as staff call it out: 1 → A-001, 999 → A-999, 1000 → B-001,
 * and after Z-999 the series go on as AA-001, AB-001 … so a number never repeats within a day.
 */
export function orderNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Order sequence must be a positive integer, got ${n}`);
  const series = Math.floor((n - 1) / PER_SERIES);
  if (series >= MAX_SERIES) throw new RangeError(`Order sequence ${n} is beyond the ${MAX_SERIES * PER_SERIES} numbers of a day`);
  const within = String(((n - 1) % PER_SERIES) + 1).padStart(3, '0');
  if (series < SERIES.length) return `${SERIES[series]}-${within}`;
  const twoLetter = series - SERIES.length;
  return `${SERIES[Math.floor(twoLetter / SERIES.length)]}${SERIES[twoLetter % SERIES.length]}-${within}`;
}
