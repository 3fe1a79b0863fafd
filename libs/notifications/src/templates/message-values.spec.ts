import { formatAmount, formatPickupTime } from './message-values';

describe('message values', () => {
  const start = new Date('2026-11-23T11:15:00Z');
  const end = new Date('2026-11-23T11:30:00Z');

  it("says the pickup time in the customer's language and the store's time zone, whichever came first", () => {
    // Formatters are reused between messages; alternating languages and zones must not mix them up.
    for (let round = 0; round < 2; round++) {
      expect(formatPickupTime(start, end, 'Europe/Stockholm', 'sv')).toBe('måndag 23 november 12:15–12:30');
      expect(formatPickupTime(start, end, 'Europe/Stockholm', 'en')).toBe('Monday 23 November 12:15–12:30');
      expect(formatPickupTime(start, end, 'Europe/London', 'sv')).toBe('måndag 23 november 11:15–11:30');
      expect(formatPickupTime(start, end, 'America/New_York', 'en')).toBe('Monday 23 November 06:15–06:30');
    }
  });

  it('refuses a time zone that does not exist', () => {
    expect(() => formatPickupTime(start, end, 'Europe/Atlantis', 'sv')).toThrow(RangeError);
  });

  it('says amounts the Swedish or the English way', () => {
    expect(formatAmount(4900, 'SEK', 'sv')).toBe('49,00\u00a0kr');
    expect(formatAmount(4900, 'SEK', 'en')).toBe('SEK\u00a049.00');
    expect(formatAmount(123450, 'SEK', 'sv')).toBe('1\u00a0234,50\u00a0kr');
  });
});
