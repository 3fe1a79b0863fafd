import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, type DataProvider, type RaRecord } from 'react-admin';
import {
  ADMIN_BASE,
  NOTIFICATION_PREVIEW_PATH,
  NOTIFICATION_SETTINGS_PATH,
  notificationResendPath,
  notificationTemplatePath,
  orderActionPath,
  orderPaymentsPath,
  orderRefundsPath,
  printJobPath,
  printerRotateTokenPath,
  stationActionPath,
  testPrintPath,
} from '../api-paths';
import type {
  BusyMode,
  StorePaymentMethods,
  CatalogImportResult,
  CloudPrntAddress,
  DayLoad,
  HandOverProof,
  OrderPayments,
  RefundInput,
  NotificationDetail,
  NotificationPreview,
  NotificationPreviewInput,
  NotificationSettings,
  NotificationSettingsInput,
  NotificationTemplate,
  OrderAction,
  OrderDetail,
  PickupSchedule,
  PrintJob,
  PrintJobPreview,
  PrintSettings,
  ProductOverride,
  Station,
  StationToken,
} from '../types';
import { httpClient } from './http-client';
import { toScheduleFormField, toScheduleInput, toScheduleRecord, type PickupScheduleRecord } from './pickup-schedule-form';

/** Pass as a list's sort where the API offers no sorting: the list then keeps the API's own order. */
export const API_ORDER = { field: '', order: 'ASC' } as const;

// ra-data-simple-rest always sends a sort; an empty field becomes no sort parameter at all.
const listClient: typeof httpClient = (url, options) => {
  const parsed = new URL(url, window.location.origin);
  if (parsed.searchParams.get('sort')?.startsWith('["",')) {
    parsed.searchParams.delete('sort');
    return httpClient(`${parsed.pathname}${parsed.search}`, options);
  }
  return httpClient(url, options);
};

const restProvider = simpleRestProvider(ADMIN_BASE, listClient);

