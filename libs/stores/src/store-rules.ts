import { FieldProblem } from '@kassa/shared';

export function isTimezone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

export function isCurrency(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && Intl.supportedValuesOf('currency').includes(value);
}

/**
 * Swedish organisation numbers (NNNNNN-NNNN) carry a Luhn check digit; a typo on a receipt is a
 * legal problem, so it is caught here. Other countries' numbers are accepted as given.
 */
export function organisationNumberProblem(country: string, value: string): string | undefined {
  if (country !== 'SE') return value.trim().length > 0 ? undefined : 'must not be empty';
  const match = /^(\d{6})-?(\d{4})$/.exec(value);
  if (!match) return 'must look like 556677-8899';
  const digits = `${match[1]}${match[2]}`;
  return luhnValid(digits) ? undefined : 'has a wrong check digit';
}

export function normaliseOrganisationNumber(country: string, value: string): string {
  if (country !== 'SE') return value.trim();
  const digits = value.replace('-', '');
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** `Kafé Åkern & Söner` → `kafe-akern-soner`: readable storefront URLs from Nordic names. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[æ]/gi, 'ae')
    .replace(/[ø]/gi, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'store';
}

export function storeSettingsProblems(input: {
  timezone?: string;
  currency?: string;
  country?: string;
  organisationNumber?: string;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.timezone !== undefined && !isTimezone(input.timezone)) {
    problems.push({ field: 'timezone', reason: 'must be an IANA time zone such as Europe/Stockholm' });
  }
  if (input.currency !== undefined && !isCurrency(input.currency)) {
    problems.push({ field: 'currency', reason: 'must be an ISO 4217 currency code such as SEK' });
  }
  if (input.organisationNumber !== undefined && input.country !== undefined) {
    const problem = organisationNumberProblem(input.country, input.organisationNumber);
    if (problem) problems.push({ field: 'organisationNumber', reason: problem });
  }
  return problems;
}
