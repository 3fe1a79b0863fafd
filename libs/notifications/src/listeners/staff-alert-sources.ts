import { STOCK_LOW, StockLowPayload } from '@kassa/inventory';
import { OUTBOX_MESSAGE_DEAD, OutboxMessageDeadPayload } from '@kassa/platform';
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

/**
 * Every event that alerts staff. EXTENSION POINT for printing (#7): add a source for "a paid order
 * with no station online to print it" and "a printer is failing" here when those events exist;
 * the module registers a consumer for each entry, nothing else changes.
 */
export const STAFF_ALERT_SOURCES: ReadonlyArray<StaffAlertSource<never>> = [stockLow, outboxDead] as ReadonlyArray<StaffAlertSource<never>>;
