import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { maskEmail, maskPhone } from '@kassa/shared';
import { Notification } from '../entities/notification.entity';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NOTIFICATION_STATUSES, NotificationChannel, NotificationKind, NotificationStatus } from '../notification.types';

/** A row of the notification log; the recipient is masked. */
export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) orderId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'A-042' }) orderNumber!: string | null;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS }) channel!: NotificationChannel;
  @ApiProperty({ example: 'a***@example.se', description: 'Masked: a***@example.se, +46 70 *** ** 67' }) recipient!: string;
  @ApiProperty({ enum: ['sv', 'en'] }) locale!: string;
  @ApiProperty({ example: 'order_confirmed.email.sv', description: 'The template it was written from (see notification-templates)' }) template!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'E-mail only' }) subject!: string | null;
  @ApiProperty({ enum: NOTIFICATION_STATUSES, description: 'logged = no provider configured: written to the log, not sent' }) status!: NotificationStatus;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'smtp', description: 'smtp, 46elks, twilio, or log' }) provider!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) providerMessageId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date, description: 'Reminders: when it is due' }) scheduledFor!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date, description: 'Retries: when the next attempt is' }) nextAttemptAt!: Date | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'A resend: the notification it repeats' }) resentFrom!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) sentAt!: Date | null;

  static of(n: Notification): NotificationResponse {
    const pending = n.status === 'queued' || n.status === 'scheduled';
    return {
      id: n.id,
      storeId: n.storeId,
      orderId: n.orderId,
      orderNumber: n.orderNumber,
      kind: n.kind,
      channel: n.channel,
      recipient: n.channel === 'email' ? maskEmail(n.recipient) : maskPhone(n.recipient),
      locale: n.locale,
      template: `${n.kind}.${n.channel}.${n.locale}`,
      subject: n.subject,
      status: n.status,
      attempts: n.attempts,
      provider: n.provider,
      providerMessageId: n.providerMessageId,
      error: n.error,
      scheduledFor: n.scheduledFor,
      nextAttemptAt: pending ? n.nextAttemptAt : null,
      resentFrom: n.resentFrom,
      createdAt: n.createdAt,
      sentAt: n.sentAt,
    };
  }
}

export class NotificationDetailResponse extends NotificationResponse {
  @ApiProperty({ description: 'The plain-text part (e-mail) or the SMS' }) text!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'E-mail only: the HTML part; the QR code is attached as cid:pickup-qr@kassa' }) html!: string | null;

  static detail(n: Notification): NotificationDetailResponse {
    return { ...NotificationResponse.of(n), text: n.text, html: n.html };
  }
}
