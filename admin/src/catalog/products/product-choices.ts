import type { SalesChannel, StockMode, VatRate } from '../../types';

/** Swedish VAT rates; labels are i18n keys. */
export const vatRates: VatRate[] = [25, 12, 6, 0];
export const vatRateChoices = vatRates.map((id) => ({ id, name: `kassa.vat_rates.${id}` }));

const channels: SalesChannel[] = ['online', 'pos'];
export const channelChoices = channels.map((id) => ({ id, name: `kassa.channels.${id}` }));

const stockModes: StockMode[] = ['untracked', 'tracked', 'recipe'];
export const stockModeChoices = stockModes.map((id) => ({ id, name: `kassa.products.stock_modes.${id}` }));

/**
 * GS1 check digit of an EAN-13, EAN-8 or UPC-A code: a mirror of the API's check, so a mistyped
 * barcode shows before saving.
 */
export const hasValidCheckDigit = (code: string): boolean => {
  if (!/^(\d{8}|\d{12}|\d{13})$/.test(code)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop();
  const sum = digits
    .reverse()
    .reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
};
