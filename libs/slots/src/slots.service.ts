import { Injectable } from '@nestjs/common';
import { FieldProblem, isUuid } from '@kassa/shared';
import { BookingContext, findSlot, fits, pickupDays, PickupDays, refusalFor, Refusal } from './engine/slot-engine';
import { BusyState, Capacity, CartDemand, Load, NO_LOAD } from './engine/slot-rules';
import { addDays, formatInZone, isCalendarDate, localDateTime, parseInstant, zonedInstant } from '@kassa/shared';
import { PickupConfig, PickupConfigService } from './pickup-config.service';
import { DEFAULT_HOLD_TTL_SECONDS } from './pickup-defaults';
import { cachedSlotGrid } from './slot-grid.cache';
import { HoldRow, SlotLedger } from './slot-ledger.repository';
import { SlotsError, SlotsErrorCode } from './slots.errors';
import { CartLoad, SlotHoldResult, SlotRequest } from './slots.types';

const HOLD_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const MAX_TTL_SECONDS = 86_400;
const MAX_DAYS = 14;
/** How many of the earliest fitting slots an ASAP order tries when others fill them first. */
const EARLIEST_ATTEMPTS = 5;

export interface SlotListing extends PickupDays {
  readonly busy: BusyState;
  readonly timeZone: string;
}

/**
 * What other libs ask of slots (orders: holds; storefront: the slot list). Every method runs in
 * the caller's transaction and never opens one.
 */
@Injectable()
export class SlotsService {
  constructor(
    private readonly config: PickupConfigService,
    private readonly ledger: SlotLedger,
  ) {}

  /** The slots of `days` local dates from `date` (default: today at the store), judged for the cart. */
  async availability(storeId: string, cart: CartLoad, date?: string, days = 1): Promise<SlotListing> {
    const problems = [...cartProblems(cart), ...rangeProblems(date, days)];
    if (problems.length > 0) throw SlotsError.invalidSlot(problems);
    const store = await this.config.store(storeId);
    return listingOf(await this.bookings(storeId, store, date, days), cart);
  }

  /**
   * `availability` for a cart that still has to be weighed (the storefront asks the catalogue).
   * Once the store is known, the weighing and the slot read run side by side; the answers and
   * errors are those of weighing first and then calling `availability`: a missing store first
   * (the weighing looks the store up before anything else), then the weighing's own errors,
   * then invalid input.
   */
  async availabilityWeighing(storeId: string, weigh: () => Promise<CartLoad>, date?: string, days = 1): Promise<SlotListing> {
    const store = await this.config.store(storeId);
    const weighing = weigh();
    const range = rangeProblems(date, days);
    const read = range.length === 0 ? settled(this.bookings(storeId, store, date, days)) : null;
    let cart: CartLoad;
    try {
      cart = await weighing;
    } catch (error) {
      await read;
      throw error;
    }
    const problems = [...cartProblems(cart), ...range];
    if (problems.length > 0 || read === null) {
      await read;
      throw SlotsError.invalidSlot(problems);
    }
    const outcome = await read;
    if (!outcome.ok) throw outcome.error;
    return listingOf(outcome.value, cart);
  }

  /** The store's rules and what is booked on the days asked for: one round trip. */
  private async bookings(
    storeId: string,
    store: { timeZone: string; acceptingOrders: boolean },
    date: string | undefined,
    days: number,
  ): Promise<Bookings> {
    const now = Date.now();
    const first = date ?? localDateTime(now, store.timeZone).date;
    const last = addDays(first, days - 1);
    const { config, loads } = await this.config.loadWithBookings(
      storeId,
      store,
      first,
      last,
      new Date(zonedInstant(first, 0, store.timeZone)),
      new Date(zonedInstant(addDays(last, 1), 0, store.timeZone)),
    );
    return { ...config, loads, now, first, days, timeZone: store.timeZone };
  }

