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

  it('wrap around after the last letter rather than growing longer', () => {
    expect(orderNumber(999 * 24 + 1)).toBe('A-001');
  });

  it('refuse a sequence that is not a positive integer', () => {
    expect(() => orderNumber(0)).toThrow(RangeError);
    expect(() => orderNumber(1.5)).toThrow(RangeError);
  });
});
