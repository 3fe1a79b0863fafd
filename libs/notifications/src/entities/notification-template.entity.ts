import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId, OrganisationScoped } from '@kassa/shared';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NotificationChannel, NotificationKind } from '../notification.types';

/** An organisation's own wording of one message; without a row the default in code applies. */
@Entity({ tableName: 'notification_template' })
@OrganisationScoped()
@Unique({ properties: ['organisationId', 'kind', 'channel', 'locale'] })
export class NotificationTemplate {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Enum({ items: () => [...NOTIFICATION_KINDS] })
  kind!: NotificationKind;

  @Enum({ items: () => [...NOTIFICATION_CHANNELS] })
  channel!: NotificationChannel;

  @Property({ type: 'string', length: 5 })
  locale!: string;

  /** E-mail only. */
  @Property({ type: 'string', length: 300, nullable: true })
  subject: string | null = null;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'uuid', nullable: true })
  updatedBy: string | null = null;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
