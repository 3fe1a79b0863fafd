import { intlLocale } from './i18n';

/** Minor units in the store's currency, the customer's language: "45,00 kr" / "SEK 45.00". */
export function money(minor: number, currency: string): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency }).format(minor / 100);
}

/** "12:15" in the store's time zone, whatever the phone's zone is. */
export function clock(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** The store-local date of an instant, YYYY-MM-DD (sv-SE formats dates that way). */
export function localDate(iso: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(new Date(iso));
}

/** "måndag 23 november" for a store-local YYYY-MM-DD. */
export function dayName(date: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** "måndag 23 november 12:15–12:30" in the store's zone. */
export function pickupWindow(start: string, end: string, timeZone: string): string {
  return `${dayName(localDate(start, timeZone))} ${clock(start, timeZone)}–${clock(end, timeZone)}`;
}
