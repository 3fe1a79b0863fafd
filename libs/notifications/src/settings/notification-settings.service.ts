import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { FieldProblem, isEmailAddress, StaffActor } from '@kassa/shared';
import { EmailChannel } from '../channels/email.channel';
import { SmsProviders } from '../channels/sms.providers';
import { NotificationSettings } from '../entities/notification-settings.entity';
import { NOTIFICATION_CHANNELS, NotificationChannel, SMS_PROVIDERS, SmsProviderName } from '../notification.types';
import { NotificationsError } from '../notifications.errors';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from '../notifications.options';

export interface EffectiveSettings {
  readonly smsProvider: SmsProviderName;
  readonly customerChannels: NotificationChannel[];
  readonly staffAlertsToManagers: boolean;
  readonly staffAlertEmails: string[];
}

export interface SettingsChange {
  readonly smsProvider?: string;
  readonly customerChannels?: string[];
  readonly staffAlertsToManagers?: boolean;
  readonly staffAlertEmails?: string[];
}

export interface SettingsView extends EffectiveSettings {
  readonly smsAvailable: { readonly '46elks': boolean; readonly twilio: boolean };
  readonly emailAvailable: boolean;
  readonly reminderMinutes: number;
}

/** An organisation's notification settings; until an admin saves some, the defaults apply. */
@Injectable()
export class NotificationSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly sms: SmsProviders,
    private readonly email: EmailChannel,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  async effective(organisationId: string): Promise<EffectiveSettings> {
    const row = await this.em.findOne(NotificationSettings, { organisationId });
    if (!row) return { smsProvider: this.sms.defaultProvider(), customerChannels: [...NOTIFICATION_CHANNELS], staffAlertsToManagers: true, staffAlertEmails: [] };
    return {
      smsProvider: row.smsProvider,
      customerChannels: NOTIFICATION_CHANNELS.filter((c) => row.customerChannels.includes(c)),
      staffAlertsToManagers: row.staffAlertsToManagers,
      staffAlertEmails: row.staffAlertEmails,
    };
  }

  async view(organisationId: string): Promise<SettingsView> {
    return { ...(await this.effective(organisationId)), smsAvailable: this.sms.available(), emailAvailable: this.email.configured, reminderMinutes: this.options.reminderMinutes };
  }

  async update(actor: StaffActor, change: SettingsChange): Promise<SettingsView> {
    const current = await this.effective(actor.organisationId);
    const problems: FieldProblem[] = [];
    const smsProvider = (change.smsProvider ?? current.smsProvider) as SmsProviderName;
    if (!(SMS_PROVIDERS as readonly string[]).includes(smsProvider)) {
      problems.push({ field: 'smsProvider', reason: `must be one of ${SMS_PROVIDERS.join(', ')}` });
    } else if (change.smsProvider !== undefined && smsProvider !== 'none' && !this.sms.get(smsProvider)) {
      problems.push({ field: 'smsProvider', reason: `${smsProvider} has no credentials on this server (${smsProvider === '46elks' ? 'ELKS_USERNAME, ELKS_PASSWORD' : 'TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN'})` });
    }
    const channels = change.customerChannels ?? [...current.customerChannels];
    const unknownChannels = channels.filter((c) => !(NOTIFICATION_CHANNELS as readonly string[]).includes(c));
    if (unknownChannels.length > 0) problems.push({ field: 'customerChannels', reason: `must be among ${NOTIFICATION_CHANNELS.join(', ')}` });
    const emails = (change.staffAlertEmails ?? [...current.staffAlertEmails]).map((e) => e.trim().toLowerCase());
    emails.forEach((e, i) => {
      if (!isEmailAddress(e)) problems.push({ field: `staffAlertEmails.${i}`, reason: 'must be an email address' });
    });
    if (problems.length > 0) throw NotificationsError.invalidSettings(problems);
    await this.em.upsert(NotificationSettings, {
      organisationId: actor.organisationId,
      smsProvider,
      customerChannels: NOTIFICATION_CHANNELS.filter((c) => channels.includes(c)),
      staffAlertsToManagers: change.staffAlertsToManagers ?? current.staffAlertsToManagers,
      staffAlertEmails: [...new Set(emails)],
      updatedBy: actor.userId,
      updatedAt: new Date(),
    });
    return this.view(actor.organisationId);
  }
}
