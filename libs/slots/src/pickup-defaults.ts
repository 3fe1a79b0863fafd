import type { Capacity, WeeklyWindow } from './engine/slot-rules';

/** What a store gets before anyone configures pickup: café hours, 15-minute slots, ten orders a slot. */
export const DEFAULT_PICKUP_SETTINGS: {
  slotMinutes: number;
  leadMinutes: number;
  daysAhead: number;
  cutoffMinutes: number;
  weeklyHours: WeeklyWindow[];
  capacity: Capacity;
} = {
  slotMinutes: 15,
  leadMinutes: 15,
  daysAhead: 7,
  cutoffMinutes: 0,
  weeklyHours: [
    ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '07:00', end: '19:00' })),
    ...[6, 7].map((weekday) => ({ weekday, start: '10:00', end: '16:00' })),
  ],
  capacity: { maxOrders: 10, maxItems: null, maxKitchenMinutes: null },
};

/** How long an unpaid checkout keeps its slot unless the caller says otherwise. */
export const DEFAULT_HOLD_TTL_SECONDS = 600;
