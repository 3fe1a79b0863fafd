import { booking, pickupRules } from '../../test/pickup-rules.factory';
import { pickupDays } from './slot-engine';
import { NO_LOAD } from './slot-rules';

describe('minimum lead time', () => {
  const rules = pickupRules({ slotMinutes: 15, leadMinutes: 30 });

  it('offers the first slot that starts at least the lead time from now', () => {
    const { slots, earliest } = pickupDays(booking(rules, '2026-06-01T10:05:00+02:00'), '2026-06-01', 1, () => NO_LOAD);
    expect(earliest?.start).toBe('2026-06-01T10:45:00+02:00');
    expect(slots.find((s) => s.start === '2026-06-01T10:30:00+02:00')).toMatchObject({ available: false, refusal: 'too-early' });
  });

  it('takes a slot exactly at the lead time', () => {
    const { earliest } = pickupDays(booking(rules, '2026-06-01T10:00:00+02:00'), '2026-06-01', 1, () => NO_LOAD);
    expect(earliest?.start).toBe('2026-06-01T10:30:00+02:00');
  });

  it('moves to the next day when the lead time runs past closing', () => {
    const { earliest } = pickupDays(booking(rules, '2026-06-01T18:40:00+02:00'), '2026-06-01', 2, () => NO_LOAD);
    expect(earliest?.start).toBe('2026-06-02T07:00:00+02:00');
  });
});
