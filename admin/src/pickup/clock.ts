import type { Validator } from 'react-admin';
import type { ClockWindow } from '../types';

// Mirrors of the API's checks (libs/slots schedule-problems), so most mistakes show before saving.
const CLOCK = /^([01]\d|2[0-4]):[0-5]\d$/;

/** Minutes after midnight of `HH:MM` (24:00 = 1440), or null when it is no such time. */
export const clockMinutes = (value: unknown): number | null => {
  if (typeof value !== 'string' || !CLOCK.test(value)) return null;
  const minutes = Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
  return minutes <= 1440 ? minutes : null;
};

const at = (values: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), values);

const sourceOf = (props: unknown): string | undefined => {
  const source = (props as { finalSource?: unknown } | undefined)?.finalSource;
  return typeof source === 'string' ? source : undefined;
};

/** A window's opening time: 00:00–23:59, not inside another window of the same list. */
export const validateOpens: Validator = (value, values, props) => {
  const minutes = clockMinutes(value);
  if (minutes === null) return 'kassa.pickup.clock_invalid';
  if (minutes >= 1440) return 'kassa.pickup.start_invalid';
  const source = sourceOf(props);
  const match = source ? /^(.*)\.(\d+)\.start$/.exec(source) : null;
  if (!match) return undefined;
  const windows = at(values, match[1]);
  if (!Array.isArray(windows)) return undefined;
  const index = Number(match[2]);
  const clash = (windows as (Partial<ClockWindow> | undefined)[]).find((other, otherIndex) => {
    if (otherIndex === index || !other) return false;
    const start = clockMinutes(other.start);
    const end = clockMinutes(other.end);
    // Reported on the later of two overlapping windows, as the API does.
    return start !== null && end !== null && end > start && (start < minutes || (start === minutes && otherIndex < index)) && minutes < end;
  });
  return clash ? { message: 'kassa.pickup.overlaps', args: { window: `${clash.start}–${clash.end}` } } : undefined;
};

/** A window's closing time: a valid time after its opening time (24:00 for midnight). */
export const validateCloses: Validator = (value, values, props) => {
  const minutes = clockMinutes(value);
  if (minutes === null || minutes === 0) return 'kassa.pickup.clock_invalid';
  const source = sourceOf(props);
  const startPath = source === 'end' ? 'start' : source?.endsWith('.end') ? `${source.slice(0, -'.end'.length)}.start` : undefined;
  if (startPath === undefined) return undefined;
  const start = clockMinutes(at(values, startPath));
  return start !== null && minutes <= start ? 'kassa.pickup.end_after_start' : undefined;
};

/** `2026-03-29` → the next or previous calendar date. */
export const addDays = (date: string, days: number): string => {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
};

/** An ISO instant shown as `HH:MM` in the store's time zone. */
export const localClock = (instant: string, timeZone: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

/** A store-local date (YYYY-MM-DD) written out in the console's language, e.g. "fredag 25 december 2026". */
export const longDate = (date: string, locale: string): string => {
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(year, month - 1, day)));
};
