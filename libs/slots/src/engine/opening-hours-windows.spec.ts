import { pickupRules } from '../../test/pickup-rules.factory';
import { slotGrid } from './slot-engine';

describe('opening hours with several windows a day', () => {
  const rules = pickupRules({
    slotMinutes: 30,
    weeklyHours: [
      { weekday: 1, start: '07:00', end: '10:30' },
      { weekday: 1, start: '11:00', end: '19:00' },
      { weekday: 6, start: '10:00', end: '14:00' },
    ],
  });

  it('offers slots in each window and none in the break between them', () => {
    const monday = slotGrid(rules, '2026-06-01').map((s) => s.start.slice(11, 16));
    expect(monday.slice(0, 8)).toEqual(['07:00', '07:30', '08:00', '08:30', '09:00', '09:30', '10:00', '11:00']);
    expect(monday).not.toContain('10:30');
    expect(monday.at(-1)).toBe('18:30');
    expect(monday).toHaveLength(7 + 16);
  });

  it('follows each weekday’s own hours and keeps days without hours closed', () => {
    expect(slotGrid(rules, '2026-06-06').map((s) => s.start.slice(11, 16))).toEqual(['10:00', '10:30', '11:00', '11:30', '12:00', '12:30', '13:00', '13:30']);
    expect(slotGrid(rules, '2026-06-02')).toEqual([]);
    expect(slotGrid(rules, '2026-06-07')).toEqual([]);
  });

  it('offers slots of 5, 10, 15 or 30 minutes', () => {
    for (const slotMinutes of [5, 10, 15, 30]) {
      const slots = slotGrid({ ...rules, slotMinutes }, '2026-06-06');
      expect(slots).toHaveLength((4 * 60) / slotMinutes);
      expect(slots[1].startMs - slots[0].startMs).toBe(slotMinutes * 60_000);
    }
  });

  it('gives an hour that does not divide into slots no partial slot at its end', () => {
    const slots = slotGrid(pickupRules({ slotMinutes: 30, weeklyHours: [{ weekday: 1, start: '07:00', end: '08:45' }] }), '2026-06-01');
    expect(slots.map((s) => s.end.slice(11, 16))).toEqual(['07:30', '08:00', '08:30']);
  });
});
