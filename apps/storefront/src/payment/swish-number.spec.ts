import { maskedMobile, swedishMobile } from './swish-number';

describe('the Swish number a customer types', () => {
  it('takes a Swedish mobile number however it is written', () => {
    for (const typed of ['0701234567', '070-123 45 67', '+46 70 123 45 67', '0046701234567', '46701234567', '(070) 123-45-67']) {
      expect(swedishMobile(typed)).toBe('0701234567');
    }
  });

  it('refuses what is not a Swedish mobile number', () => {
    for (const typed of ['12345', '08-123 456 78', '+47 912 34 567', '070123456', '07012345678', 'abc']) {
      expect(swedishMobile(typed)).toBeNull();
    }
  });

  it('shows the number masked, recognisable by its start and its last two digits', () => {
    expect(maskedMobile('0701234567')).toBe('070 *** ** 67');
  });
});
