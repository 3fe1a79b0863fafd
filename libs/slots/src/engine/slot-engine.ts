import {
  addDays,
  formatOffset,
  formatWall,
  formatZoned,
  isoWeekday,
  localDateTime,
  offsetMinutes,
  parseClock,
  zonedInstant,
} from '@kassa/shared';
import { BusyState, Capacity, CapacityRule, CartDemand, ClockWindow, Load, NO_LOAD, PickupRules } from './slot-rules';

const MINUTE_MS = 60_000;

/** One slot of a day's grid, before anyone asks whether it can be booked. */
export interface GridSlot {
  readonly startMs: number;
  readonly endMs: number;
  readonly start: string;
  readonly end: string;
  /** The store's local date and the local minute of the day the slot starts at. */
  readonly date: string;
  readonly minuteOfDay: number;
  readonly capacity: Capacity;
}

export type Refusal = 'closed' | 'paused' | 'too-early' | 'too-far-ahead' | 'full';

export interface SlotView extends GridSlot {
  readonly booked: Load;
  readonly remaining: { orders: number | null; items: number | null; kitchenMinutes: number | null };
  readonly available: boolean;
  /** Why the slot cannot be booked by this cart, or null when it can. */
  readonly refusal: Refusal | null;
}

export interface BookingContext {
  readonly rules: PickupRules;
  readonly now: number;
  readonly cart: CartDemand;
  readonly busy: BusyState;
  /** The store's own switch for online orders. */
  readonly acceptingOrders: boolean;
}

/** The hours a date is open: its exception if it has one, else its weekday's windows. */
export function openWindows(rules: PickupRules, date: string): Array<{ start: number; end: number }> {
  const exception = rules.exceptions.find((e) => e.date === date);
  const windows: readonly ClockWindow[] = exception
    ? exception.closed
      ? []
      : exception.windows
    : rules.weeklyHours.filter((w) => w.weekday === isoWeekday(date));
  return windows
    .map((w) => ({ start: parseClock(w.start) ?? 0, end: parseClock(w.end) ?? 0 }))
    .filter((w) => w.end > w.start)
    .sort((a, b) => a.start - b.start);
}

/**
 * A date's slots as real instants. Each window runs from its opening to its closing instant in
 * steps of the slot length, so a day with a DST change neither skips nor repeats an instant:
 * the spring-forward night simply has an hour less, the fall-back night an hour more.
 */
export function slotGrid(rules: PickupRules, date: string): GridSlot[] {
  const lengthMs = rules.slotMinutes * MINUTE_MS;
  const capacityOf = capacityForDate(rules, date);
  const midnightWall = Date.parse(`${date}T00:00:00Z`);
  const slots: GridSlot[] = [];
  let previousEnd = -Infinity;
  for (const window of openWindows(rules, date)) {
    const openMs = Math.max(zonedInstant(date, window.start, rules.timeZone), previousEnd);
    const closeMs = zonedInstant(date, window.end, rules.timeZone);
    const lastEndMs = closeMs - rules.cutoffMinutes * MINUTE_MS;
    // One offset for the whole window unless a DST change falls inside it.
    const openOffset = offsetMinutes(openMs, rules.timeZone);
    const steady = openOffset === offsetMinutes(closeMs, rules.timeZone);
    const offsetText = formatOffset(openOffset);
    for (let startMs = openMs; startMs + lengthMs <= lastEndMs; startMs += lengthMs) {
      const endMs = startMs + lengthMs;
      const startOffset = steady ? openOffset : offsetMinutes(startMs, rules.timeZone);
      const endOffset = steady ? openOffset : offsetMinutes(endMs, rules.timeZone);
      const minuteOfDay = Math.round((startMs + startOffset * MINUTE_MS - midnightWall) / MINUTE_MS);
      const endMinute = minuteOfDay + rules.slotMinutes;
      slots.push({
        startMs,
        endMs,
        start: steady ? formatWall(date, minuteOfDay, offsetText) : formatZoned(startMs, startOffset),
        end: steady && endMinute < 1440 ? formatWall(date, endMinute, offsetText) : formatZoned(endMs, endOffset),
        date,
        minuteOfDay,
        capacity: capacityOf(minuteOfDay),
      });
      previousEnd = endMs;
    }
  }
  return slots;
}

/** Default, then the weekday's rule, then the date's rule: the most specific one says last. */
export function capacityAt(rules: PickupRules, date: string, minuteOfDay: number): Capacity {
  return capacityForDate(rules, date)(minuteOfDay);
}

/** The capacity of each minute of one date, with the date's rules looked up and parsed once. */
function capacityForDate(rules: PickupRules, date: string): (minuteOfDay: number) => Capacity {
  const weekday = isoWeekday(date);
  const parse = (rule: CapacityRule) => ({ rule, start: parseClock(rule.start) ?? 0, end: parseClock(rule.end) ?? 0 });
  const weekdayRules = rules.capacityRules.filter((r) => r.date === null && r.weekday === weekday).map(parse);
  const dateRules = rules.capacityRules.filter((r) => r.date === date).map(parse);
  if (weekdayRules.length === 0 && dateRules.length === 0) return () => rules.capacity;
  return (minuteOfDay) => {
    const covers = (r: { start: number; end: number }) => minuteOfDay >= r.start && minuteOfDay < r.end;
    return [weekdayRules.find(covers)?.rule, dateRules.find(covers)?.rule].reduce<Capacity>(
      (capacity, rule) =>
        rule
          ? {
              maxOrders: rule.maxOrders ?? capacity.maxOrders,
              maxItems: rule.maxItems ?? capacity.maxItems,
              maxKitchenMinutes: rule.maxKitchenMinutes ?? capacity.maxKitchenMinutes,
            }
          : capacity,
      rules.capacity,
    );
  };
}

