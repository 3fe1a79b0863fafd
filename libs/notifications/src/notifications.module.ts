import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { StaffDirectoryModule } from '@kassa/identity';
import { ORDER_CANCELLED, ORDER_EXPIRED, ORDER_PAID, ORDER_PLACED, ORDER_READY, OrderEventPayload } from '@kassa/orders';
import { OutboxConsumers } from '@kassa/platform';
import { PICKUP_BUSY_MODE_CHANGED, PickupBusyModeChangedPayload } from '@kassa/slots';
import { StoresModule } from '@kassa/stores';
import { NotificationInScopeGuard } from './admin/notification-in-scope.guard';
import { NotificationSettingsAdminController } from './admin/notification-settings-admin.controller';
import { NotificationTemplatesAdminController } from './admin/notification-templates-admin.controller';
import { NotificationsAdminController } from './admin/notifications-admin.controller';
import { NotificationsAdminService } from './admin/notifications-admin.service';
import { TemplateIdGuard } from './admin/template-id.guard';
import { EmailChannel } from './channels/email.channel';
import { SmsProviders } from './channels/sms.providers';
import { NotificationSettings } from './entities/notification-settings.entity';
import { NotificationTemplate } from './entities/notification-template.entity';
import { Notification } from './entities/notification.entity';
import { CustomerMessages } from './listeners/customer-messages';
import { STAFF_ALERT_SOURCES } from './listeners/staff-alert-sources';
import { StaffAlerts } from './listeners/staff-alerts';
import { NotificationsClock } from './notifications.clock';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from './notifications.options';
import { OrderDirectory } from './order-directory';
import { NotificationSender } from './sending/notification-sender.job';
import { NotificationWriter } from './sending/notification-writer';
import { NotificationSettingsService } from './settings/notification-settings.service';
import { NotificationTemplatesService } from './templates/notification-templates.service';
import { TemplatePreview } from './templates/template-preview';

/** Handed to the platform's ORM setup by the app. */
export const NOTIFICATIONS_ENTITIES = [Notification, NotificationTemplate, NotificationSettings];

/**
 * E-mail and SMS to customers and staff alerts. It only listens to other libs' events (through
 * the outbox) and reads what a message needs; no lib depends on it.
 */
@Module({})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly consumers: OutboxConsumers,
    private readonly customers: CustomerMessages,
    private readonly staffAlerts: StaffAlerts,
  ) {}

  static forRoot(options: NotificationsOptions): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [MikroOrmModule.forFeature(NOTIFICATIONS_ENTITIES), StoresModule, StaffDirectoryModule],
      controllers: [NotificationsAdminController, NotificationTemplatesAdminController, NotificationSettingsAdminController],
      providers: [
        { provide: NOTIFICATIONS_OPTIONS, useValue: options },
        NotificationsClock,
        EmailChannel,
        SmsProviders,
        OrderDirectory,
        NotificationWriter,
        NotificationSender,
        NotificationSettingsService,
        NotificationTemplatesService,
        TemplatePreview,
        CustomerMessages,
        StaffAlerts,
        NotificationsAdminService,
        NotificationInScopeGuard,
        TemplateIdGuard,
      ],
      exports: [NotificationSender, NotificationsClock],
    };
  }

  /** One outbox consumer per event: each delivery has its own retries and dead-letter. */
  onModuleInit(): void {
    const order = (name: string, eventType: string, handle: (payload: OrderEventPayload) => Promise<void>, wants?: (payload: OrderEventPayload) => boolean) =>
      this.consumers.register<OrderEventPayload>({ name, eventType, wants, handle: (event) => handle(event.payload) });
    // Pay-in-store orders are confirmed when placed; the rest when paid.
    order('notifications.order-placed', ORDER_PLACED, (p) => this.customers.confirmed(p), (p) => p.paymentMethod === 'in_store');
    order('notifications.order-paid', ORDER_PAID, (p) => this.customers.confirmed(p));
    order('notifications.order-ready', ORDER_READY, (p) => this.customers.ready(p));
    order('notifications.order-cancelled', ORDER_CANCELLED, (p) => this.customers.cancelled(p));
    order('notifications.order-expired', ORDER_EXPIRED, (p) => this.customers.expired(p));
    this.consumers.register<PickupBusyModeChangedPayload>({
      name: 'notifications.pickup-delay',
      eventType: PICKUP_BUSY_MODE_CHANGED,
      handle: (event) => this.customers.delayed(event.payload.storeId, event.payload.delayMinutes),
    });
    for (const source of STAFF_ALERT_SOURCES) {
      this.consumers.register<object>({
        name: source.consumer,
        eventType: source.eventType,
        handle: (event, context) => this.staffAlerts.raise(source, event.payload as never, context.messageId),
      });
    }
  }
}
