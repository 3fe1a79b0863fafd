import { maskPhone, normalisePhone } from './phone';

const NOT_A_NUMBER = 'must be a phone number, e.g. 070-123 45 67 or +46 70 123 45 67';
const NO_COUNTRY = 'must start with + and a country code, or 0 for a Swedish number';

describe('phone numbers', () => {
  describe('accepted and normalised to E.164', () => {
    it.each([
      ['a Swedish mobile written nationally', '070-123 45 67', '+46701234567'],
      ['a Swedish mobile without separators', '0701234567', '+46701234567'],
      ['a Swedish mobile with dots', '070.123.45.67', '+46701234567'],
      ['a Stockholm number written nationally', '08-123 456 78', '+46812345678'],
      ['a Stockholm number with the area code in parentheses', '(08) 123 456 78', '+46812345678'],
      ['a short Stockholm number', '08-123 45 6', '+468123456'],
      ['a Gothenburg number', '031-12 34 56', '+4631123456'],
      ['a small-town number', '0480-123 45', '+4648012345'],
      ['a Swedish mobile with +46', '+46 70 123 45 67', '+46701234567'],
      ['a Swedish mobile with 0046', '0046 70 123 45 67', '+46701234567'],
      ['a Swedish mobile with a stray (0) after +46', '+46 (0)70-123 45 67', '+46701234567'],
      ['a Swedish mobile with a stray (0) after 0046', '0046(0)701234567', '+46701234567'],
      ['a Swedish mobile that kept its 0 after +46', '+46 070-123 45 67', '+46701234567'],
      ['a Norwegian mobile with +47', '+47 412 34 567', '+4741234567'],
      ['a German number with 0049', '0049 30 1234567', '+49301234567'],
      ['a British number with a stray (0)', '+44 (0)20 7946 0958', '+442079460958'],
      ['a US number with parentheses', '+1 (415) 555-0132', '+14155550132'],
      ['a number with surrounding and non-breaking spaces', ' 070\u00a0123\u00a045\u00a067 ', '+46701234567'],
    ])('accepts %s', (_name, input, e164) => {
      expect(normalisePhone(input)).toEqual({ ok: true, e164 });
    });

    it('reads a national number with another default country code', () => {
      expect(normalisePhone('0412 345 678', '61')).toEqual({ ok: true, e164: '+61412345678' });
    });
  });

  describe('refused', () => {
    it.each([
      ['an empty field', '', NOT_A_NUMBER],
      ['letters', 'call me', NOT_A_NUMBER],
      ['an extension', '070-123 45 67 ext 2', NOT_A_NUMBER],
      ['a plus in the middle', '070+1234567', NOT_A_NUMBER],
      ['a very long input', '0'.repeat(65), NOT_A_NUMBER],
      ['a number without a country code or leading 0', '701234567', NO_COUNTRY],
      ['a country code starting with 0', '+0701234567', NO_COUNTRY],
      ['a Swedish mobile one digit short', '070-123 45 6', 'is too short'],
      ['a Swedish mobile one digit long', '070-123 45 678', 'is too long'],
      ['a Swedish mobile one digit short with +46', '+46 70 123 45 6', 'is too short'],
      ['a Swedish landline with too few digits', '08-123 45', 'is too short'],
      ['a Swedish number with too many digits', '08-123 456 789', 'is too long'],
      ['a foreign number too short for E.164', '+47 123 45', 'is too short'],
      ['a foreign number too long for E.164', '+49 1234 5678 9012 34', 'is too long'],
    ])('refuses %s', (_name, input, reason) => {
      expect(normalisePhone(input)).toEqual({ ok: false, reason });
    });
  });

  describe('masked for lists', () => {
    it('keeps the country code, the first two and the last two digits of a Swedish mobile', () => {
      expect(maskPhone('+46701234567')).toBe('+46 70 *** ** 67');
    });

    it('masks numbers of other lengths and countries the same way', () => {
      expect(maskPhone('+46812345678')).toBe('+46 81 *** ** 78');
      expect(maskPhone('+4631123456')).toBe('+46 31 *** * 56');
      expect(maskPhone('+14155550132')).toBe('+1 41 *** *** 32');
      expect(maskPhone('+35312345678')).toBe('+353 12 *** * 78');
      expect(maskPhone('+4741234567')).toBe('+47 41 *** * 67');
    });

    it('shows nothing of what is not an E.164 number', () => {
      expect(maskPhone('070-123 45 67')).toBe('***');
      expect(maskPhone('')).toBe('***');
    });

    it('masks every number it normalised', () => {
      const normalised = normalisePhone('08-123 456 78');
      expect(normalised.ok && maskPhone(normalised.e164)).toBe('+46 81 *** ** 78');
    });
  });
});
