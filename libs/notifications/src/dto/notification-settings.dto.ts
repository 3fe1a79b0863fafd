import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { NOTIFICATION_CHANNELS, NotificationChannel, SMS_PROVIDERS, SmsProviderName } from '../notification.types';

export class SmsAvailabilityResponse {
  @ApiProperty({ name: '46elks' }) '46elks'!: boolean;
  @ApiProperty() twilio!: boolean;
}

export class NotificationSettingsResponse {
  @ApiProperty({ enum: SMS_PROVIDERS, description: 'The SMS gateway of the organisation; none = SMS are logged, not sent' }) smsProvider!: SmsProviderName;
  @ApiProperty({ type: SmsAvailabilityResponse, description: 'Which gateways have credentials on this server' }) smsAvailable!: SmsAvailabilityResponse;
  @ApiProperty({ description: 'Whether an SMTP server is configured (else e-mails are logged, not sent)' }) emailAvailable!: boolean;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, isArray: true, description: 'Channels customers get messages on, each only when they gave that contact at checkout' }) customerChannels!: NotificationChannel[];
  @ApiProperty({ description: 'Staff alerts go to the owners and the store’s managers' }) staffAlertsToManagers!: boolean;
  @ApiProperty({ type: [String], description: 'Further addresses that get every staff alert' }) staffAlertEmails!: string[];
  @ApiProperty({ description: 'Minutes before pickup that reminders go out (KASSA_REMINDER_MINUTES; 0 = none)' }) reminderMinutes!: number;
}

export class UpdateNotificationSettingsDto {
  @ApiPropertyOptional({ enum: SMS_PROVIDERS })
  @IsOptional()
  @IsString()
  smsProvider?: string;

  @ApiPropertyOptional({ enum: NOTIFICATION_CHANNELS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @IsString({ each: true })
  customerChannels?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  staffAlertsToManagers?: boolean;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(254, { each: true })
  staffAlertEmails?: string[];
}
