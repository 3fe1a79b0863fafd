import { pickupRules } from '../../test/pickup-rules.factory';
import { slotGrid } from './slot-engine';

describe('capacity overrides per weekday time range and per date', () => {
  const rules = pickupRules({
    capacity: { maxOrders: 10, maxItems: 40, maxKitchenMinutes: 90 },
    capacityRules: [
      { weekday: 1, date: null, start: '11:30', end: '13:00', maxOrders: 20, maxItems: null, maxKitchenMinutes: 150 },
      { weekday: null, date: '2026-06-08', start: '12:00', end: '12:30', maxOrders: 2, maxItems: 5, maxKitchenMinutes: null },
    ],
  });
  const capacityAt = (date: string, clock: string) => slotGrid(rules, date).find((s) => s.start.slice(11, 16) === clock)?.capacity;

  it('uses the store default outside any rule', () => {
    expect(capacityAt('2026-06-01', '10:00')).toEqual({ maxOrders: 10, maxItems: 40, maxKitchenMinutes: 90 });
    expect(capacityAt('2026-06-01', '13:00')).toEqual({ maxOrders: 10, maxItems: 40, maxKitchenMinutes: 90 });
  });

  it('lets a weekday rule change what it names and keep the rest', () => {
    expect(capacityAt('2026-06-01', '11:30')).toEqual({ maxOrders: 20, maxItems: 40, maxKitchenMinutes: 150 });
    expect(capacityAt('2026-06-02', '11:30')).toEqual({ maxOrders: 10, maxItems: 40, maxKitchenMinutes: 90 });
  });

  it('lets a date rule say last', () => {
    expect(capacityAt('2026-06-08', '12:00')).toEqual({ maxOrders: 2, maxItems: 5, maxKitchenMinutes: 150 });
    expect(capacityAt('2026-06-08', '12:30')).toEqual({ maxOrders: 20, maxItems: 40, maxKitchenMinutes: 150 });
  });
});
