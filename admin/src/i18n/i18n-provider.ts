import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { resolveBrowserLocale, type I18nProvider, type TranslationMessages } from 'react-admin';
import { englishKassaMessages, swedishKassaMessages } from './kassa-messages';
import { swedishReactAdminMessages } from './swedish-react-admin';

export type AdminLocale = 'sv' | 'en';

const LOCALE_KEY = 'kassa.locale';

const catalogues: Record<AdminLocale, TranslationMessages> = {
  sv: { ...swedishReactAdminMessages, ...swedishKassaMessages },
  en: { ...englishMessages, ...englishKassaMessages },
};

const isAdminLocale = (value: unknown): value is AdminLocale => value === 'sv' || value === 'en';

/** Swedish for browsers that ask for any Swedish variant, English for everyone else. */
export const browserLocale = (): AdminLocale =>
  resolveBrowserLocale('en', { fullLocale: true }).toLowerCase().startsWith('sv') ? 'sv' : 'en';

// The user's own choice wins over the browser's; kept outside react-admin's store, which
// sign-out clears.
const initialLocale = (): AdminLocale => {
  const chosen = localStorage.getItem(LOCALE_KEY);
  return isAdminLocale(chosen) ? chosen : browserLocale();
};

const polyglot = polyglotI18nProvider(
  (locale) => (locale === 'sv' ? catalogues.sv : catalogues.en),
  initialLocale(),
  [
    { locale: 'sv', name: 'Svenska' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);

export const i18nProvider: I18nProvider = {
  ...polyglot,
  changeLocale: async (locale, options) => {
    if (isAdminLocale(locale)) localStorage.setItem(LOCALE_KEY, locale);
    await polyglot.changeLocale(locale, options);
  },
};
