import type { Locale } from './api/types';
import { MESSAGES, type Messages } from './messages';

const STORAGE_KEY = 'kassa.storefront.locale';
const listeners = new Set<() => void>();

/** The customer's choice if they made one, else the browser's language (Swedish for sv, nb, da…). */
function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'sv' || saved === 'en') return saved;
  const nordic = ['sv', 'nb', 'nn', 'no', 'da'];
  const preferred = (navigator.languages[0] ?? navigator.language ?? '').slice(0, 2).toLowerCase();
  return nordic.includes(preferred) ? 'sv' : 'en';
}

let current: Locale = initialLocale();

export const locale = (): Locale => current;
export const t = (): Messages => MESSAGES[current];
/** The BCP 47 tag for Intl formatting. */
export const intlLocale = (): string => (current === 'sv' ? 'sv-SE' : 'en-GB');

export function setLocale(next: Locale): void {
  if (next === current) return;
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

export function onLocaleChange(listener: () => void): void {
  listeners.add(listener);
}

/** A product's or option's name in the current language. */
export const named = (thing: { nameSv: string; nameEn: string }): string => (current === 'sv' ? thing.nameSv : thing.nameEn || thing.nameSv);
