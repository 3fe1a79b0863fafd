import { localDateTime } from '@kassa/shared';

/**
 * The calendar date (YYYY-MM-DD) at `now` in an IANA time zone. "Sold out today" is stored as
 * this date, so it clears itself at the store's local midnight without a job.
 */
export function localDate(now: Date, timeZone: string): string {
  return localDateTime(now.getTime(), timeZone).date;
}
