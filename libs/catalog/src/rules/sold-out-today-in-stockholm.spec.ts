import { localDate } from './local-date';

describe('"sold out today" in a Stockholm store', () => {
  it('is the Stockholm date, not the UTC one, just after local midnight', () => {
    // 23:30 UTC on 22 Nov is 00:30 on 23 Nov in Stockholm (CET, UTC+1)
    expect(localDate(new Date('2026-11-22T23:30:00Z'), 'Europe/Stockholm')).toBe('2026-11-23');
    expect(localDate(new Date('2026-11-22T23:30:00Z'), 'UTC')).toBe('2026-11-22');
  });

  it('follows summer time (CEST, UTC+2)', () => {
    expect(localDate(new Date('2026-06-30T22:30:00Z'), 'Europe/Stockholm')).toBe('2026-07-01');
    expect(localDate(new Date('2026-06-30T21:30:00Z'), 'Europe/Stockholm')).toBe('2026-06-30');
  });
});