  /**
   * Holds a slot for an order, all or nothing. Calling it again with the same holdId returns
   * the first hold. Throws SLOT_FULL (409) when the order does not fit, STORE_CLOSED,
   * ORDERING_PAUSED, SLOT_TOO_EARLY, SLOT_TOO_FAR_AHEAD, SLOT_NOT_FOUND or INVALID_SLOT (422).
   */
  async reserve(storeId: string, holdId: string, request: SlotRequest, ttlSeconds = DEFAULT_HOLD_TTL_SECONDS): Promise<SlotHoldResult> {
    const problems = reservationProblems(storeId, holdId, request, ttlSeconds);
    const startMs = typeof request.slotStart === 'string' ? parseInstant(request.slotStart) : null;
    if (startMs === null) problems.push({ field: 'slotStart', reason: 'must be an ISO 8601 date-time with offset' });
    if (problems.length > 0 || startMs === null) throw SlotsError.invalidSlot(problems);

    const store = await this.config.store(storeId);
    const { date } = localDateTime(startMs, store.timeZone);
    const { rules, busy, acceptingOrders } = await this.config.load(storeId, store, date, date);
    const load: Load = { orders: request.orders ?? 1, items: request.items, kitchenMinutes: request.kitchenMinutes };
    const cart: CartDemand = { items: load.items, kitchenMinutes: load.kitchenMinutes };
    const lookup = findSlot(rules, startMs);
    // A hold id is fresh on the way in (a checkout makes a new one), so a repeat is only looked
    // for where it matters: before refusing (the first call may have booked while the slot was
    // open) and when the insert finds the id taken.
    const refuse = async (error: SlotsError): Promise<SlotHoldResult> => {
      const replay = await this.ledger.hold(holdId);
      if (replay) return this.replayOf(replay, store.timeZone);
      throw error;
    };
    if (!lookup.found) {
      return refuse(
        lookup.reason === 'closed'
          ? SlotsError.slot(SlotsErrorCode.STORE_CLOSED, request.slotStart, 'is outside the store’s pickup hours')
          : SlotsError.slot(SlotsErrorCode.SLOT_NOT_FOUND, request.slotStart, 'is not the start of a pickup slot'),
      );
    }
    const { slot } = lookup;
    const context: BookingContext = { rules, now: Date.now(), cart, busy, acceptingOrders };
    const refusal = refusalFor(slot, NO_LOAD, context);
    if (refusal !== null || !fits(slot.capacity, { ...NO_LOAD, orders: load.orders - 1 }, cart)) {
      return refuse(refusalError(refusal ?? 'full', slot.start));
    }

    const slotStart = new Date(slot.startMs);
    const hold = await this.ledger.insertHold(holdId, storeId, { start: slotStart, end: new Date(slot.endMs) }, load, ttlSeconds);
    if (!hold) {
      const raced = await this.ledger.hold(holdId);
      if (!raced) throw SlotsError.notFound(SlotsErrorCode.HOLD_NOT_FOUND, 'Slot hold', holdId);
      return this.replayOf(raced, store.timeZone);
    }
    // Holds of this slot past their TTL give their capacity back when they are in the way: most
    // bookings fit without, and the sweeper job gets to them anyway.
    if (!(await this.take(storeId, slotStart, load, slot.capacity))) {
      // The caller may carry on in its transaction (try another slot), so leave no hold behind.
      await this.ledger.deleteHold(holdId);
      throw SlotsError.full(slot.start, 'is full');
    }
    return { holdId, slotStart: slot.start, slotEnd: slot.end, expiresAt: hold.expiresAt };
  }

