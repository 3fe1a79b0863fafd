import { Inject, Injectable } from '@nestjs/common';
import { StaffActor } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import * as QRCode from 'qrcode';
import { NotificationsClock } from '../notifications.clock';
import { NotificationsError } from '../notifications.errors';
import { NOTIFICATIONS_OPTIONS, NotificationsOptions } from '../notifications.options';
import { channelsOf, NotificationChannel, NotificationKind, NotificationLocale } from '../notification.types';
import { ComposedMessage, composeMessage } from './message-composer';
import { formatAmount, formatPickupTime, layoutOf, statusUrl, storeInfo, StoreInfo } from './message-values';
import { TemplateInput, templateProblems } from './notification-templates.service';
import { TemplateContext } from './template-renderer';

const SAMPLE_ORDER_ID = '00000000-0000-4000-8000-000000000042';

/** Renders a template being edited with a made-up order at the caller's first store, before it is saved. */
@Injectable()
export class TemplatePreview {
  constructor(
    private readonly stores: StoresService,
    private readonly clock: NotificationsClock,
    @Inject(NOTIFICATIONS_OPTIONS) private readonly options: NotificationsOptions,
  ) {}

  async render(actor: StaffActor, input: TemplateInput & { kind: NotificationKind; channel: NotificationChannel; locale: NotificationLocale }): Promise<ComposedMessage> {
    if (!channelsOf(input.kind).includes(input.channel)) {
      throw NotificationsError.invalidTemplate([{ field: 'channel', reason: `${input.kind} is sent by ${channelsOf(input.kind).join(' and ')} only` }]);
    }
    const problems = templateProblems(input, input);
    if (problems.length > 0) throw NotificationsError.invalidTemplate(problems);
    const [first] = (await this.stores.list({ offset: 0, limit: 1, sort: { field: 'name', order: 'ASC' }, filter: {} })).items;
    if (!first || first.organisationId !== actor.organisationId) throw NotificationsError.invalidTemplate([{ field: 'storeId', reason: 'you have no store to preview with' }]);
    const store = storeInfo(first);
    const qr = await QRCode.toDataURL(`KP1.sample.${SAMPLE_ORDER_ID}`, { margin: 2, errorCorrectionLevel: 'M', width: 360 });
    return composeMessage({
      kind: input.kind,
      channel: input.channel,
      locale: input.locale,
      template: { subject: input.channel === 'email' ? (input.subject ?? '') : null, body: input.body },
      values: this.sample(store, input.locale),
      ...layoutOf(store),
      qrSrc: qr,
    });
  }

  /** Åsa Öberg's order of two cinnamon buns and a cappuccino, for pickup in an hour. */
  private sample(store: StoreInfo, locale: NotificationLocale): TemplateContext {
    const en = locale === 'en';
    const quarter = 15 * 60_000;
    const start = new Date(Math.ceil((this.clock.now().getTime() + 60 * 60_000) / quarter) * quarter);
    const end = new Date(start.getTime() + quarter);
    const money = (amount: number) => formatAmount(amount, 'SEK', locale);
    return {
      customerName: 'Åsa Öberg',
      orderNumber: 'A-042',
      storeName: store.name,
      storeAddress: store.address,
      storePhone: store.phone,
      pickupTime: formatPickupTime(start, end, store.timezone, locale),
      pickupCode: 'K7MX4P',
      statusUrl: statusUrl(this.options.publicUrl, { id: SAMPLE_ORDER_ID, token: 'exempel' }),
      total: money(11200),
      itemCount: 3,
      items: [
        { name: en ? 'Cinnamon bun' : 'Kanelbulle', options: '', quantity: 2, price: money(7000), note: en ? 'Warm, please' : 'Värm gärna' },
        { name: 'Cappuccino', options: en ? 'Oat milk' : 'Havremjölk', quantity: 1, price: money(4200), note: null },
      ],
      minutesBefore: this.options.reminderMinutes,
      delayMinutes: 15,
      reason: en ? 'We ran out of cinnamon buns' : 'Kanelbullarna tog slut',
      refundAmount: money(11200),
      alertTitle: en ? 'Low stock: Cinnamon bun' : 'Lågt lager: Kanelbulle',
      alertText: en ? 'Cinnamon bun (BAK-KANELBULLE) is down to 3, at or below its threshold of 5. Reorder up to 40.' : 'Kanelbulle (BAK-KANELBULLE) är nere i 3, vid eller under gränsen 5. Fyll på upp till 40.',
      adminUrl: `${this.options.publicUrl.replace(/\/+$/, '')}/admin`,
    };
  }
}
