import { booking, pickupRules } from '../../test/pickup-rules.factory';
import { HoldLike, loadOfHolds, pickupDays } from './slot-engine';
import { NO_LOAD } from './slot-rules';

describe('hold expiry', () => {
  const rules = pickupRules({ capacity: { maxOrders: 2, maxItems: null, maxKitchenMinutes: null } });
  const slot = Date.parse('2026-06-01T12:00:00+02:00');
  const placedAt = Date.parse('2026-06-01T10:00:00+02:00');
  const hold = (status: HoldLike['status'], ttlMinutes = 10): HoldLike => ({
    slotStartMs: slot,
    orders: 1,
    items: 2,
    kitchenMinutes: 4,
    status,
    expiresAtMs: placedAt + ttlMinutes * 60_000,
  });
  const holds = [hold('active'), hold('confirmed')];

  function slotAt(now: number) {
    const load = loadOfHolds(holds, now);
    const days = pickupDays(booking(rules, new Date(now).toISOString()), '2026-06-01', 1, (t) => load.get(t) ?? NO_LOAD);
    return days.slots.find((s) => s.startMs === slot);
  }

  it('keeps a slot full while an unpaid hold is within its TTL', () => {
    expect(slotAt(placedAt + 9 * 60_000)).toMatchObject({ available: false, refusal: 'full', booked: { orders: 2, items: 4 } });
  });

  it('gives the capacity back once the TTL has passed', () => {
    expect(slotAt(placedAt + 10 * 60_000)).toMatchObject({ available: true, booked: { orders: 1, items: 2, kitchenMinutes: 4 } });
  });

  it('never expires a confirmed hold, and counts released ones as gone', () => {
    const later = placedAt + 24 * 60 * 60_000;
    expect(loadOfHolds([hold('confirmed'), hold('released'), hold('expired')], later).get(slot)).toEqual({ orders: 1, items: 2, kitchenMinutes: 4 });
  });
});
