import type { NotificationChannel, NotificationKind, NotificationStatus } from '../types';

/** Every kind, in the order a customer meets them; staff alerts last. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'order_confirmed',
  'order_reminder',
  'order_ready',
  'order_delayed',
  'order_cancelled',
  'order_expired',
  'order_refunded',
  'staff_alert',
];

export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = ['email', 'sms'];

/** In the order a message passes through them; the end states after `sending`. */
export const NOTIFICATION_STATUSES: readonly NotificationStatus[] = [
  'scheduled',
  'queued',
  'sending',
  'sent',
  'failed',
  'logged',
  'skipped',
];

/** The languages templates exist in. */
export const TEMPLATE_LOCALES = ['sv', 'en'] as const;

type ChipColour = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

/** Filled chips for messages still on their way, outlined ones for messages that are done. */
export const notificationStatusLook: Record<NotificationStatus, { color: ChipColour; variant: 'filled' | 'outlined' }> = {
  scheduled: { color: 'info', variant: 'outlined' },
  queued: { color: 'info', variant: 'filled' },
  sending: { color: 'primary', variant: 'filled' },
  sent: { color: 'success', variant: 'filled' },
  failed: { color: 'error', variant: 'filled' },
  // Not sent, on purpose: no provider is configured. Worth a second look, but not an error.
  logged: { color: 'warning', variant: 'filled' },
  skipped: { color: 'default', variant: 'outlined' },
};

/** Keeps the known values of a list filter (one value or several), in the order of `known`. */
export const chosenOf = <T extends string>(known: readonly T[], value: unknown): T[] => {
  const given = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return known.filter((candidate) => given.includes(candidate));
};
