import { pickupRules } from '../../test/pickup-rules.factory';
import { slotGrid } from './slot-engine';

describe('cut-off before closing', () => {
  it('ends the last slot of each window the cut-off before it closes', () => {
    const rules = pickupRules({
      slotMinutes: 15,
      cutoffMinutes: 30,
      weeklyHours: [
        { weekday: 1, start: '07:00', end: '10:30' },
        { weekday: 1, start: '11:00', end: '19:00' },
      ],
    });
    const slots = slotGrid(rules, '2026-06-01');
    expect(slots.filter((s) => s.start < '2026-06-01T11').at(-1)?.end).toBe('2026-06-01T10:00:00+02:00');
    expect(slots.at(-1)?.end).toBe('2026-06-01T18:30:00+02:00');
  });

  it('leaves a window shorter than the cut-off without slots', () => {
    const rules = pickupRules({ cutoffMinutes: 60, weeklyHours: [{ weekday: 1, start: '07:00', end: '07:45' }] });
    expect(slotGrid(rules, '2026-06-01')).toEqual([]);
  });
});
