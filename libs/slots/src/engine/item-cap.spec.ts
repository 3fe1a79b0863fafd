import { booking, pickupRules } from '../../test/pickup-rules.factory';
import { pickupDays } from './slot-engine';

describe('a slot’s item cap', () => {
  const rules = pickupRules({ capacity: { maxOrders: 10, maxItems: 30, maxKitchenMinutes: null } });
  const booked = () => ({ orders: 3, items: 24, kitchenMinutes: 0 });

  it('still fits a coffee but refuses a catering order that would pass it', () => {
    const coffee = pickupDays(booking(rules, '2026-06-01T06:00:00+02:00', { cart: { items: 1, kitchenMinutes: 2 } }), '2026-06-01', 1, booked);
    expect(coffee.slots[0]).toMatchObject({ available: true, remaining: { orders: 7, items: 6, kitchenMinutes: null } });
    const catering = pickupDays(booking(rules, '2026-06-01T06:00:00+02:00', { cart: { items: 12, kitchenMinutes: 20 } }), '2026-06-01', 1, booked);
    expect(catering.slots[0]).toMatchObject({ available: false, refusal: 'full' });
    expect(catering.earliest).toBeNull();
  });

  it('never fits a cart larger than the cap on its own, even in an empty slot', () => {
    const huge = booking(rules, '2026-06-01T06:00:00+02:00', { cart: { items: 31, kitchenMinutes: 0 } });
    expect(pickupDays(huge, '2026-06-01', 1, () => ({ orders: 0, items: 0, kitchenMinutes: 0 })).earliest).toBeNull();
  });

  it('fills a slot exactly to the cap', () => {
    const six = booking(rules, '2026-06-01T06:00:00+02:00', { cart: { items: 6, kitchenMinutes: 0 } });
    expect(pickupDays(six, '2026-06-01', 1, booked).slots[0].available).toBe(true);
  });
});
