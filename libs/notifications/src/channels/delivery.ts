import type { NotificationChannel } from '../notification.types';

/** One message as a provider gets it. */
export interface OutgoingMessage {
  /** The notification id: Message-ID of the e-mail, reference of the SMS. */
  readonly id: string;
  readonly channel: NotificationChannel;
  readonly recipient: string;
  /** The store's name: the e-mail's sender name, the SMS sender (shortened). */
  readonly senderName: string;
  readonly replyTo: string | null;
  readonly subject: string | null;
  readonly text: string;
  readonly html: string | null;
  readonly attachments: ReadonlyArray<{ readonly filename: string; readonly content: Buffer; readonly contentType: string; readonly cid: string }>;
}

export interface DeliveryReceipt {
  readonly provider: string;
  readonly providerMessageId: string | null;
}

/**
 * A provider said no. Permanent: the same message would be refused again (bad number, rejected
 * address, 4xx) — the notification fails at once. Otherwise (outage, 5xx, timeout, connection
 * refused) it is retried with backoff.
 */
export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}

/** What a thrown error means for the notification: anything unexpected is worth another try. */
export function asDeliveryFailure(error: unknown): DeliveryFailure {
  if (error instanceof DeliveryFailure) return error;
  return new DeliveryFailure(error instanceof Error ? error.message : String(error), false);
}
