import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { OrganisationScoped } from '@kassa/shared';
import { SMS_PROVIDERS, SmsProviderName } from '../notification.types';

/** One row per organisation once an admin saved something; until then the defaults apply. */
@Entity({ tableName: 'notification_settings' })
@OrganisationScoped()
export class NotificationSettings {
  @PrimaryKey({ type: 'uuid' })
  organisationId!: string;

  @Enum({ items: () => [...SMS_PROVIDERS] })
  smsProvider!: SmsProviderName;

  /** Channels customers are messaged on (each only when they gave that contact at checkout). */
  @Property({ type: 'text[]' })
  customerChannels: string[] = ['email', 'sms'];

  /** Staff alerts go to the owners and the store's managers. */
  @Property({ type: 'boolean' })
  staffAlertsToManagers = true;

  /** Further addresses that get every staff alert of the organisation. */
  @Property({ type: 'text[]' })
  staffAlertEmails: string[] = [];

  @Property({ type: 'uuid', nullable: true })
  updatedBy: string | null = null;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
