import type { Store } from '../types';

/** Today's date where the store is (YYYY-MM-DD), which is what "sold out for today" means. */
export const storeToday = (store: Pick<Store, 'timezone'> | undefined, now = new Date()): string =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: store?.timezone ?? 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