  /**
   * Holds the earliest slot of today (at the store) that fits the order: "as soon as possible".
   * A slot filled by someone else meanwhile is skipped for the next one. Throws ORDERING_PAUSED,
   * SLOT_FULL when slots are left but none fits, or STORE_CLOSED when today has no pickup time left
   * (field `asap`).
   */
  async reserveEarliest(storeId: string, holdId: string, request: Omit<SlotRequest, 'slotStart'>, ttlSeconds = DEFAULT_HOLD_TTL_SECONDS): Promise<SlotHoldResult> {
    const problems = reservationProblems(storeId, holdId, { ...request, slotStart: '' }, ttlSeconds);
    if (problems.length > 0) throw SlotsError.invalidSlot(problems);
    const store = await this.config.store(storeId);
    const listing = listingOf(await this.bookings(storeId, store, undefined, 1), request);
    const candidates = listing.slots.filter((s) => s.available);
    for (const slot of candidates.slice(0, EARLIEST_ATTEMPTS)) {
      try {
        return await this.reserve(storeId, holdId, { ...request, slotStart: slot.start }, ttlSeconds);
      } catch (error) {
        if (!(error instanceof SlotsError && error.code === SlotsErrorCode.SLOT_FULL)) throw error;
      }
    }
    const reason = listing.busy.paused
      ? { code: SlotsErrorCode.ORDERING_PAUSED, text: 'cannot be met: the store has paused online orders' }
      : candidates.length > 0 || listing.slots.some((s) => s.refusal === 'full')
        ? { code: SlotsErrorCode.SLOT_FULL, text: 'cannot be met: today’s remaining pickup slots are full' }
        : { code: SlotsErrorCode.STORE_CLOSED, text: 'cannot be met: the store has no pickup time left today' };
    // A repeat of a call that booked while there was room answers that booking (reserve does the same).
    const replay = await this.ledger.hold(holdId);
    if (replay) return this.replayOf(replay, store.timeZone);
    throw new SlotsError(reason.code, `As soon as possible ${reason.text}`, [{ field: 'asap', reason: reason.text }]);
  }

  /**
   * The order is paid: its hold no longer expires. Confirming twice is a no-op; a hold that
   * expired meanwhile gets its slot back if there is still room (else HOLD_EXPIRED).
   */
  async confirm(holdId: string): Promise<void> {
    if (await this.ledger.moveHold(holdId, ['active'], 'confirmed')) return;
    const hold = await this.ledger.hold(holdId);
    if (!hold) throw SlotsError.notFound(SlotsErrorCode.HOLD_NOT_FOUND, 'Slot hold', holdId);
    if (hold.status === 'confirmed') return;
    if (hold.status === 'released') throw new SlotsError(SlotsErrorCode.HOLD_CLOSED, `Slot hold ${holdId} was released`);
    const store = await this.config.store(hold.storeId);
    const { date } = localDateTime(hold.slotStart.getTime(), store.timeZone);
    const { rules } = await this.config.load(hold.storeId, store, date, date);
    const lookup = findSlot(rules, hold.slotStart.getTime());
    const capacity = lookup.found ? lookup.slot.capacity : { maxOrders: 0, maxItems: 0, maxKitchenMinutes: 0 };
    if (!(await this.ledger.take(hold.storeId, hold.slotStart, hold, capacity))) {
      throw new SlotsError(SlotsErrorCode.HOLD_EXPIRED, `Slot hold ${holdId} expired and its slot has no room left`);
    }
    // Someone else settled the hold meanwhile: keep the count as it was.
    if (!(await this.ledger.moveHold(holdId, ['expired'], 'confirmed'))) await this.ledger.give(hold.storeId, hold.slotStart, hold);
  }

  /** Gives a hold's capacity back (an unpaid checkout abandoned, or a paid order cancelled). Unknown or closed holds are a no-op. */
  async release(holdId: string): Promise<void> {
    const hold = await this.ledger.moveHold(holdId, ['active', 'confirmed'], 'released');
    if (hold) await this.ledger.give(hold.storeId, hold.slotStart, hold);
  }

