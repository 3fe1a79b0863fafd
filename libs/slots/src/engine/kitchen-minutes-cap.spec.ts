import { booking, pickupRules } from '../../test/pickup-rules.factory';
import { pickupDays } from './slot-engine';

describe('a slot’s kitchen-minutes cap', () => {
  const rules = pickupRules({ capacity: { maxOrders: null, maxItems: null, maxKitchenMinutes: 60 } });
  const booked = () => ({ orders: 5, items: 9, kitchenMinutes: 50 });
  const at = '2026-06-01T05:00:00+02:00';

  it('counts the work a cart brings, not the number of orders', () => {
    const sandwich = booking(rules, at, { cart: { items: 2, kitchenMinutes: 10 } });
    expect(pickupDays(sandwich, '2026-06-01', 1, booked).slots[0]).toMatchObject({ available: true, remaining: { kitchenMinutes: 10 } });
    const lunch = booking(rules, at, { cart: { items: 2, kitchenMinutes: 11 } });
    expect(pickupDays(lunch, '2026-06-01', 1, booked).slots[0]).toMatchObject({ available: false, refusal: 'full' });
  });

  it('lets a drink with no prep time into a slot whose kitchen is fully booked', () => {
    const water = booking(rules, at, { cart: { items: 1, kitchenMinutes: 0 } });
    expect(pickupDays(water, '2026-06-01', 1, () => ({ orders: 5, items: 9, kitchenMinutes: 60 })).slots[0].available).toBe(true);
  });
});