const postJson = async <T>(path: string, body: unknown): Promise<T> => {
  const { json } = await httpClient(`${ADMIN_BASE}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return json as T;
};

const getJson = async <T>(path: string): Promise<T> => (await httpClient(`${ADMIN_BASE}${path}`)).json as T;

const putJson = async <T>(path: string, body: unknown): Promise<T> => {
  const { json } = await httpClient(`${ADMIN_BASE}${path}`, { method: 'PUT', body: JSON.stringify(body) });
  return json as T;
};

const deleteJson = async <T>(path: string): Promise<T> =>
  (await httpClient(`${ADMIN_BASE}${path}`, { method: 'DELETE' })).json as T;

const storePath = (storeId: string, rest: string) => `/stores/${encodeURIComponent(storeId)}/${rest}`;

/**
 * Pickup lists live under `/admin/stores/:storeId/…`. The store comes from the call's
 * `meta.storeId` (lists: `filter.storeId`, which the API does not take as a filter), else from
 * the record itself.
 */
const STORE_NESTED = new Set(['pickup-exceptions', 'capacity-rules']);

interface StoreCallParams {
  meta?: { storeId?: string };
  filter?: Record<string, unknown>;
  data?: unknown;
  previousData?: unknown;
}

const storeOf = (resource: string, params: StoreCallParams): string => {
  const fromRecord = (value: unknown): unknown =>
    typeof value === 'object' && value !== null ? (value as { storeId?: unknown }).storeId : undefined;
  const storeId = params.meta?.storeId ?? params.filter?.storeId ?? fromRecord(params.previousData) ?? fromRecord(params.data);
  if (typeof storeId !== 'string' || storeId === '') throw new Error(`${resource}: no store given for the call`);
  return storeId;
};

const nested = (resource: string, params: StoreCallParams) =>
  `stores/${encodeURIComponent(storeOf(resource, params))}/${resource}`;

/** The API's calls that are not one resource's CRUD. */
export interface KassaDataProvider extends DataProvider {
  /** The "86" button: sold out for the rest of the store's day, or back on sale. */
  markSoldOut: (params: { storeId: string; productId: string; soldOut: boolean }) => Promise<ProductOverride>;
  /** Checks (dryRun) or imports a catalogue CSV; a bad file is a 422 naming every bad row. */
  importCatalog: (params: { csv: string; dryRun: boolean }) => Promise<CatalogImportResult>;
  /** Moves an order on (accept, start, ready, hand over with the pickup code, no-show, cancel); answers the order as it now is. */
  orderAction: (params: OrderActionParams) => Promise<OrderDetail>;
  /** Every payment of an order with its log, and the refunds staff made. */
  orderPayments: (params: { id: string }) => Promise<OrderPayments>;
  /** Gives money back; a 4xx names the field (`amount`, `lines.0.quantity`, `reason`). */
  refundOrder: (params: { id: string; refund: RefundInput }) => Promise<unknown>;
  /** Renders a template as edited (not saved) with sample data; unknown placeholders are a 400 naming the field. */
  previewNotificationTemplate: (params: NotificationPreviewInput) => Promise<NotificationPreview>;
  /** Drops the organisation's own text: answers the template with Kassa's default. */
  restoreNotificationTemplate: (params: { id: string }) => Promise<NotificationTemplate>;
  /** Sends a notification again; answers the new notification. */
  resendNotification: (params: { id: string }) => Promise<NotificationDetail>;
  /** A new device token for the station (shown once); the station on the old one is cut off. */
  rotateStationToken: (params: { id: string }) => Promise<StationToken>;
  /** Refuses the station's token for good. */
  revokeStation: (params: { id: string }) => Promise<Station>;
  /** A new CloudPRNT URL for the printer (shown once); the old one stops working. */
  rotatePrinterToken: (params: { id: string }) => Promise<CloudPrntAddress>;
  /** Queues a test page on the printer; answers the job. */
  testPrint: (params: { printerId: string }) => Promise<PrintJob>;
  /** The job as it comes out of the printer. */
  previewPrintJob: (params: { id: string }) => Promise<PrintJobPreview>;
  /** Prints the job again, marked as a copy; a second copy of a customer receipt is a 409. */
  reprintPrintJob: (params: { id: string }) => Promise<PrintJob>;
  /** Sends a held job (one that waited out a long outage) to its printer. */
  releasePrintJob: (params: { id: string }) => Promise<PrintJob>;
  /** Moves the job to another printer of the store. */
  reroutePrintJob: (params: { id: string; printerId: string }) => Promise<PrintJob>;
}

export type OrderActionParams =
  | { id: string; action: Exclude<OrderAction, 'hand_over' | 'cancel'> }
  | { id: string; action: 'hand_over'; proof: HandOverProof }
  | { id: string; action: 'cancel'; reason?: string };

const orderActionBody = (params: OrderActionParams): object => {
  switch (params.action) {
    case 'hand_over':
      return params.proof;
    case 'cancel':
      return params.reason ? { reason: params.reason } : {};
    default:
      return {};
  }
};

/**
 * One-per-store settings read with getOne and written with update, the store's id as the
 * record id: `pickup-schedule` (the form's shape, see pickup-schedule-form.ts) and `busy-mode`.
 * `pickup-load` is a day's slots with their load: id = the date, `meta.storeId` the store.
 * `notification-settings` is one per organisation: any id reads and writes it.
 * `print-settings` is one per store (receipt footer, hold-after minutes).
 * `store-payment-methods` is one per store: the methods configured here and those it offers.
 */
const singletons: DataProvider = {
  ...restProvider,
  getOne: async (resource, params) => {
    if (resource === 'pickup-schedule') {
      const schedule = await getJson<PickupSchedule>(storePath(String(params.id), 'pickup-schedule'));
      return { data: toScheduleRecord(schedule) } as never;
    }
    if (resource === 'busy-mode') {
      const busy = await getJson<BusyMode>(storePath(String(params.id), 'busy-mode'));
      return { data: { ...busy, id: busy.storeId } } as never;
    }
    if (resource === 'store-payment-methods') {
      const methods = await getJson<StorePaymentMethods>(storePath(String(params.id), 'payment-methods'));
      return { data: { ...methods, id: methods.storeId } } as never;
    }
    if (resource === 'pickup-load') {
      const date = encodeURIComponent(String(params.id));
      const load = await getJson<DayLoad>(storePath(storeOf(resource, params), `pickup-load?date=${date}`));
      return { data: { ...load, id: load.date } } as never;
    }
    if (resource === 'notification-settings') {
      const settings = await getJson<NotificationSettings>(NOTIFICATION_SETTINGS_PATH);
      return { data: { ...settings, id: String(params.id) } } as never;
    }
    if (resource === 'print-settings') {
      const settings = await getJson<PrintSettings>(storePath(String(params.id), 'print-settings'));
      return { data: { ...settings, id: String(params.id) } } as never;
    }
    if (STORE_NESTED.has(resource)) return restProvider.getOne(nested(resource, params), params);
    return restProvider.getOne(resource, params);
  },
  update: async (resource, params) => {
    if (resource === 'pickup-schedule') {
      const { input, origins } = toScheduleInput(params.data as Partial<PickupScheduleRecord>);
      try {
        const schedule = await putJson<PickupSchedule>(storePath(String(params.id), 'pickup-schedule'), input);
        return { data: toScheduleRecord(schedule) } as never;
      } catch (error) {
        throw scheduleErrorForForm(error, origins);
      }
    }
    if (resource === 'store-payment-methods') {
      const { enabled } = params.data as Partial<StorePaymentMethods>;
      const methods = await putJson<StorePaymentMethods>(storePath(String(params.id), 'payment-methods'), { methods: enabled });
      return { data: { ...methods, id: methods.storeId } } as never;
    }
    if (resource === 'busy-mode') {
      const { paused, delayMinutes } = params.data as Partial<BusyMode>;
      const busy = await putJson<BusyMode>(storePath(String(params.id), 'busy-mode'), { paused, delayMinutes });
      return { data: { ...busy, id: busy.storeId } } as never;
    }
    if (resource === 'notification-settings') {
      const { smsProvider, customerChannels, staffAlertsToManagers, staffAlertEmails } = params.data as Partial<NotificationSettings>;
      const input: NotificationSettingsInput = { smsProvider, customerChannels, staffAlertsToManagers, staffAlertEmails };
      const settings = await putJson<NotificationSettings>(NOTIFICATION_SETTINGS_PATH, input);
      return { data: { ...settings, id: String(params.id) } } as never;
    }
    if (resource === 'print-settings') {
      const { receiptFooter, holdAfterMinutes } = params.data as Partial<PrintSettings>;
      const settings = await putJson<PrintSettings>(storePath(String(params.id), 'print-settings'), { receiptFooter, holdAfterMinutes });
      return { data: { ...settings, id: String(params.id) } } as never;
    }
    if (STORE_NESTED.has(resource)) return restProvider.update(nested(resource, params), params);
    return restProvider.update(resource, params);
  },
};

/** The API names schedule fields `weeklyHours.N.…`; the form shows them per weekday. */
const scheduleErrorForForm = (error: unknown, origins: Parameters<typeof toScheduleFormField>[1]): unknown => {
  if (!(error instanceof HttpError)) return error;
  const body = error.body as { errors?: Record<string, unknown> } | undefined;
  if (!body?.errors) return error;
  const errors = Object.fromEntries(
    Object.entries(body.errors).map(([field, reason]) => [toScheduleFormField(field, origins), reason]),
  );
  return new HttpError(error.message, error.status, { ...body, errors });
};

const withoutStoreFilter = <P extends { filter?: Record<string, unknown> }>(params: P): P => {
  if (!params.filter || !('storeId' in params.filter)) return params;
  const { storeId: _storeId, ...filter } = params.filter;
  return { ...params, filter };
};

export const dataProvider: KassaDataProvider = {
  ...singletons,
  getList: (resource, params) =>
    STORE_NESTED.has(resource)
      ? restProvider.getList(nested(resource, params), withoutStoreFilter(params))
      : restProvider.getList(resource, params),
  getMany: (resource, params) =>
    STORE_NESTED.has(resource) ? restProvider.getMany(nested(resource, params), params) : restProvider.getMany(resource, params),
  create: <T extends RaRecord>(resource: string, params: Parameters<DataProvider['create']>[1]) =>
    STORE_NESTED.has(resource)
      ? restProvider.create<T>(nested(resource, params), params)
      : restProvider.create<T>(resource, params),
  delete: (resource, params) =>
    STORE_NESTED.has(resource) ? restProvider.delete(nested(resource, params), params) : restProvider.delete(resource, params),
  markSoldOut: ({ storeId, productId, soldOut }) =>
    postJson<ProductOverride>(
      `/stores/${encodeURIComponent(storeId)}/products/${encodeURIComponent(productId)}/sold-out`,
      { soldOut },
    ),
  importCatalog: ({ csv, dryRun }) => postJson<CatalogImportResult>('/catalog/import', { csv, dryRun }),
  orderAction: (params) => postJson<OrderDetail>(orderActionPath(params.id, params.action), orderActionBody(params)),
  orderPayments: ({ id }) => getJson<OrderPayments>(orderPaymentsPath(id)),
  refundOrder: ({ id, refund }) => postJson<unknown>(orderRefundsPath(id), refund),
  previewNotificationTemplate: (params) => postJson<NotificationPreview>(NOTIFICATION_PREVIEW_PATH, params),
  restoreNotificationTemplate: ({ id }) => deleteJson<NotificationTemplate>(notificationTemplatePath(id)),
  resendNotification: ({ id }) => postJson<NotificationDetail>(notificationResendPath(id), {}),
  rotateStationToken: ({ id }) => postJson<StationToken>(stationActionPath(id, 'rotate-token'), {}),
  revokeStation: ({ id }) => postJson<Station>(stationActionPath(id, 'revoke'), {}),
  rotatePrinterToken: ({ id }) => postJson<CloudPrntAddress>(printerRotateTokenPath(id), {}),
  testPrint: ({ printerId }) => postJson<PrintJob>(testPrintPath(printerId), {}),
  previewPrintJob: ({ id }) => getJson<PrintJobPreview>(printJobPath(id, 'preview')),
  reprintPrintJob: ({ id }) => postJson<PrintJob>(printJobPath(id, 'reprint'), {}),
  releasePrintJob: ({ id }) => postJson<PrintJob>(printJobPath(id, 'release'), {}),
  reroutePrintJob: ({ id, printerId }) => postJson<PrintJob>(printJobPath(id, 'reroute'), { printerId }),
};
