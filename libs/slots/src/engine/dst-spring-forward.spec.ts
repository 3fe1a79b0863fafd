import { everyDay, pickupRules } from '../../test/pickup-rules.factory';
import { slotGrid } from './slot-engine';

/** Last Sunday of March 2026: Stockholm's clocks jump from 02:00 to 03:00. */
describe('pickup slots on the spring-forward day', () => {
  const night = pickupRules({ weeklyHours: everyDay(['00:00', '06:00']) });

  it('steps over the missing hour without skipping a real instant', () => {
    const slots = slotGrid(night, '2026-03-29');
    expect(slots.map((s) => s.start)).toEqual([
      '2026-03-29T00:00:00+01:00',
      '2026-03-29T00:30:00+01:00',
      '2026-03-29T01:00:00+01:00',
      '2026-03-29T01:30:00+01:00',
      '2026-03-29T03:00:00+02:00',
      '2026-03-29T03:30:00+02:00',
      '2026-03-29T04:00:00+02:00',
      '2026-03-29T04:30:00+02:00',
      '2026-03-29T05:00:00+02:00',
      '2026-03-29T05:30:00+02:00',
    ]);
    expect(slots[3].end).toBe('2026-03-29T03:00:00+02:00');
    const gaps = slots.slice(1).map((s, i) => s.startMs - slots[i].startMs);
    expect(new Set(gaps)).toEqual(new Set([30 * 60_000]));
  });

  it('shows daytime slots in summer time', () => {
    const slots = slotGrid(pickupRules(), '2026-03-29');
    expect(slots[0].start).toBe('2026-03-29T07:00:00+02:00');
    expect(slots.find((s) => s.start === '2026-03-29T10:30:00+02:00')?.startMs).toBe(Date.parse('2026-03-29T08:30:00Z'));
    expect(slots).toHaveLength(24);
  });

  it('has the day before still in winter time', () => {
    expect(slotGrid(pickupRules(), '2026-03-28')[0].start).toBe('2026-03-28T07:00:00+01:00');
  });
});
