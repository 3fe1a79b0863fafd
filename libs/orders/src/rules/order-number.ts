/** Letters for the hundreds-of-orders part of a number; I and O are left out so nobody reads 1 or 0. */
const SERIES = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const PER_SERIES = 999;

/** The nth order of a store's day as staff call it out: 1 → A-001, 999 → A-999, 1000 → B-001. */
export function orderNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Order sequence must be a positive integer, got ${n}`);
  const series = SERIES[Math.floor((n - 1) / PER_SERIES) % SERIES.length];
  const within = ((n - 1) % PER_SERIES) + 1;
  return `${series}-${String(within).padStart(3, '0')}`;
}
