/**
 * Wall-clock time in an IANA time zone, from `Intl.DateTimeFormat` alone (no date library).
 * Slots and orders work with real instants; these helpers only translate between instants and the
 * store's local dates and times, and format ISO 8601 with the offset in force at each instant.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const QUARTER_MS = 15 * MINUTE_MS;
const offsetCache = new Map<string, number>();

/**
 * Minutes to add to UTC to get local time at `instantMs` (Stockholm: 60 in winter, 120 in summer).
 * Zones change offset on a quarter hour, so the answer is cached per zone and quarter hour.
 */
export function offsetMinutes(instantMs: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instantMs / QUARTER_MS)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const offset = computeOffset(instantMs, timeZone);
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

function computeOffset(instantMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantMs));
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / MINUTE_MS);
}

/** A calendar date `YYYY-MM-DD` as days since 1970-01-01 (UTC arithmetic, no zone involved). */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** A real calendar date written as YYYY-MM-DD (refuses 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return dateOfDayNumber(dayNumber(value)) === value;
}

/** The store's local date and minute of the day at an instant. */
export function localDateTime(instantMs: number, timeZone: string): { date: string; minuteOfDay: number } {
  const local = instantMs + offsetMinutes(instantMs, timeZone) * MINUTE_MS;
  const day = Math.floor(local / DAY_MS);
  return { date: dateOfDayNumber(day), minuteOfDay: Math.floor((local - day * DAY_MS) / MINUTE_MS) };
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` + `minuteOfDay` (0…1440).
 * Twice-shown times (autumn) resolve to the first occurrence; never-shown times (spring gap)
 * move forward by the gap, so 02:30 on the spring-forward day is 03:30 summer time.
 */
export function zonedInstant(date: string, minuteOfDay: number, timeZone: string): number {
  const wall = dayNumber(date) * DAY_MS + minuteOfDay * MINUTE_MS;
  const before = offsetMinutes(wall - DAY_MS / 2, timeZone) * MINUTE_MS;
  const after = offsetMinutes(wall + DAY_MS / 2, timeZone) * MINUTE_MS;
  const candidates = [wall - before, wall - after].filter(
    (instant) => offsetMinutes(instant, timeZone) * MINUTE_MS === wall - instant,
  );
  if (candidates.length === 0) return wall - before;
  return Math.min(...candidates);
}

/** `2026-03-29T10:30:00+02:00`: an instant as the store's wall clock, with the offset in force. */
export function formatZoned(instantMs: number, offset: number): string {
  const local = new Date(instantMs + offset * MINUTE_MS).toISOString().slice(0, 19);
  return `${local}${formatOffset(offset)}`;
}

/** `+02:00` */
export function formatOffset(offset: number): string {
  const abs = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The same as formatZoned for a wall time known as date + minute of the day (0…1439): no Date needed. */
export function formatWall(date: string, minuteOfDay: number, offsetText: string): string {
  return `${date}T${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}:00${offsetText}`;
}

export function formatInZone(instantMs: number, timeZone: string): string {
  return formatZoned(instantMs, offsetMinutes(instantMs, timeZone));
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 date-time that states its offset (or Z); anything else is null. */
export function parseInstant(value: string): number | null {
  if (!ISO_WITH_OFFSET.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** `HH:MM` (00:00…24:00) as minutes of the day, or null. */
export function parseClock(value: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : null;
}

export function formatClock(minuteOfDay: number): string {
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
