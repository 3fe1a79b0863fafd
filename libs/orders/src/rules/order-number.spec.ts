import { orderNumber } from './order-number';

describe('order numbers', () => {
  it('start at A-001 and count up with three digits', () => {
    expect([1, 2, 42, 999].map(orderNumber)).toEqual(['A-001', 'A-002', 'A-042', 'A-999']);
  });

  it('move to the next letter after 999, skipping I and O', () => {
    expect(orderNumber(1000)).toBe('B-001');
    expect(orderNumber(999 * 8 + 1)).toBe('J-001');
    expect(orderNumber(999 * 13 + 1)).toBe('P-001');
  });

  it('go on with two letters after Z-999, so a number never repeats within a day', () => {
    expect(orderNumber(999 * 24)).toBe('Z-999');
    expect(orderNumber(999 * 24 + 1)).toBe('AA-001');
    expect(orderNumber(999 * 25 + 1)).toBe('AB-001');
    expect(orderNumber(999 * 600)).toBe('ZZ-999');
    const seen = new Set(Array.from({ length: 59_940 }, (_, i) => orderNumber(i * 10 + 1)));
    expect(seen.size).toBe(59_940);
  });

  it('refuse a sequence beyond the last two-letter series', () => {
    expect(() => orderNumber(999 * 600 + 1)).toThrow(RangeError);
  });

  it('refuse a sequence that is not a positive integer', () => {
    expect(() => orderNumber(0)).toThrow(RangeError);
    expect(() => orderNumber(1.5)).toThrow(RangeError);
  });
});
