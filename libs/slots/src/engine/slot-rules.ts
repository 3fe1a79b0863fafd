/** The settings the slot engine works from; plain data, loaded from the store's configuration. */

export const SLOT_LENGTHS = [5, 10, 15, 30] as const;
export type SlotLength = (typeof SLOT_LENGTHS)[number];

/** Busy-mode delays come in quarter hours. */
export const BUSY_DELAY_STEP_MINUTES = 15;
export const MAX_BUSY_DELAY_MINUTES = 240;

/** Local wall-clock times `HH:MM`; `end` may be `24:00` for midnight. */
export interface ClockWindow {
  readonly start: string;
  readonly end: string;
}

/** An opening window on an ISO weekday (1 = Monday … 7 = Sunday). */
export interface WeeklyWindow extends ClockWindow {
  readonly weekday: number;
}

/** A date with other hours than usual: closed all day, or open only in `windows`. */
export interface DateException {
  readonly date: string;
  readonly closed: boolean;
  readonly windows: readonly ClockWindow[];
}

/** What one slot may take; null means no limit of that kind. */
export interface Capacity {
  readonly maxOrders: number | null;
  readonly maxItems: number | null;
  readonly maxKitchenMinutes: number | null;
}

/**
 * Narrows the store's default capacity for slots starting in [start, end) on a weekday or on one
 * date. A null field keeps what the less specific level says (date over weekday over default).
 */
export interface CapacityRule extends Capacity, ClockWindow {
  readonly weekday: number | null;
  readonly date: string | null;
}

export interface PickupRules {
  readonly timeZone: string;
  readonly slotMinutes: number;
  /** Minimum time between ordering and pickup. */
  readonly leadMinutes: number;
  /** How many days after today customers may book; 0 = today only. */
  readonly daysAhead: number;
  /** The last slot of a window ends this long before the window closes. */
  readonly cutoffMinutes: number;
  readonly weeklyHours: readonly WeeklyWindow[];
  readonly exceptions: readonly DateException[];
  readonly capacity: Capacity;
  readonly capacityRules: readonly CapacityRule[];
}

/** What is booked in a slot (or what a cart would add to it). */
export interface Load {
  readonly orders: number;
  readonly items: number;
  readonly kitchenMinutes: number;
}

export const NO_LOAD: Load = { orders: 0, items: 0, kitchenMinutes: 0 };

/** What a cart asks of a slot: one order, its item count and its kitchen minutes. */
export interface CartDemand {
  readonly items: number;
  readonly kitchenMinutes: number;
}

export interface BusyState {
  readonly paused: boolean;
  readonly delayMinutes: number;
}

export const NOT_BUSY: BusyState = { paused: false, delayMinutes: 0 };
