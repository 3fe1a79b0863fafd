/** Prices are integer öre in the API; people read and type kronor ("29,50 kr"). */

const formatters = new Map<string, Intl.NumberFormat>();

const formatterFor = (locale: string, currency: string, style: 'currency' | 'decimal'): Intl.NumberFormat => {
  const key = `${locale}|${currency}|${style}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
      ...(style === 'currency' ? { style, currency, currencyDisplay: locale === 'sv' ? 'symbol' : 'code' } : {}),
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formatters.set(key, formatter);
  }
  return formatter;
};

/** "39,00 kr" in Swedish, "SEK 39.00" in English. */
export const formatMoney = (minorUnits: number, locale: string, currency = 'SEK'): string =>
  formatterFor(locale, currency, 'currency').format(minorUnits / 100);

/** The number alone, as it goes into an input: "29,50" / "29.50", with a minus for discounts. */
export const formatKronorForInput = (minorUnits: number, locale: string): string => {
  const text = (Math.abs(minorUnits) / 100).toFixed(2);
  return `${minorUnits < 0 ? '-' : ''}${locale === 'sv' ? text.replace('.', ',') : text}`;
};

/**
 * Reads kronor as typed in either language: "29,50", "29.50", "1 234,5", "1,234.50", "-5", "29 kr".
 * The last comma or dot followed by one or two digits is the decimal separator; any other comma,
 * dot or space groups thousands. Returns öre, null for an empty field, NaN for anything else.
 */
export const parseKronor = (text: string): number | null => {
  const cleaned = text
    .trim()
    .replace(/\s*(kr|sek|:-)\.?$/i, '')
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^[\u2212\u2013]/, '-');
  if (cleaned === '') return null;
  const match = /^(-?)([\d.,]*?)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (match === null) return Number.NaN;
  const [, sign, wholeText = '', fraction = ''] = match;
  if (wholeText === '' && fraction === '') return Number.NaN;
  // Thousands groups: "1,234" or "1.234.567", never a stray separator.
  if (wholeText !== '' && !/^\d+$/.test(wholeText) && !/^\d{1,3}([.,]\d{3})+$/.test(wholeText)) return Number.NaN;
  const whole = Number(wholeText.replace(/[.,]/g, '') || '0');
  const ore = whole * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) return Number.NaN;
  return sign === '-' ? -ore : ore;
};
