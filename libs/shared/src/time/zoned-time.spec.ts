import { formatInZone, isCalendarDate, isoWeekday, localDateTime, parseClock, parseInstant, zonedInstant } from './zoned-time';

describe('zoned time in Europe/Stockholm', () => {
  const tz = 'Europe/Stockholm';

  it('turns local wall time into instants in winter and summer', () => {
    expect(new Date(zonedInstant('2026-01-15', 9 * 60, tz)).toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(new Date(zonedInstant('2026-07-15', 9 * 60, tz)).toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(new Date(zonedInstant('2026-07-15', 24 * 60, tz)).toISOString()).toBe('2026-07-15T22:00:00.000Z');
  });

  it('moves a time in the spring gap forward and takes the first of a repeated autumn time', () => {
    expect(formatInZone(zonedInstant('2026-03-29', 150, tz), tz)).toBe('2026-03-29T03:30:00+02:00');
    expect(formatInZone(zonedInstant('2026-10-25', 150, tz), tz)).toBe('2026-10-25T02:30:00+02:00');
  });

  it('reads the local date and time of an instant', () => {
    expect(localDateTime(Date.parse('2026-05-31T22:30:00Z'), tz)).toEqual({ date: '2026-06-01', minuteOfDay: 30 });
  });

  it('parses and checks its inputs', () => {
    expect(parseInstant('2026-03-29T10:30:00+02:00')).toBe(Date.parse('2026-03-29T08:30:00Z'));
    expect(parseInstant('2026-03-29T10:30:00')).toBeNull();
    expect(parseInstant('tomorrow')).toBeNull();
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('24:30')).toBeNull();
    expect(parseClock('7:00')).toBeNull();
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isoWeekday('2026-06-01')).toBe(1);
    expect(isoWeekday('2026-06-07')).toBe(7);
  });
});
