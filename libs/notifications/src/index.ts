export { NotificationsModule, NOTIFICATIONS_ENTITIES } from './notifications.module';
export type { NotificationsOptions, SmtpSettings } from './notifications.options';
export { NotificationsClock } from './notifications.clock';
export { NotificationSender } from './sending/notification-sender.job';
export { NotificationsError, NotificationsErrorCode } from './notifications.errors';
export { NOTIFICATION_KINDS, NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES, SMS_PROVIDERS } from './notification.types';
export type { NotificationKind, NotificationChannel, NotificationStatus, SmsProviderName } from './notification.types';
