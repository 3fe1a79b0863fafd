import { pickupRules } from '../../test/pickup-rules.factory';
import { findSlot, slotGrid } from './slot-engine';

describe('a date with special hours', () => {
  const rules = pickupRules({
    exceptions: [{ date: '2026-12-24', closed: false, windows: [{ start: '09:00', end: '13:00' }] }],
  });

  it('uses the special hours instead of the weekday’s', () => {
    const slots = slotGrid(rules, '2026-12-24');
    expect(slots[0].start).toBe('2026-12-24T09:00:00+01:00');
    expect(slots.at(-1)?.end).toBe('2026-12-24T13:00:00+01:00');
    expect(slots).toHaveLength(8);
  });

  it('refuses times outside them as closed and times between grid points as off-grid', () => {
    expect(findSlot(rules, Date.parse('2026-12-24T15:00:00+01:00'))).toEqual({ found: false, reason: 'closed' });
    expect(findSlot(rules, Date.parse('2026-12-24T09:10:00+01:00'))).toEqual({ found: false, reason: 'off-grid' });
    expect(findSlot(rules, Date.parse('2026-12-24T09:30:00+01:00'))).toMatchObject({ found: true });
  });
});
