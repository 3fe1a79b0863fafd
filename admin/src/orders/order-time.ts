import { localClock } from '../pickup';
import type { OrderPickup } from '../types';

const intlLocale = (locale: string) => (locale === 'sv' ? 'sv-SE' : 'en-GB');

/** The store-local date (YYYY-MM-DD) of an instant. */
export const localDate = (instant: string, timeZone: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));

/** "14:30–14:45" in the store's time zone. */
export const pickupWindow = (pickup: Pick<OrderPickup, 'start' | 'end'>, timeZone: string): string =>
  `${localClock(pickup.start, timeZone)}–${localClock(pickup.end, timeZone)}`;

/** "tis 24 nov." / "Tue 24 Nov": a store-local day, short, for a pickup that is not today. */
export const shortDay = (instant: string, timeZone: string, locale: string): string =>
  new Intl.DateTimeFormat(intlLocale(locale), { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(instant));

/** "24 nov. 2026 14:31:05" in the store's time zone, for the history. */
export const dateTime = (instant: string, timeZone: string, locale: string): string =>
  new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));

/** Minutes the zone is ahead of UTC at an instant (+60 for Stockholm in winter). */
const offsetMinutes = (instant: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((candidate) => candidate.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((wall - instant) / 60_000);
};

/** The instant a store-local date begins (ISO, UTC), right across daylight-saving changes. */
export const localMidnight = (date: string, timeZone: string): string => {
  const [year, month, day] = date.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day);
  // Guess with the offset at UTC midnight, then correct with the offset at the guess.
  const guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  return new Date(wall - offsetMinutes(guess, timeZone) * 60_000).toISOString();
};
