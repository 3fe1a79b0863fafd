import { booking, pickupRules } from '../../test/pickup-rules.factory';
import { pickupDays } from './slot-engine';
import { NO_LOAD } from './slot-rules';

describe('busy mode', () => {
  const rules = pickupRules({ slotMinutes: 15, leadMinutes: 15 });
  const now = '2026-06-01T10:00:00+02:00';

  it('pushes the earliest slot back by the delay', () => {
    const quiet = pickupDays(booking(rules, now), '2026-06-01', 1, () => NO_LOAD);
    expect(quiet.earliest?.start).toBe('2026-06-01T10:15:00+02:00');
    const busy = pickupDays(booking(rules, now, { busy: { paused: false, delayMinutes: 30 } }), '2026-06-01', 1, () => NO_LOAD);
    expect(busy.earliest?.start).toBe('2026-06-01T10:45:00+02:00');
  });

  it('adds the delay on top of a long prep time', () => {
    const cart = { items: 10, kitchenMinutes: 45 };
    const busy = pickupDays(booking(rules, now, { cart, busy: { paused: false, delayMinutes: 15 } }), '2026-06-01', 1, () => NO_LOAD);
    expect(busy.earliest?.start).toBe('2026-06-01T11:00:00+02:00');
  });

  it('offers nothing while paused, and says so on every slot', () => {
    const paused = pickupDays(booking(rules, now, { busy: { paused: true, delayMinutes: 0 } }), '2026-06-01', 2, () => NO_LOAD);
    expect(paused.earliest).toBeNull();
    expect(new Set(paused.slots.map((s) => s.refusal))).toEqual(new Set(['paused']));
  });

  it('offers nothing when the store has switched online orders off', () => {
    expect(pickupDays(booking(rules, now, { acceptingOrders: false }), '2026-06-01', 1, () => NO_LOAD).earliest).toBeNull();
  });
});
