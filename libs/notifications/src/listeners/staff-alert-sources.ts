import { STOCK_LOW, StockLowPayload } from '@kassa/inventory';
import { OUTBOX_MESSAGE_DEAD, OutboxMessageDeadPayload } from '@kassa/platform';
import { ORDER_NOT_PRINTED, OrderNotPrintedPayload, PRINTER_FAILED, PrinterFailedPayload } from '@kassa/printing';
import { NotificationLocale } from '../notification.types';

export interface StaffAlertText {
  readonly title: string;
  readonly text: string;
}

/** An event that should reach a store's managers by e-mail, and how to say it. */
export interface StaffAlertSource<Payload extends object> {
  /** The outbox consumer's name. */
  readonly consumer: string;
  readonly eventType: string;
  /** The store the alert is about; null when the event belongs to none (nobody to tell). */
  storeOf(payload: Payload): string | null;
  describe(payload: Payload, locale: NotificationLocale): StaffAlertText;
}

const stockLow: StaffAlertSource<StockLowPayload> = {
  consumer: 'notifications.stock-low',
  eventType: STOCK_LOW,
  storeOf: (p) => p.storeId,
  describe: (p, locale) =>
    locale === 'en'
      ? { title: `Low stock: ${p.name}`, text: `${p.name} (${p.sku}) is down to ${p.available}, at or below its threshold of ${p.threshold}. Reorder up to ${p.parLevel}.` }
      : { title: `Lågt lager: ${p.name}`, text: `${p.name} (${p.sku}) är nere i ${p.available}, vid eller under gränsen ${p.threshold}. Fyll på upp till ${p.parLevel}.` },
};

const outboxDead: StaffAlertSource<OutboxMessageDeadPayload> = {
  consumer: 'notifications.outbox-message-dead',
  eventType: OUTBOX_MESSAGE_DEAD,
  storeOf: (p) => p.storeId,
  describe: (p, locale) =>
    locale === 'en'
      ? {
          title: `A background job gave up: ${p.consumer}`,
          text: `The ${p.eventType} event could not be handled by ${p.consumer} after ${p.attempts} attempt(s). Last error: ${p.lastError ?? 'none recorded'}. Retry it in the admin console under the dead outbox messages (id ${p.messageId}).`,
        }
      : {
          title: `Ett bakgrundsjobb gav upp: ${p.consumer}`,
          text: `Händelsen ${p.eventType} kunde inte hanteras av ${p.consumer} efter ${p.attempts} försök. Senaste fel: ${p.lastError ?? 'inget sparat'}. Försök igen i administrationen bland de döda utkorgsmeddelandena (id ${p.messageId}).`,
        },
};

const printerFailing: StaffAlertSource<PrinterFailedPayload> = {
  consumer: 'notifications.printer-failed',
  eventType: PRINTER_FAILED,
  storeOf: (p) => p.storeId,
  describe: (p, locale) => {
    const moved = p.reroutedTo;
    return locale === 'en'
      ? {
          title: `Printer ${p.printerName} is not printing`,
          text: `${p.printerName} has been offline since ${p.offlineSince} (${p.error}); ${p.queueLength} job(s) are waiting.${moved ? ` They were moved to ${moved}.` : ' Check the paper and the station, or re-route the jobs in the admin console.'}`,
        }
      : {
          title: `Skrivaren ${p.printerName} skriver inte ut`,
          text: `${p.printerName} har varit offline sedan ${p.offlineSince} (${p.error}); ${p.queueLength} utskrift(er) väntar.${moved ? ` De flyttades till ${moved}.` : ' Kontrollera papperet och stationen, eller flytta utskrifterna i administrationen.'}`,
        };
  },
};

const orderNotPrinting: StaffAlertSource<OrderNotPrintedPayload> = {
  consumer: 'notifications.order-not-printed',
  eventType: ORDER_NOT_PRINTED,
  storeOf: (p) => p.storeId,
  describe: (p, locale) =>
    locale === 'en'
      ? {
          title: `Order ${p.orderNumber} is paid but not printed`,
          text: `Order ${p.orderNumber} is paid, but no station is online to print it (${p.printers.join(', ')}). It prints when a station connects; see it on the order board meanwhile.`,
        }
      : {
          title: `Order ${p.orderNumber} är betald men inte utskriven`,
          text: `Order ${p.orderNumber} är betald, men ingen station är online för att skriva ut den (${p.printers.join(', ')}). Den skrivs ut när en station ansluter; se den på orderskärmen så länge.`,
        },
};

/** Every event that alerts staff: the module registers a consumer for each entry, nothing else changes. */
export const STAFF_ALERT_SOURCES: ReadonlyArray<StaffAlertSource<never>> = [stockLow, outboxDead, printerFailing, orderNotPrinting] as ReadonlyArray<
  StaffAlertSource<never>
>;
