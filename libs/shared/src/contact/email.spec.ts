import { isEmailAddress, maskEmail } from './email';

describe('e-mail addresses', () => {
  it.each([
    'anna@example.se',
    'anna.svensson+kassa@mail.example.se',
    'ANNA@EXAMPLE.SE',
    'åsa.öberg@exempel.se',
    'info@räksmörgås.se',
    'kaffe@café-ängen.nu',
    'x@xn--rksmrgs-5wao1o.se',
  ])('accepts %s', (input) => {
    expect(isEmailAddress(input)).toBe(true);
  });

  it.each([
    ['no @', 'anna.example.se'],
    ['two @', 'anna@svensson@example.se'],
    ['an empty local part', '@example.se'],
    ['a local part over 64 characters', `${'a'.repeat(65)}@example.se`],
    ['a domain without a dot', 'anna@localhost'],
    ['an empty domain label', 'anna@example..se'],
    ['a domain label starting with a hyphen', 'anna@-example.se'],
    ['a domain label ending with a hyphen', 'anna@example-.se'],
    ['an underscore in the domain', 'anna@ex_ample.se'],
    ['an IP address', 'anna@192.168.0.1'],
    ['a space', 'anna svensson@example.se'],
    ['a trailing space', 'anna@example.se '],
    ['a comma typed for a dot', 'anna,svensson@example.se'],
    ['a doubled dot in the local part', 'anna..svensson@example.se'],
    ['a local part ending with a dot', 'anna.@example.se'],
    ['more than 254 characters', `anna@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.se`],
    ['an empty string', ''],
  ])('refuses %s', (_name, input) => {
    expect(isEmailAddress(input)).toBe(false);
  });

  it('masks all of the local part but its first letter', () => {
    expect(maskEmail('anna@example.se')).toBe('a***@example.se');
    expect(maskEmail('åsa@exempel.se')).toBe('å***@exempel.se');
    expect(maskEmail('a@example.se')).toBe('a***@example.se');
    expect(maskEmail('not an address')).toBe('***');
  });
});
