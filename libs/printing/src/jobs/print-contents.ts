import type { OrderForPrinting } from '@kassa/orders';
import type { KitchenTicketContent, PrintLocale, PrinterProfile, ReceiptContent, TestPageContent } from '../render/print-content';
import type { Printer } from '../entities/printer.entity';
import type { JobPrinter, PrintedStore } from './order-print-setup';

type OrderLineForPrinting = OrderForPrinting['lines'][number];

const localeOf = (value: string): PrintLocale => (value === 'en' ? 'en' : 'sv');
const nameIn = (locale: PrintLocale, item: { nameSv: string; nameEn: string }) => (locale === 'en' ? item.nameEn : item.nameSv);

export function profileOf(printer: Pick<Printer, 'columns' | 'language' | 'codepage' | 'cashDrawer'>): PrinterProfile {
  return { columns: printer.columns, language: printer.language, codepage: printer.codepage, cashDrawer: printer.cashDrawer };
}

function addressLines(store: PrintedStore): string[] {
  return [store.addressLine1, store.addressLine2, `${store.postalCode} ${store.city}`].filter((l): l is string => Boolean(l && l.trim()));
}

/** The customer's receipt, in the order's language. */
export function receiptContentOf(
  order: OrderForPrinting,
  store: PrintedStore,
  footer: string | null,
  receiptNumber: number,
  issuedAt: Date,
): ReceiptContent {
  const locale = localeOf(order.locale);
  return {
    kind: 'receipt',
    locale,
    timeZone: store.timezone,
    issuedAt: issuedAt.toISOString(),
    receiptNumber,
    store: { name: store.name, addressLines: addressLines(store), organisationNumber: store.organisationNumber },
    order: {
      id: order.id,
      number: order.number,
      pickupStart: order.pickupStart.toISOString(),
      pickupEnd: order.pickupEnd.toISOString(),
      customerName: order.customerName,
      currency: order.currency,
      subtotal: order.subtotal,
      discount: order.discount,
      total: order.total,
      vat: order.vat.map((v) => ({ rate: v.rate, base: v.base, amount: v.amount })),
      paymentMethod: order.paymentMethod,
      pickupCode: order.pickupCode,
      passToken: order.passToken,
      lines: order.lines.map((l) => ({
        name: nameIn(locale, l),
        quantity: l.quantity,
        amount: l.lineTotal,
        modifiers: l.modifiers.map((m) => nameIn(locale, m)),
        note: l.note,
      })),
    },
    footer,
    openDrawer: false,
  };
}

/** A kitchen ticket with the lines routed to one printer, in the store's language. */
export function kitchenContentOf(order: OrderForPrinting, lines: readonly OrderLineForPrinting[], store: PrintedStore, issuedAt: Date): KitchenTicketContent {
  const locale = localeOf(store.locale);
  return {
    kind: 'kitchen',
    locale,
    timeZone: store.timezone,
    issuedAt: issuedAt.toISOString(),
    order: {
      id: order.id,
      number: order.number,
      pickupStart: order.pickupStart.toISOString(),
      pickupEnd: order.pickupEnd.toISOString(),
      customerName: order.customerName,
      placedAt: order.createdAt.toISOString(),
      lines: lines.map((l) => ({ name: nameIn(locale, l), quantity: l.quantity, modifiers: l.modifiers.map((m) => nameIn(locale, m)), note: l.note })),
    },
  };
}

export function testPageContentOf(store: PrintedStore, printer: Printer, stationName: string | null, issuedAt: Date): TestPageContent {
  return {
    kind: 'test',
    locale: localeOf(store.locale),
    timeZone: store.timezone,
    issuedAt: issuedAt.toISOString(),
    storeName: store.name,
    printerName: printer.name,
    stationName,
  };
}

/** The lines a kitchen printer gets: those of its categories, or all of them when it lists none. */
export function linesFor(printer: Pick<JobPrinter, 'categoryIds'>, lines: readonly OrderLineForPrinting[]): OrderLineForPrinting[] {
  if (printer.categoryIds.length === 0) return [...lines];
  return lines.filter((l) => l.categoryId !== null && printer.categoryIds.includes(l.categoryId));
}
