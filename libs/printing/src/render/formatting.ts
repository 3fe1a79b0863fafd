import { formatClock, localDateTime, minorUnitDigits } from '@kassa/shared';
import type { PrintLocale } from './print-content';

/** `4900` SEK → `49,00` (sv) or `49.00` (en); thousands grouped with a space. */
export function formatAmount(minor: number, currency: string, locale: PrintLocale): string {
  const digits = minorUnitDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const scale = 10 ** digits;
  const whole = String(Math.floor(abs / scale)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const fraction = digits > 0 ? `${locale === 'sv' ? ',' : '.'}${String(abs % scale).padStart(digits, '0')}` : '';
  return `${sign}${whole}${fraction}`;
}

/** Basis points → `12 %`, `25,5 %`. */
export function formatVatRate(basisPoints: number, locale: PrintLocale): string {
  const whole = Math.floor(basisPoints / 100);
  const rest = basisPoints % 100;
  const decimals = rest === 0 ? '' : `${locale === 'sv' ? ',' : '.'}${String(rest).padStart(2, '0').replace(/0$/, '')}`;
  return `${whole}${decimals} %`;
}

/** `2026-03-29 10:30` in the store's zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  const local = localDateTime(Date.parse(iso), timeZone);
  return `${local.date} ${formatClock(local.minuteOfDay)}`;
}

export function formatDate(iso: string, timeZone: string): string {
  return localDateTime(Date.parse(iso), timeZone).date;
}

export function formatTime(iso: string, timeZone: string): string {
  return formatClock(localDateTime(Date.parse(iso), timeZone).minuteOfDay);
}

/** `10:30-10:45`. */
export function formatWindow(start: string, end: string, timeZone: string): string {
  return `${formatTime(start, timeZone)}-${formatTime(end, timeZone)}`;
}

export interface Labels {
  readonly copy: string;
  readonly organisationNumber: string;
  readonly receipt: string;
  readonly order: string;
  readonly pickup: string;
  readonly customer: string;
  readonly note: string;
  readonly subtotal: string;
  readonly discount: string;
  readonly total: string;
  readonly vatRate: string;
  readonly vatBase: string;
  readonly vat: string;
  readonly vatTotal: string;
  readonly payment: string;
  readonly payAtPickup: string;
  readonly pickupCode: string;
  readonly kitchenTicket: string;
  readonly placed: string;
  readonly testPage: string;
  readonly printer: string;
  readonly station: string;
  readonly store: string;
  readonly characters: string;
  readonly columns: string;
  readonly paymentMethods: Readonly<Record<string, string>>;
}

export const LABELS: Readonly<Record<PrintLocale, Labels>> = {
  sv: {
    copy: 'KOPIA',
    organisationNumber: 'Org.nr',
    receipt: 'Kvitto',
    order: 'Order',
    pickup: 'Hämtas',
    customer: 'Kund',
    note: 'Obs',
    subtotal: 'Delsumma',
    discount: 'Rabatt',
    total: 'TOTALT',
    vatRate: 'Moms %',
    vatBase: 'Underlag',
    vat: 'Moms',
    vatTotal: 'Summa moms',
    payment: 'Betalning',
    payAtPickup: 'Betalas vid upphämtning',
    pickupCode: 'Upphämtningskod',
    kitchenTicket: 'Köksbong',
    placed: 'Beställd',
    testPage: 'TESTUTSKRIFT',
    printer: 'Skrivare',
    station: 'Station',
    store: 'Butik',
    characters: 'Svenska tecken',
    columns: 'Kolumner',
    paymentMethods: { test: 'Testbetalning', card: 'Kort', swish: 'Swish', klarna: 'Klarna', cash: 'Kontant' },
  },
  en: {
    copy: 'KOPIA / COPY',
    organisationNumber: 'Org. no.',
    receipt: 'Receipt',
    order: 'Order',
    pickup: 'Pickup',
    customer: 'Customer',
    note: 'Note',
    subtotal: 'Subtotal',
    discount: 'Discount',
    total: 'TOTAL',
    vatRate: 'VAT %',
    vatBase: 'Net',
    vat: 'VAT',
    vatTotal: 'Total VAT',
    payment: 'Payment',
    payAtPickup: 'Pay at pickup',
    pickupCode: 'Pickup code',
    kitchenTicket: 'Kitchen ticket',
    placed: 'Placed',
    testPage: 'TEST PRINT',
    printer: 'Printer',
    station: 'Station',
    store: 'Store',
    characters: 'Swedish letters',
    columns: 'Columns',
    paymentMethods: { test: 'Test payment', card: 'Card', swish: 'Swish', klarna: 'Klarna', cash: 'Cash' },
  },
};
