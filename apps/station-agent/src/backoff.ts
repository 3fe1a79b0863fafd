/**
 * Exponential backoff with ±25 % jitter (so a store's agents that lost the server together do
 * not come back in lockstep): attempt 0 ≈ minMs, doubling per attempt, never above maxMs.
 */
export function backoffDelay(attempt: number, minMs: number, maxMs: number, random: () => number = Math.random): number {
  const base = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
  return Math.round(Math.min(maxMs, base * (0.75 + random() * 0.5)));
}
