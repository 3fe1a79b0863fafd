import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { Transporter, TransportConfig } from 'nodemailer';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions, SmtpSettings } from '../notifications.options';
import { DeliveryFailure, DeliveryReceipt, OutgoingMessage } from './delivery';

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** E-mail over SMTP with nodemailer; absent when SMTP is not configured. */
@Injectable()
export class EmailChannel implements OnModuleDestroy {
  private readonly transporter: Transporter | null;
  private readonly from: string;

  constructor(@Inject(NOTIFICATIONS_OPTIONS) options: NotificationsOptions) {
    this.transporter = options.email ? createTransport(transportOptions(options.email.smtp)) : null;
    this.from = options.email?.from ?? '';
  }

  get configured(): boolean {
    return this.transporter !== null;
  }

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    if (!this.transporter) throw new DeliveryFailure('SMTP is not configured', true);
    const domain = this.from.slice(this.from.lastIndexOf('@') + 1) || 'kassa.invalid';
    try {
      const info = (await this.transporter.sendMail({
        from: { name: message.senderName, address: this.from },
        to: message.recipient,
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        subject: message.subject ?? '',
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        // The notification id as Message-ID: a resend after a crash carries the same one, which
        // lets receiving systems that deduplicate by Message-ID drop the copy.
        messageId: `<${message.id}@${domain}>`,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Kassa-Notification': message.id },
        attachments: message.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType, cid: a.cid })),
      })) as { messageId?: string };
      return { provider: 'smtp', providerMessageId: info.messageId ?? null };
    } catch (error) {
      throw smtpFailure(error);
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}

function transportOptions(smtp: SmtpSettings): TransportConfig {
  if ('url' in smtp) return { url: smtp.url, ...TIMEOUTS };
  return { host: smtp.host, port: smtp.port, secure: smtp.secure, ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}), ...TIMEOUTS };
}

/**
 * A 5xx reply to the message or a recipient is permanent (RFC 5321): the same message would be
 * refused again. Sign-in failures are the operator's to fix, so those are retried like an outage.
 */
function smtpFailure(error: unknown): DeliveryFailure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { message?: string; code?: string; responseCode?: number; permanent?: boolean };
  const auth = e.code === 'EAUTH' || e.code === 'ENOAUTH';
  const rejected = e.permanent === true || (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode !== 503);
  const reason = `SMTP${e.responseCode ? ` ${e.responseCode}` : ''}${e.code ? ` ${e.code}` : ''}: ${e.message ?? String(error)}`;
  return new DeliveryFailure(reason, rejected && !auth);
}
