import { booking, pickupRules } from '../../test/pickup-rules.factory';
import { findSlot, pickupDays, slotGrid } from './slot-engine';
import { NO_LOAD } from './slot-rules';

describe('a date the store is closed', () => {
  const rules = pickupRules({ exceptions: [{ date: '2026-12-25', closed: true, windows: [] }] });

  it('has no slots on the holiday and the usual ones around it', () => {
    expect(slotGrid(rules, '2026-12-25')).toEqual([]);
    expect(slotGrid(rules, '2026-12-24')).toHaveLength(24);
    expect(slotGrid(rules, '2026-12-26')).toHaveLength(24);
  });

  it('refuses a slot on the holiday as closed', () => {
    expect(findSlot(rules, Date.parse('2026-12-25T10:00:00+01:00'))).toEqual({ found: false, reason: 'closed' });
  });

  it('finds the earliest slot for a cart after the holiday', () => {
    const days = pickupDays(booking(rules, '2026-12-24T18:45:00+01:00'), '2026-12-24', 3, () => NO_LOAD);
    expect(days.earliest?.start).toBe('2026-12-26T07:00:00+01:00');
  });
});
