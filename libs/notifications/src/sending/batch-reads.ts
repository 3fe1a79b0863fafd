import type { OrderNotificationState } from '@kassa/orders';
import { StoresService } from '@kassa/stores';
import { OrderDirectory } from '../order-directory';
import { EffectiveSettings, NotificationSettingsService } from '../settings/notification-settings.service';
import { StoreInfo, storeInfo } from '../templates/message-values';

/**
 * What the messages of one claimed batch are checked against and sent with, each read at most
 * once for the batch: the orders in one statement, an organisation's settings and a store once
 * however many of its messages are in the batch. Reads are made when a message first needs them,
 * so a failed read fails (and retries) the messages that needed it, as a read of their own would.
 */
export class BatchReads {
  private orderStates?: Promise<Map<string, OrderNotificationState>>;
  private readonly settingsByOrganisation = new Map<string, Promise<EffectiveSettings>>();
  private readonly storesById = new Map<string, Promise<StoreInfo>>();

  constructor(
    private readonly orderIds: readonly string[],
    private readonly orders: OrderDirectory,
    private readonly settings: NotificationSettingsService,
    private readonly stores: StoresService,
  ) {}

  /** The order as it is now, or null when it no longer exists. */
  async order(orderId: string): Promise<OrderNotificationState | null> {
    this.orderStates ??= this.orders.notificationStates(this.orderIds);
    return (await this.orderStates).get(orderId) ?? null;
  }

  organisationSettings(organisationId: string): Promise<EffectiveSettings> {
    return once(this.settingsByOrganisation, organisationId, () => this.settings.effective(organisationId));
  }

  store(storeId: string): Promise<StoreInfo> {
    return once(this.storesById, storeId, async () => storeInfo(await this.stores.get(storeId)));
  }
}

function once<T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = read();
    cache.set(key, value);
  }
  return value;
}