  /**
   * Takes the load off the slot's capacity; when it does not fit, expires the slot's holds past
   * their TTL and tries once more. That sweep skips holds another transaction has locked (the
   * sweeper job's): it runs while this transaction holds the slot's load row, which the job
   * wants next, so waiting for the job could deadlock.
   */
  private async take(storeId: string, slotStart: Date, load: Load, capacity: Capacity): Promise<boolean> {
    if (await this.ledger.take(storeId, slotStart, load, capacity)) return true;
    if ((await this.ledger.expire({ storeId, slotStart })) === 0) return false;
    return this.ledger.take(storeId, slotStart, load, capacity);
  }

  private replayOf(hold: HoldRow, timeZone: string): SlotHoldResult {
    return {
      holdId: hold.holdId,
      slotStart: formatInZone(hold.slotStart.getTime(), timeZone),
      slotEnd: formatInZone(hold.slotEnd.getTime(), timeZone),
      expiresAt: hold.expiresAt,
    };
  }
}

function refusalError(refusal: Refusal, slotStart: string): SlotsError {
  switch (refusal) {
    case 'closed':
      return SlotsError.slot(SlotsErrorCode.STORE_CLOSED, slotStart, 'is outside the store’s pickup hours');
    case 'paused':
      return SlotsError.slot(SlotsErrorCode.ORDERING_PAUSED, slotStart, 'cannot be booked: the store has paused online orders');
    case 'too-early':
      return SlotsError.slot(SlotsErrorCode.SLOT_TOO_EARLY, slotStart, 'is sooner than this order can be ready');
    case 'too-far-ahead':
      return SlotsError.slot(SlotsErrorCode.SLOT_TOO_FAR_AHEAD, slotStart, 'is further ahead than the store takes bookings');
    case 'full':
      return SlotsError.full(slotStart, 'cannot fit this order');
  }
}

interface Bookings extends PickupConfig {
  readonly loads: Map<number, Load>;
  readonly now: number;
  readonly first: string;
  readonly days: number;
  readonly timeZone: string;
}

function listingOf(bookings: Bookings, cart: CartLoad): SlotListing {
  const { rules, busy, acceptingOrders, loads, now, first, days, timeZone } = bookings;
  const context: BookingContext = { rules, now, cart, busy, acceptingOrders };
  const listing = pickupDays(context, first, days, (startMs) => loads.get(startMs) ?? NO_LOAD, cachedSlotGrid);
  return { ...listing, busy, timeZone };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A promise that never rejects, so it can wait while something else is awaited first. */
function settled<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

function rangeProblems(date: string | undefined, days: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (date !== undefined && !isCalendarDate(date)) problems.push({ field: 'date', reason: 'must be a date YYYY-MM-DD' });
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) problems.push({ field: 'days', reason: `must be a whole number from 1 to ${MAX_DAYS}` });
  return problems;
}

function cartProblems(cart: CartLoad): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isCount(cart.items, 10_000)) problems.push({ field: 'items', reason: 'must be a whole number from 0 to 10000' });
  if (!isCount(cart.kitchenMinutes, 10_000)) problems.push({ field: 'kitchenMinutes', reason: 'must be a whole number from 0 to 10000' });
  return problems;
}

function reservationProblems(storeId: string, holdId: string, request: SlotRequest, ttlSeconds: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isUuid(storeId)) problems.push({ field: 'storeId', reason: 'must be a store id' });
  if (typeof holdId !== 'string' || !HOLD_ID.test(holdId)) problems.push({ field: 'holdId', reason: 'must be 1–100 letters, digits or ._:-' });
  if (request.orders !== undefined && (!isCount(request.orders, 100) || request.orders < 1)) {
    problems.push({ field: 'orders', reason: 'must be a whole number from 1 to 100' });
  }
  problems.push(...cartProblems(request));
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
    problems.push({ field: 'ttlSeconds', reason: `must be a whole number from 1 to ${MAX_TTL_SECONDS}` });
  }
  return problems;
}

function isCount(value: unknown, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}