/** The first instant a slot may start for this cart: now + max(lead time, the cart's prep time) + busy delay. */
export function notBefore(context: BookingContext): number {
  const { rules, cart, busy, now } = context;
  return now + (Math.max(rules.leadMinutes, cart.kitchenMinutes) + busy.delayMinutes) * MINUTE_MS;
}

/** Whether one more order of this size fits next to what is booked. */
export function fits(capacity: Capacity, booked: Load, cart: CartDemand): boolean {
  return (
    within(capacity.maxOrders, booked.orders + 1) &&
    within(capacity.maxItems, booked.items + cart.items) &&
    within(capacity.maxKitchenMinutes, booked.kitchenMinutes + cart.kitchenMinutes)
  );
}

function within(max: number | null, value: number): boolean {
  return max === null || value <= max;
}

/** Why this cart cannot have this slot, or null. */
export function refusalFor(slot: GridSlot, booked: Load, context: BookingContext): Refusal | null {
  return judge(context)(slot, booked);
}

/** The per-slot verdict with everything that does not depend on the slot worked out once. */
function judge(context: BookingContext): (slot: GridSlot, booked: Load) => Refusal | null {
  const paused = context.busy.paused || !context.acceptingOrders;
  const earliestMs = notBefore(context);
  const lastDate = addDays(localDateTime(context.now, context.rules.timeZone).date, context.rules.daysAhead);
  return (slot, booked) => {
    if (paused) return 'paused';
    if (slot.startMs < earliestMs) return 'too-early';
    if (slot.date > lastDate) return 'too-far-ahead';
    if (!fits(slot.capacity, booked, context.cart)) return 'full';
    return null;
  };
}

export function viewOf(slot: GridSlot, booked: Load, context: BookingContext): SlotView {
  return viewWith(slot, booked, judge(context));
}

function viewWith(slot: GridSlot, booked: Load, verdict: (slot: GridSlot, booked: Load) => Refusal | null): SlotView {
  const refusal = verdict(slot, booked);
  const left = (max: number | null, used: number) => (max === null ? null : Math.max(0, max - used));
  // Spelled out rather than spread: this runs for every slot of a week.
  return {
    startMs: slot.startMs,
    endMs: slot.endMs,
    start: slot.start,
    end: slot.end,
    date: slot.date,
    minuteOfDay: slot.minuteOfDay,
    capacity: slot.capacity,
    booked,
    remaining: {
      orders: left(slot.capacity.maxOrders, booked.orders),
      items: left(slot.capacity.maxItems, booked.items),
      kitchenMinutes: left(slot.capacity.maxKitchenMinutes, booked.kitchenMinutes),
    },
    available: refusal === null,
    refusal,
  };
}

export interface PickupDays {
  readonly slots: SlotView[];
  /** The first slot this cart can book among these days, or null. */
  readonly earliest: SlotView | null;
}

/** Every slot of `days` dates from `date`, each judged for the cart against what is booked; `gridOf` may serve grids computed before. */
export function pickupDays(
  context: BookingContext,
  date: string,
  days: number,
  bookedAt: (startMs: number) => Load,
  gridOf: (rules: PickupRules, date: string) => readonly GridSlot[] = slotGrid,
): PickupDays {
  const slots: SlotView[] = [];
  const verdict = judge(context);
  for (let i = 0; i < days; i++) {
    for (const slot of gridOf(context.rules, addDays(date, i))) {
      slots.push(viewWith(slot, bookedAt(slot.startMs), verdict));
    }
  }
  return { slots, earliest: slots.find((s) => s.available) ?? null };
}

export type SlotLookup =
  | { readonly found: true; readonly slot: GridSlot }
  | { readonly found: false; readonly reason: 'closed' | 'off-grid' };

/** The grid slot starting at exactly `startMs`: closed when no window covers it, off-grid when one does. */
export function findSlot(rules: PickupRules, startMs: number): SlotLookup {
  const { date } = localDateTime(startMs, rules.timeZone);
  const grid = slotGrid(rules, date);
  const slot = grid.find((s) => s.startMs === startMs);
  if (slot) return { found: true, slot };
  const open = openWindows(rules, date).some(
    (w) => startMs >= zonedInstant(date, w.start, rules.timeZone) && startMs < zonedInstant(date, w.end, rules.timeZone),
  );
  return { found: false, reason: open ? 'off-grid' : 'closed' };
}

/** Adds or takes away one load from another. */
export function addLoad(a: Load, b: Load, sign: 1 | -1 = 1): Load {
  return {
    orders: a.orders + sign * b.orders,
    items: a.items + sign * b.items,
    kitchenMinutes: a.kitchenMinutes + sign * b.kitchenMinutes,
  };
}

export interface HoldLike extends Load {
  readonly slotStartMs: number;
  readonly status: 'active' | 'confirmed' | 'released' | 'expired';
  readonly expiresAtMs: number;
}

/** What holds keep booked at `now`: confirmed ones, and active ones not yet past their TTL. */
export function loadOfHolds(holds: readonly HoldLike[], now: number): Map<number, Load> {
  const load = new Map<number, Load>();
  for (const hold of holds) {
    const counts = hold.status === 'confirmed' || (hold.status === 'active' && hold.expiresAtMs > now);
    if (counts) load.set(hold.slotStartMs, addLoad(load.get(hold.slotStartMs) ?? NO_LOAD, hold));
  }
  return load;
}
