export const NOTIFICATION_KINDS = [
  'order_confirmed',
  'order_reminder',
  'order_ready',
  'order_delayed',
  'order_cancelled',
  'order_expired',
  'order_refunded',
  'staff_alert',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_LOCALES = ['sv', 'en'] as const;
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];

/**
 * scheduled: waits for its time (reminders) · queued: due, or waiting for a retry · sending: claimed
 * by a worker under a lease · sent · failed: permanently, or out of attempts · logged: no provider
 * configured, written to the log instead (not sent) · skipped: no longer relevant when its time came.
 */
export const NOTIFICATION_STATUSES = ['scheduled', 'queued', 'sending', 'sent', 'failed', 'logged', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const SMS_PROVIDERS = ['none', '46elks', 'twilio'] as const;
export type SmsProviderName = (typeof SMS_PROVIDERS)[number];

/** Which kinds go out on which channel: staff alerts are e-mail only. */
export function channelsOf(kind: NotificationKind): readonly NotificationChannel[] {
  return kind === 'staff_alert' ? ['email'] : NOTIFICATION_CHANNELS;
}

export function asLocale(locale: string): NotificationLocale {
  return locale === 'en' ? 'en' : 'sv';
}
