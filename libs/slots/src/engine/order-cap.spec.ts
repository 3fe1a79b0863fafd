import { booking, pickupRules } from '../../test/pickup-rules.factory';
import { pickupDays } from './slot-engine';

describe('a slot’s order cap', () => {
  const rules = pickupRules({ capacity: { maxOrders: 4, maxItems: null, maxKitchenMinutes: null } });

  it('takes orders up to the cap and then offers the next slot', () => {
    const full = (startMs: number) => ({ orders: startMs === Date.parse('2026-06-01T07:00:00+02:00') ? 4 : 3, items: 5, kitchenMinutes: 0 });
    const days = pickupDays(booking(rules, '2026-06-01T06:00:00+02:00'), '2026-06-01', 1, full);
    expect(days.slots[0]).toMatchObject({ available: false, refusal: 'full', remaining: { orders: 0, items: null } });
    expect(days.earliest).toMatchObject({ start: '2026-06-01T07:30:00+02:00', remaining: { orders: 1 } });
  });
});
