export const NOTIFICATIONS_OPTIONS = Symbol('NOTIFICATIONS_OPTIONS');

/** An SMTP server: a `smtp://` / `smtps://` URL with credentials, or its parts. */
export type SmtpSettings =
  | { readonly url: string }
  | { readonly host: string; readonly port: number; readonly secure: boolean; readonly user?: string; readonly password?: string };

/** Typed options the app hands to the notifications lib; credentials never go to the database or the log. */
export interface NotificationsOptions {
  /** Absent: e-mails are written to the log, marked as not sent. */
  readonly email?: { readonly smtp: SmtpSettings; readonly from: string };
  readonly sms: {
    readonly elks?: { readonly username: string; readonly password: string; readonly baseUrl: string };
    readonly twilio?: { readonly accountSid: string; readonly authToken: string; readonly baseUrl: string };
  };
  /** Where customers open their order's status page: `${publicUrl}/orders/<id>?token=<order token>`. */
  readonly publicUrl: string;
  /** Minutes before the pickup window that the reminder goes out; 0 sends none. */
  readonly reminderMinutes: number;
}
