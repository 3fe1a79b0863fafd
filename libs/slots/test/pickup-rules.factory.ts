import type { BookingContext } from '../src/engine/slot-engine';
import type { PickupRules, WeeklyWindow } from '../src/engine/slot-rules';
import { NOT_BUSY } from '../src/engine/slot-rules';

/** Every weekday open in the same windows. */
export function everyDay(...windows: Array<[string, string]>): WeeklyWindow[] {
  return [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => windows.map(([start, end]) => ({ weekday, start, end })));
}

/** A Stockholm café open 07:00–19:00 every day, 30-minute slots, no limits; override what the scenario is about. */
export function pickupRules(overrides: Partial<PickupRules> = {}): PickupRules {
  return {
    timeZone: 'Europe/Stockholm',
    slotMinutes: 30,
    leadMinutes: 0,
    daysAhead: 14,
    cutoffMinutes: 0,
    weeklyHours: everyDay(['07:00', '19:00']),
    exceptions: [],
    capacity: { maxOrders: null, maxItems: null, maxKitchenMinutes: null },
    capacityRules: [],
    ...overrides,
  };
}

/** A booking context for a one-coffee cart at `now`. */
export function booking(rules: PickupRules, now: string, overrides: Partial<BookingContext> = {}): BookingContext {
  return {
    rules,
    now: Date.parse(now),
    cart: { items: 1, kitchenMinutes: 0 },
    busy: NOT_BUSY,
    acceptingOrders: true,
    ...overrides,
  };
}
