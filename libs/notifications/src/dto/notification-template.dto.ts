import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NOTIFICATION_LOCALES, NotificationChannel, NotificationKind, NotificationLocale } from '../notification.types';

export class NotificationTemplateResponse {
  @ApiProperty({ example: 'order_confirmed.email.sv', description: '<kind>.<channel>.<locale>' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS }) channel!: NotificationChannel;
  @ApiProperty({ enum: NOTIFICATION_LOCALES }) locale!: NotificationLocale;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'E-mail only; null for SMS' }) subject!: string | null;
  @ApiProperty({ description: 'Plain text with {{placeholders}}; {{#items}}…{{/items}} repeats per order line' }) body!: string;
  @ApiProperty({ description: 'Whether the organisation changed it; false = the default' }) customised!: boolean;
  @ApiProperty({ type: [String], example: ['customerName', 'orderNumber', 'items'] }) placeholders!: string[];
  @ApiProperty({ type: [String], example: ['name', 'options', 'quantity', 'price', 'note'], description: 'Fields inside {{#items}}…{{/items}}' }) itemPlaceholders!: string[];
  @ApiPropertyOptional({ nullable: true, type: Date }) updatedAt!: Date | null;
}

const TEXT_MAX = 10_000;

export class SaveNotificationTemplateDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Required for e-mail, absent for SMS', maxLength: 300 })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(300)
  subject?: string | null;

  @ApiProperty({ description: 'Plain text with {{placeholders}} (at most 10 000 characters for e-mail, 1 000 for SMS)' })
  @IsString()
  @MaxLength(TEXT_MAX)
  body!: string;
}

export class PreviewNotificationTemplateDto extends SaveNotificationTemplateDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn([...NOTIFICATION_KINDS], { message: `must be one of ${NOTIFICATION_KINDS.join(', ')}` })
  kind!: NotificationKind;

  @ApiProperty({ enum: NOTIFICATION_CHANNELS })
  @IsIn([...NOTIFICATION_CHANNELS], { message: `must be one of ${NOTIFICATION_CHANNELS.join(', ')}` })
  channel!: NotificationChannel;

  @ApiProperty({ enum: NOTIFICATION_LOCALES })
  @IsIn([...NOTIFICATION_LOCALES], { message: `must be one of ${NOTIFICATION_LOCALES.join(', ')}` })
  locale!: NotificationLocale;
}

export class NotificationPreviewResponse {
  @ApiPropertyOptional({ nullable: true, type: String }) subject!: string | null;
  @ApiProperty() text!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'E-mail only; the QR code is inline (data: URL) here' }) html!: string | null;
}
