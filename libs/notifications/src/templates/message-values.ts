import type { OrderForNotification } from '@kassa/orders';
import { formatMoney } from '@kassa/shared';
import type { StoreResponse } from '@kassa/stores';
import { NotificationLocale } from '../notification.types';
import { TemplateContext } from './template-renderer';

/** The store as its messages show it. */
export interface StoreInfo {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly address: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly timezone: string;
  readonly locale: NotificationLocale;
}

export function storeInfo(store: StoreResponse): StoreInfo {
  const street = [store.addressLine1, store.addressLine2].filter(Boolean).join(', ');
  return {
    id: store.id,
    organisationId: store.organisationId,
    name: store.name,
    address: `${street}, ${store.postalCode} ${store.city}`,
    phone: store.phone,
    email: store.email,
    timezone: store.timezone,
    locale: store.locale === 'en' ? 'en' : 'sv',
  };
}

/** The e-mail layout's heading and footer: the store's name, and its name, address and phone. */
export function layoutOf(store: StoreInfo): { heading: string; footer: string } {
  return { heading: store.name, footer: `${store.name} · ${store.address}${store.phone ? ` · ${store.phone}` : ''}` };
}

const INTL: Readonly<Record<NotificationLocale, string>> = { sv: 'sv-SE', en: 'en-GB' };

/** `måndag 23 november 12:15–12:30` / `Monday 23 November 12:15–12:30`, in the store's zone. */
export function formatPickupTime(start: Date, end: Date, timeZone: string, locale: NotificationLocale): string {
  const { day, clock } = pickupFormats(timeZone, locale);
  return `${day.format(start)} ${clock.format(start)}–${clock.format(end)}`;
}

interface PickupFormats {
  readonly day: Intl.DateTimeFormat;
  readonly clock: Intl.DateTimeFormat;
}

// A formatter costs far more to build than to use, and every order message formats its pickup
// time; there are two locales and a handful of store time zones, the cap is a safeguard.
const PICKUP_FORMATS = new Map<string, PickupFormats>();
const MAX_PICKUP_FORMATS = 100;

function pickupFormats(timeZone: string, locale: NotificationLocale): PickupFormats {
  const key = `${locale}|${timeZone}`;
  let formats = PICKUP_FORMATS.get(key);
  if (!formats) {
    formats = {
      day: new Intl.DateTimeFormat(INTL[locale], { weekday: 'long', day: 'numeric', month: 'long', timeZone }),
      clock: new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }),
    };
    if (PICKUP_FORMATS.size >= MAX_PICKUP_FORMATS) PICKUP_FORMATS.clear();
    PICKUP_FORMATS.set(key, formats);
  }
  return formats;
}

/** `49,00 kr` / `SEK 49.00` */
export function formatAmount(amount: number, currency: string, locale: NotificationLocale): string {
  return formatMoney({ amount, currency }, INTL[locale]);
}

// The reasons the system itself records, said to the customer in their language; staff's own words stay as written.
const SYSTEM_REASONS: Readonly<Record<string, Readonly<Record<NotificationLocale, string>>>> = {
  'Cancelled by the customer': { sv: 'Du avbokade beställningen', en: 'You cancelled the order' },
  'Cancelled by the store': { sv: 'Butiken avbokade beställningen', en: 'The store cancelled the order' },
  'Payment declined': { sv: 'Betalningen godkändes inte', en: 'The payment was declined' },
  'Not paid in time': { sv: 'Betalningen blev inte klar i tid', en: 'The payment was not completed in time' },
};

export function customerReason(reason: string | null, locale: NotificationLocale): string | null {
  if (!reason) return null;
  return SYSTEM_REASONS[reason]?.[locale] ?? reason;
}

/** `${publicUrl}/orders/<id>?token=<order token>`: the customer's status page. */
export function statusUrl(publicUrl: string, order: { readonly id: string; readonly token: string }): string {
  return `${publicUrl.replace(/\/+$/, '')}/orders/${order.id}?token=${encodeURIComponent(order.token)}`;
}

/** Everything an order message may say about the order and its store. */
export function orderValues(order: OrderForNotification, store: StoreInfo, locale: NotificationLocale, publicUrl: string): TemplateContext {
  return {
    customerName: order.customer.name,
    orderNumber: order.number,
    storeName: store.name,
    storeAddress: store.address,
    storePhone: store.phone,
    pickupTime: formatPickupTime(order.pickupStart, order.pickupEnd, store.timezone, locale),
    pickupCode: order.pickupCode,
    statusUrl: statusUrl(publicUrl, order),
    total: formatAmount(order.total, order.currency, locale),
    itemCount: order.lines.reduce((n, l) => n + l.quantity, 0),
    items: order.lines.map((l) => ({
      name: l.name,
      options: l.options.join(', '),
      quantity: l.quantity,
      price: formatAmount(l.lineTotal, order.currency, locale),
      note: l.note,
    })),
  };
}
