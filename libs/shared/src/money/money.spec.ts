import { addMoney, formatMoney, minorUnitDigits, money, multiplyMoney, sumMoney } from './money';
import { vatBreakdown, vatOfGross } from './vat';

describe('money', () => {
  it('refuses fractional minor units and bad currencies', () => {
    expect(() => money(10.5, 'SEK')).toThrow(/integer/);
    expect(() => money(100, 'kr')).toThrow(/ISO 4217/);
  });

  it('refuses to add different currencies', () => {
    expect(() => addMoney(money(100, 'SEK'), money(100, 'EUR'))).toThrow(/SEK with EUR/);
  });

  it('sums and multiplies in minor units', () => {
    expect(sumMoney([money(4500, 'SEK'), multiplyMoney(money(1250, 'SEK'), 3)], 'SEK')).toEqual(
      money(8250, 'SEK'),
    );
  });

  it('formats Swedish kronor for people', () => {
    expect(formatMoney(money(123450, 'SEK')).replace(/\s/g, ' ')).toBe('1 234,50 kr');
  });

  it('formats each locale and currency in its own way, whichever came first', () => {
    // Formatters are reused between calls; mixing locales and currencies must not mix them up.
    for (let round = 0; round < 2; round++) {
      expect(formatMoney(money(123450, 'SEK'), 'sv-SE')).toBe('1\u00a0234,50\u00a0kr');
      expect(formatMoney(money(4900, 'SEK'), 'en-GB')).toBe('SEK\u00a049.00');
      expect(formatMoney(money(1234, 'EUR'), 'sv-SE')).toBe('12,34\u00a0€');
      expect(formatMoney(money(1234, 'JPY'), 'en-GB')).toBe('JP¥1,234');
      expect(formatMoney(money(-4900, 'SEK'))).toBe('\u221249,00\u00a0kr');
      expect([minorUnitDigits('SEK'), minorUnitDigits('JPY'), minorUnitDigits('KWD')]).toEqual([2, 0, 3]);
    }
  });
});

describe('VAT', () => {
  it('takes 25 % VAT out of a gross price: 125,00 kr contains 25,00 kr', () => {
    expect(vatOfGross(money(12500, 'SEK'), 2500)).toEqual(money(2500, 'SEK'));
  });

  it('rounds half away from zero to the öre', () => {
    // 12 % of 10,00 kr gross = 1,0714… kr → 1,07 kr
    expect(vatOfGross(money(1000, 'SEK'), 1200).amount).toBe(107);
    expect(vatOfGross(money(-1000, 'SEK'), 1200).amount).toBe(-107);
  });

  it('breaks a mixed receipt down per rate, highest rate first, and the parts add up', () => {
    const rows = vatBreakdown(
      [
        { gross: money(3900, 'SEK'), rate: 1200 },
        { gross: money(2900, 'SEK'), rate: 1200 },
        { gross: money(14900, 'SEK'), rate: 2500 },
      ],
      'SEK',
    );
    expect(rows.map((r) => r.rate)).toEqual([2500, 1200]);
    const food = rows[1];
    expect(food.gross.amount).toBe(6800);
    expect(food.amount.amount).toBe(729);
    expect(food.base.amount + food.amount.amount).toBe(6800);
  });
});
