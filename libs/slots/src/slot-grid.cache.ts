import { GridSlot, slotGrid } from './engine/slot-engine';
import { PickupRules } from './engine/slot-rules';
import { isoWeekday } from '@kassa/shared';

const MAX_ENTRIES = 512;
const grids = new Map<string, readonly GridSlot[]>();

/**
 * `slotGrid(rules, date)`, computed once per replica for the same date and the same settings.
 * The key is everything of the rules the grid of that date is made from (zone, slot length,
 * cut-off, the weekday's windows, the date's exception, default capacity and the capacity rules
 * that can apply), so a changed setting is a new key: the rules themselves are read from the
 * database on every request and nothing read earlier is trusted. Bookings are not part of a grid.
 * The slots returned are shared: never change them.
 */
export function cachedSlotGrid(rules: PickupRules, date: string): readonly GridSlot[] {
  const weekday = isoWeekday(date);
  const key = JSON.stringify([
    date,
    rules.timeZone,
    rules.slotMinutes,
    rules.cutoffMinutes,
    rules.capacity,
    rules.exceptions.find((e) => e.date === date) ?? null,
    rules.weeklyHours.filter((w) => w.weekday === weekday),
    rules.capacityRules.filter((r) => (r.date === null && r.weekday === weekday) || r.date === date),
  ]);
  const cached = grids.get(key);
  if (cached) {
    // Most recently used last, so the oldest entry is the one to drop.
    grids.delete(key);
    grids.set(key, cached);
    return cached;
  }
  const grid = Object.freeze(slotGrid(rules, date).map((slot) => Object.freeze(slot)));
  if (grids.size >= MAX_ENTRIES) grids.delete(grids.keys().next().value as string);
  grids.set(key, grid);
  return grid;
}
