import { Inject, Injectable, Logger } from '@nestjs/common';
import { StaffDirectory } from '@kassa/identity';
import { StoresService } from '@kassa/stores';
import { NotificationsClock } from '../notifications.clock';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from '../notifications.options';
import { NotificationSender } from '../sending/notification-sender.job';
import { idempotencyKey, NotificationWriter } from '../sending/notification-writer';
import { NotificationSettingsService } from '../settings/notification-settings.service';
import { composeMessage } from '../templates/message-composer';
import { layoutOf, storeInfo } from '../templates/message-values';
import { NotificationTemplatesService } from '../templates/notification-templates.service';
import { StaffAlertSource } from './staff-alert-sources';

/**
 * Staff alerts: one e-mail per recipient per event, to the organisation's owners and the store's
 * managers (unless switched off) and to the extra addresses in the settings, in the store's language.
 */
@Injectable()
export class StaffAlerts {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly stores: StoresService,
    private readonly staff: StaffDirectory,
    private readonly settings: NotificationSettingsService,
    private readonly templates: NotificationTemplatesService,
    private readonly writer: NotificationWriter,
    private readonly sender: NotificationSender,
    private readonly clock: NotificationsClock,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  async raise<Payload extends object>(source: StaffAlertSource<Payload>, payload: Payload, messageId: string): Promise<void> {
    const storeId = source.storeOf(payload);
    if (!storeId) {
      this.logger.warn(`${source.eventType} ${messageId} belongs to no store; no staff alert sent`);
      return;
    }
    const store = storeInfo(await this.stores.get(storeId));
    const settings = await this.settings.effective(store.organisationId);
    const managers = settings.staffAlertsToManagers ? await this.staff.managersOf(store.organisationId, store.id) : [];
    const recipients = [...new Set([...managers, ...settings.staffAlertEmails].map((e) => e.toLowerCase()))];
    if (recipients.length === 0) return;
    const alert = source.describe(payload, store.locale);
    const key = { kind: 'staff_alert' as const, channel: 'email' as const, locale: store.locale };
    const template = await this.templates.effective(store.organisationId, key);
    const values = { storeName: store.name, storeAddress: store.address, alertTitle: alert.title, alertText: alert.text, adminUrl: `${this.options.publicUrl.replace(/\/+$/, '')}/admin` };
    const content = composeMessage({ ...key, template, values, ...layoutOf(store) });
    const rows = recipients.map((recipient) => ({
      organisationId: store.organisationId,
      storeId: store.id,
      orderId: null,
      orderNumber: null,
      idempotencyKey: idempotencyKey(messageId, 'staff_alert', 'email', recipient),
      kind: 'staff_alert' as const,
      channel: 'email' as const,
      recipient,
      locale: store.locale,
      ...content,
      scheduledFor: null,
    }));
    if ((await this.writer.insert(rows, this.clock.now())) > 0) this.sender.nudge();
  }
}
