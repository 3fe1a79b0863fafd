import { ErrorStatus, FieldProblem, KassaError } from '@kassa/shared';

export enum NotificationsErrorCode {
  NOTIFICATION_NOT_FOUND = 'NOTIFICATION_NOT_FOUND',
  TEMPLATE_NOT_FOUND = 'TEMPLATE_NOT_FOUND',
  INVALID_TEMPLATE = 'INVALID_TEMPLATE',
  INVALID_SETTINGS = 'INVALID_SETTINGS',
  NOT_RESENDABLE = 'NOT_RESENDABLE',
}

const STATUS: Record<NotificationsErrorCode, ErrorStatus> = {
  [NotificationsErrorCode.NOTIFICATION_NOT_FOUND]: 404,
  [NotificationsErrorCode.TEMPLATE_NOT_FOUND]: 404,
  [NotificationsErrorCode.INVALID_TEMPLATE]: 400,
  [NotificationsErrorCode.INVALID_SETTINGS]: 400,
  [NotificationsErrorCode.NOT_RESENDABLE]: 409,
};

export class NotificationsError extends KassaError<NotificationsErrorCode> {
  get status(): ErrorStatus {
    return STATUS[this.code];
  }

  static notFound(id: string): NotificationsError {
    return new NotificationsError(NotificationsErrorCode.NOTIFICATION_NOT_FOUND, `Notification ${id} was not found`);
  }

  static templateNotFound(id: string): NotificationsError {
    return new NotificationsError(NotificationsErrorCode.TEMPLATE_NOT_FOUND, `Notification template ${id} was not found; ids look like order_confirmed.email.sv`);
  }

  static invalidTemplate(details: readonly FieldProblem[]): NotificationsError {
    return new NotificationsError(NotificationsErrorCode.INVALID_TEMPLATE, `Invalid template: ${details.map((d) => `${d.field}: ${d.reason}`).join('; ')}`, details);
  }

  static invalidSettings(details: readonly FieldProblem[]): NotificationsError {
    return new NotificationsError(NotificationsErrorCode.INVALID_SETTINGS, `Invalid notification settings: ${details.map((d) => `${d.field}: ${d.reason}`).join('; ')}`, details);
  }
}
