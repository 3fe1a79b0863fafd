/** Nordic defaults for the store form; labels are i18n keys. */
export const timezoneChoices = ['Europe/Stockholm', 'Europe/Oslo', 'Europe/Copenhagen', 'Europe/Helsinki'].map(
  (id) => ({ id, name: `kassa.timezones.${id}` }),
);

export const currencyChoices = ['SEK', 'NOK', 'DKK', 'EUR'].map((id) => ({
  id,
  name: `kassa.currencies.${id}`,
}));

export const countryChoices = ['SE', 'NO', 'DK', 'FI', 'IS', 'EE', 'LV', 'LT', 'DE'].map((id) => ({
  id,
  name: `kassa.countries.${id}`,
}));

export const localeChoices = ['sv', 'en'].map((id) => ({ id, name: `kassa.locales.${id}` }));
