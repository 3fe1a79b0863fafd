import { booking, pickupRules } from '../../test/pickup-rules.factory';
import { pickupDays } from './slot-engine';
import { NO_LOAD } from './slot-rules';

describe('how many days ahead customers may book', () => {
  it('offers today and the next two days, counted in the store’s calendar', () => {
    const rules = pickupRules({ daysAhead: 2 });
    // 23:30 UTC on 31 May is already 1 June in Stockholm.
    const days = pickupDays(booking(rules, '2026-05-31T23:30:00Z'), '2026-06-01', 4, () => NO_LOAD);
    const open = new Set(days.slots.filter((s) => s.available).map((s) => s.date));
    expect([...open]).toEqual(['2026-06-01', '2026-06-02', '2026-06-03']);
    expect(days.slots.find((s) => s.date === '2026-06-04')?.refusal).toBe('too-far-ahead');
  });

  it('offers today only with zero days ahead', () => {
    const days = pickupDays(booking(pickupRules({ daysAhead: 0 }), '2026-06-01T08:00:00+02:00'), '2026-06-01', 2, () => NO_LOAD);
    expect([...new Set(days.slots.filter((s) => s.available).map((s) => s.date))]).toEqual(['2026-06-01']);
  });
});
