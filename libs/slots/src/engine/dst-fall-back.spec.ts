import { everyDay, pickupRules } from '../../test/pickup-rules.factory';
import { slotGrid } from './slot-engine';

/** Last Sunday of October 2026: Stockholm's clocks fall back from 03:00 to 02:00. */
describe('pickup slots on the fall-back day', () => {
  const night = pickupRules({ weeklyHours: everyDay(['00:00', '06:00']) });

  it('offers the repeated hour twice, as two different instants, and nothing twice', () => {
    const slots = slotGrid(night, '2026-10-25');
    expect(slots.map((s) => s.start)).toEqual([
      '2026-10-25T00:00:00+02:00',
      '2026-10-25T00:30:00+02:00',
      '2026-10-25T01:00:00+02:00',
      '2026-10-25T01:30:00+02:00',
      '2026-10-25T02:00:00+02:00',
      '2026-10-25T02:30:00+02:00',
      '2026-10-25T02:00:00+01:00',
      '2026-10-25T02:30:00+01:00',
      '2026-10-25T03:00:00+01:00',
      '2026-10-25T03:30:00+01:00',
      '2026-10-25T04:00:00+01:00',
      '2026-10-25T04:30:00+01:00',
      '2026-10-25T05:00:00+01:00',
      '2026-10-25T05:30:00+01:00',
    ]);
    expect(new Set(slots.map((s) => s.startMs)).size).toBe(slots.length);
    const gaps = slots.slice(1).map((s, i) => s.startMs - slots[i].startMs);
    expect(new Set(gaps)).toEqual(new Set([30 * 60_000]));
    expect(slots[5].end).toBe('2026-10-25T02:00:00+01:00');
  });

  it('shows daytime slots in winter time', () => {
    const slots = slotGrid(pickupRules(), '2026-10-25');
    expect(slots[0].start).toBe('2026-10-25T07:00:00+01:00');
    expect(slots.at(-1)?.end).toBe('2026-10-25T19:00:00+01:00');
    expect(slots).toHaveLength(24);
  });
});
