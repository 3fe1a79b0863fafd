import { NotificationChannel, NotificationKind, NotificationLocale, channelsOf, NOTIFICATION_KINDS, NOTIFICATION_LOCALES } from '../notification.types';
import { TemplateSchema } from './template-renderer';
import { DEFAULT_TEMPLATES } from './default-templates';

/** Everything an order message can say; the QR code only where there is a pass to show. */
const ORDER_VALUES = ['customerName', 'orderNumber', 'storeName', 'storeAddress', 'storePhone', 'pickupTime', 'pickupCode', 'statusUrl', 'total', 'itemCount'];
export const ITEM_FIELDS = ['name', 'options', 'quantity', 'price', 'note'];
const WITH_PASS: readonly NotificationKind[] = ['order_confirmed', 'order_reminder', 'order_ready'];

const EXTRA_VALUES: Readonly<Record<NotificationKind, readonly string[]>> = {
  order_confirmed: [],
  order_reminder: ['minutesBefore'],
  order_ready: [],
  order_delayed: ['delayMinutes'],
  order_cancelled: ['reason'],
  order_expired: [],
  order_refunded: ['reason', 'refundAmount'],
  staff_alert: [],
};

/** The placeholders one template may use. */
export function schemaOf(kind: NotificationKind, channel: NotificationChannel): TemplateSchema {
  if (kind === 'staff_alert') return { values: ['storeName', 'storeAddress', 'alertTitle', 'alertText', 'adminUrl'], lists: {} };
  const qr = channel === 'email' && WITH_PASS.includes(kind) ? ['qrCode'] : [];
  return { values: [...ORDER_VALUES, ...EXTRA_VALUES[kind], ...qr], lists: { items: ITEM_FIELDS } };
}

export interface TemplateText {
  /** E-mail only; null for SMS. */
  readonly subject: string | null;
  readonly body: string;
}

export interface TemplateKey {
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  readonly locale: NotificationLocale;
}

/** `order_confirmed.email.sv` */
export function templateId(key: TemplateKey): string {
  return `${key.kind}.${key.channel}.${key.locale}`;
}

/** The key of a template id, or null when no such template exists (staff alerts have no SMS). */
export function parseTemplateId(id: string): TemplateKey | null {
  const [kind, channel, locale, ...rest] = typeof id === 'string' ? id.split('.') : [];
  if (rest.length > 0 || !(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  const key = kind as NotificationKind;
  if (!(channelsOf(key) as readonly string[]).includes(channel) || !(NOTIFICATION_LOCALES as readonly string[]).includes(locale)) return null;
  return { kind: key, channel: channel as NotificationChannel, locale: locale as NotificationLocale };
}

/** Every template there is, in a stable order: kind, then channel, then locale. */
export function allTemplateKeys(): TemplateKey[] {
  return NOTIFICATION_KINDS.flatMap((kind) => channelsOf(kind).flatMap((channel) => NOTIFICATION_LOCALES.map((locale) => ({ kind, channel, locale }))));
}

export function defaultTemplate(key: TemplateKey): TemplateText {
  const defaults = DEFAULT_TEMPLATES[key.kind][key.locale];
  if (key.channel === 'email') return defaults.email;
  if (!defaults.sms) throw new Error(`No default template ${templateId(key)}`);
  return { subject: null, body: defaults.sms.body };
}
