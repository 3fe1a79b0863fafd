import { booking, pickupRules } from '../../test/pickup-rules.factory';
import { pickupDays } from './slot-engine';
import { NO_LOAD } from './slot-rules';

describe('the cart’s prep time sets its earliest slot', () => {
  const rules = pickupRules({ slotMinutes: 15, leadMinutes: 15 });
  const now = '2026-06-01T10:00:00+02:00';

  it('uses the lead time for a coffee that takes less', () => {
    const coffee = booking(rules, now, { cart: { items: 1, kitchenMinutes: 3 } });
    expect(pickupDays(coffee, '2026-06-01', 1, () => NO_LOAD).earliest?.start).toBe('2026-06-01T10:15:00+02:00');
  });

  it('uses the prep time for a catering order that takes longer', () => {
    const catering = booking(rules, now, { cart: { items: 40, kitchenMinutes: 95 } });
    expect(pickupDays(catering, '2026-06-01', 1, () => NO_LOAD).earliest?.start).toBe('2026-06-01T11:45:00+02:00');
  });
});
