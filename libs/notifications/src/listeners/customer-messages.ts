import { Inject, Injectable, Logger } from '@nestjs/common';
import { PAYMENT_NOT_STARTED } from '@kassa/orders';
import type { OrderEventPayload, OrderForNotification } from '@kassa/orders';
import { isEmailAddress, normalisePhone } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import { NotificationsClock } from '../notifications.clock';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from '../notifications.options';
import { asLocale, NotificationChannel, NotificationKind } from '../notification.types';
import { OrderDirectory } from '../order-directory';
import { NotificationSender } from '../sending/notification-sender.job';
import { idempotencyKey, NewNotification, NotificationWriter } from '../sending/notification-writer';
import { NotificationSettingsService } from '../settings/notification-settings.service';
import { composeMessage } from '../templates/message-composer';
import { customerReason, formatAmount, layoutOf, orderValues, storeInfo } from '../templates/message-values';
import { NotificationTemplatesService } from '../templates/notification-templates.service';
import { TemplateContext } from '../templates/template-renderer';

/** Orders a busy delay may make late: open ones picking up within this many minutes. */
export const DELAY_HORIZON_MINUTES = 60;

/** Statuses after which nothing cheerful (confirmation, reminder, ready) is worth sending. */
const OVER = new Set(['picked_up', 'cancelled', 'expired', 'no_show']);

interface Message {
  readonly kind: NotificationKind;
  /** The order id (one per order) or `<order id>/<detail>`. */
  readonly source: string;
  readonly values?: TemplateContext;
  readonly scheduledFor?: Date;
}

/**
 * What customers are told, and when. Consent: only the contacts they gave at checkout, only about
 * their order, on the channels the organisation uses for customers; an address or number that
 * does not validate is not queued.
 */
@Injectable()
export class CustomerMessages {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly orders: OrderDirectory,
    private readonly stores: StoresService,
    private readonly settings: NotificationSettingsService,
    private readonly templates: NotificationTemplatesService,
    private readonly writer: NotificationWriter,
    private readonly sender: NotificationSender,
    private readonly clock: NotificationsClock,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  /** Paid online, or placed to pay in store (confirmed at once): the confirmation, and the reminder before pickup. */
  async confirmed(event: OrderEventPayload): Promise<void> {
    const order = await this.orders.forNotification(event.orderId);
    if (!order || OVER.has(order.status)) return;
    const messages: Message[] = [{ kind: 'order_confirmed', source: order.id }];
    const remindAt = new Date(order.pickupStart.getTime() - this.options.reminderMinutes * 60_000);
    // A reminder that would come before (or with) the confirmation tells the customer nothing.
    if (this.options.reminderMinutes > 0 && remindAt > this.clock.now()) {
      messages.push({ kind: 'order_reminder', source: order.id, scheduledFor: remindAt, values: { minutesBefore: this.options.reminderMinutes } });
    }
    await this.queue(order, messages);
  }

  async ready(event: OrderEventPayload): Promise<void> {
    const order = await this.orders.forNotification(event.orderId);
    if (!order || order.status !== 'ready') return;
    await this.queue(order, [{ kind: 'order_ready', source: order.id }]);
  }

  /**
   * Cancelled: refunded when money had been taken online, plainly cancelled otherwise. A checkout
   * that could not start its payment says nothing: the customer saw the error and was never told
   * of the order.
   */
  async cancelled(event: OrderEventPayload): Promise<void> {
    if (event.reason?.startsWith(PAYMENT_NOT_STARTED)) return;
    const order = await this.orders.forNotification(event.orderId);
    if (!order) return;
    const locale = asLocale(order.locale);
    const refunded = event.previousStatus !== 'pending_payment' && event.paymentMethod !== 'in_store';
    const reason = customerReason(event.reason, locale);
    await this.queue(order, [
      refunded
        ? { kind: 'order_refunded', source: order.id, values: { reason, refundAmount: formatAmount(event.total, event.currency, locale) } }
        : { kind: 'order_cancelled', source: order.id, values: { reason } },
    ]);
  }

  async expired(event: OrderEventPayload): Promise<void> {
    const order = await this.orders.forNotification(event.orderId);
    if (!order) return;
    await this.queue(order, [{ kind: 'order_expired', source: order.id }]);
  }

  /** Staff added a busy delay: customers picking up within the hour hear once per delay level. */
  async delayed(storeId: string, delayMinutes: number): Promise<void> {
    if (delayMinutes <= 0) return;
    const now = this.clock.now();
    const ids = await this.orders.openOrdersPickingUpBefore(storeId, now, new Date(now.getTime() + DELAY_HORIZON_MINUTES * 60_000));
    for (const id of ids) {
      const order = await this.orders.forNotification(id);
      if (order) await this.queue(order, [{ kind: 'order_delayed', source: `${order.id}/delay-${delayMinutes}`, values: { delayMinutes } }]);
    }
  }

  private async queue(order: OrderForNotification, messages: readonly Message[]): Promise<void> {
    const settings = await this.settings.effective(order.organisationId);
    const recipients = this.recipients(order, settings.customerChannels);
    if (recipients.length === 0) return;
    const store = storeInfo(await this.stores.get(order.storeId));
    const locale = asLocale(order.locale);
    const base = orderValues(order, store, locale, this.options.publicUrl);
    const outgoing = messages.flatMap((message) => recipients.map(({ channel, recipient }) => ({ message, channel, recipient })));
    const templates = await this.templates.effectiveAll(
      order.organisationId,
      outgoing.map(({ message, channel }) => ({ kind: message.kind, channel, locale })),
    );
    const rows = outgoing.map(({ message, channel, recipient }, i): NewNotification => {
      const content = composeMessage({ kind: message.kind, channel, locale, template: templates[i], values: { ...base, ...message.values }, ...layoutOf(store) });
      return {
        organisationId: order.organisationId,
        storeId: order.storeId,
        orderId: order.id,
        orderNumber: order.number,
        idempotencyKey: idempotencyKey(message.source, message.kind, channel),
        kind: message.kind,
        channel,
        recipient,
        locale,
        ...content,
        scheduledFor: message.scheduledFor ?? null,
      };
    });
    if ((await this.writer.insert(rows, this.clock.now())) > 0) this.sender.nudge();
  }

  private recipients(order: OrderForNotification, channels: readonly NotificationChannel[]): Array<{ channel: NotificationChannel; recipient: string }> {
    const out: Array<{ channel: NotificationChannel; recipient: string }> = [];
    const { email, phone } = order.customer;
    if (channels.includes('email') && email) {
      if (isEmailAddress(email)) out.push({ channel: 'email', recipient: email });
      else this.logger.warn(`Order ${order.number}: the e-mail address does not validate; no e-mail queued`);
    }
    if (channels.includes('sms') && phone) {
      const number = normalisePhone(phone);
      if (number.ok) out.push({ channel: 'sms', recipient: number.e164 });
      else this.logger.warn(`Order ${order.number}: the phone number ${number.reason}; no SMS queued`);
    }
    return out;
  }
}
