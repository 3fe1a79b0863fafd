/** Shapes of the Kassa admin API (`/api/v1/auth`, `/api/v1/admin`) as the console uses them. */

export type Role = 'owner' | 'manager' | 'staff';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  storeIds: string[];
}

export interface AuthSession {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: SessionUser;
}

export interface ApiErrorDetail {
  field: string;
  reason: string;
}

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: ApiErrorDetail[];
}

export interface Store {
  id: string;
  organisationId: string;
  name: string;
  slug: string;
  organisationNumber: string;
  addressLine1: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
  country: string;
  phone: string | null;
  email: string | null;
  timezone: string;
  currency: string;
  locale: 'sv' | 'en';
  acceptingOrders: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface User {
  id: string;
  organisationId: string;
  email: string;
  name: string;
  role: Role;
  storeIds: string[];
  active: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

/** Money is integer minor units (öre); the console shows and edits kronor. */
export type VatRate = 25 | 12 | 6 | 0;
export type SalesChannel = 'online' | 'pos';
export type StockUnit = 'pcs' | 'g' | 'ml';

export interface Category {
  id: string;
  nameSv: string;
  nameEn: string;
  parentId: string | null;
  position: number;
  active: boolean;
}

export interface RecipeIngredient {
  stockItemId: string;
  quantity: number;
}

export type ProductStock =
  | { mode: 'untracked' }
  | { mode: 'tracked'; allowBackorder: boolean }
  | { mode: 'recipe'; ingredients: RecipeIngredient[] };

export type StockMode = ProductStock['mode'];

export interface Product {
  id: string;
  sku: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  categoryId: string | null;
  imageUrl: string | null;
  price: number;
  currency: string;
  vatRate: VatRate;
  barcode: string | null;
  prepMinutes: number;
  prepMinutesPerExtraUnit: number | null;
  channels: SalesChannel[];
  active: boolean;
  modifierGroupIds: string[];
  stock: ProductStock;
}

export interface ModifierOption {
  id?: string;
  nameSv: string;
  nameEn: string;
  priceDelta: number;
  active: boolean;
}

export interface ModifierGroup {
  id: string;
  nameSv: string;
  nameEn: string;
  minSelections: number;
  maxSelections: number;
  options: ModifierOption[];
}

export interface ProductOverride {
  id: string;
  storeId: string;
  productId: string;
  price: number | null;
  available: boolean;
  listed: boolean;
  /** The store's local date the product is sold out for ("86"), or null. */
  soldOutDate: string | null;
}

export interface CatalogImportResult {
  created: number;
  updated: number;
  rows: number;
}

export interface StockItem {
  id: string;
  sku: string;
  name: string;
  unit: StockUnit;
  productId: string | null;
  allowBackorder: boolean;
  createdAt: string;
}

export interface StockLevel {
  id: string;
  storeId: string;
  stockItemId: string;
  sku: string;
  name: string;
  unit: StockUnit;
  onHand: number;
  reserved: number;
  available: number;
  /** 0 means no threshold. */
  lowStockThreshold: number;
  parLevel: number;
  low: boolean;
}

/** What staff record by hand; the others come from sales and holds. */
export type ManualMovementKind = 'adjustment' | 'delivery' | 'waste' | 'count';
export type StockMovementKind = ManualMovementKind | 'sale' | 'reservation' | 'release' | 'return';

export interface StockMovement {
  id: string;
  storeId: string;
  stockItemId: string;
  kind: StockMovementKind;
  quantity: number;
  reservedDelta: number;
  onHandAfter: number;
  reason: string;
  holdId: string | null;
  userId: string | null;
  createdAt: string;
}

export interface ReorderSuggestion {
  id: string;
  storeId: string;
  stockItemId: string;
  sku: string;
  name: string;
  unit: StockUnit;
  available: number;
  lowStockThreshold: number;
  parLevel: number;
  suggestedQuantity: number;
}

/** Pickup (libs/slots): local wall-clock times `HH:MM` in the store's time zone; `24:00` is midnight. */
export interface ClockWindow {
  start: string;
  end: string;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export interface WeeklyWindow extends ClockWindow {
  weekday: number;
}

/** What one slot may take; null means no limit (on a capacity rule: the default's). */
export interface PickupCapacity {
  maxOrders: number | null;
  maxItems: number | null;
  maxKitchenMinutes: number | null;
}

export type SlotLength = 5 | 10 | 15 | 30;

export interface PickupSchedule extends PickupCapacity {
  storeId: string;
  timezone: string;
  /** False while the store runs on the defaults. */
  configured: boolean;
  slotMinutes: SlotLength;
  leadMinutes: number;
  daysAhead: number;
  cutoffMinutes: number;
  weeklyHours: WeeklyWindow[];
}

export type PickupScheduleInput = Omit<PickupSchedule, 'storeId' | 'timezone' | 'configured'>;

export interface PickupException {
  id: string;
  storeId: string;
  /** Store-local date YYYY-MM-DD. */
  date: string;
  closed: boolean;
  windows: ClockWindow[];
  note: string | null;
}

export interface CapacityRule extends PickupCapacity, ClockWindow {
  id: string;
  storeId: string;
  weekday: number | null;
  date: string | null;
}

/** GET/PUT /admin/stores/:storeId/payment-methods: what this server could offer there, and what the store does. */
export interface StorePaymentMethods {
  storeId: string;
  available: string[];
  enabled: string[];
  /** False while the store offers everything configured. */
  chosen: boolean;
}

export interface BusyMode {
  storeId: string;
  paused: boolean;
  /** Every pickup pushed back this long, in 15-minute steps. */
  delayMinutes: number;
  updatedAt: string | null;
}

export interface SlotBookedLoad {
  orders: number;
  items: number;
  kitchenMinutes: number;
}

export interface SlotLoad {
  /** ISO 8601 with the store's offset. */
  start: string;
  end: string;
  booked: SlotBookedLoad;
  capacity: PickupCapacity;
  activeHolds: number;
  confirmedHolds: number;
}

export interface DayLoad {
  date: string;
  timezone: string;
  busy: Pick<BusyMode, 'paused' | 'delayMinutes'>;
  slots: SlotLoad[];
}

/** Orders (libs/orders): where an order is in its life. */
export type OrderStatus =
  | 'pending_payment'
  | 'paid'
  | 'accepted'
  | 'preparing'
  | 'ready'
  | 'picked_up'
  | 'expired'
  | 'cancelled'
  | 'no_show';

/** What staff may do to an order; the detail lists those open to the signed-in user. */
export type OrderAction = 'accept' | 'start' | 'ready' | 'hand_over' | 'no_show' | 'cancel';

export interface OrderPickup {
  /** ISO 8601 with the store's offset. */
  start: string;
  end: string;
  /** "As soon as possible": start/end are the estimate. */
  asap: boolean;
}

export interface OrderCustomer {
  name: string;
  email: string | null;
  phone: string | null;
}

/** One row of the admin order list; money in minor units. */
export interface OrderSummary {
  id: string;
  storeId: string;
  number: string;
  status: OrderStatus;
  pickup: OrderPickup;
  customer: OrderCustomer;
  total: number;
  currency: string;
  itemCount: number;
  paymentMethod: string | null;
  paymentStatus: string | null;
  createdAt: string;
  /** Until when an unpaid checkout keeps its slot and stock. */
  holdExpiresAt: string | null;
}

export interface OrderLineModifier {
  optionId: string;
  nameSv: string;
  nameEn: string;
  priceDelta: number;
}

export interface OrderLine {
  /** The line's id: a refund names it. */
  id: string;
  productId: string;
  sku: string;
  nameSv: string;
  nameEn: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  /** Percent, e.g. 12. */
  vatRate: number;
  modifiers: OrderLineModifier[];
  note: string | null;
}

export interface OrderVatLine {
  rate: number;
  base: number;
  amount: number;
}

export interface OrderTotals {
  subtotal: number;
  discount: number;
  vat: OrderVatLine[];
  total: number;
}

export interface OrderPayment {
  id: string;
  method: string;
  status: string;
  nextAction: unknown;
}

export type OrderActorKind = 'customer' | 'staff' | 'station' | 'system';

export interface OrderTimelineEntry {
  at: string;
  /** Null for the order's first state. */
  from: OrderStatus | null;
  to: OrderStatus;
  actor: { kind: OrderActorKind; id: string | null; name: string | null };
  reason: string | null;
}

export interface OrderDetail extends OrderSummary {
  lines: OrderLine[];
  totals: OrderTotals;
  payment: OrderPayment | null;
  timeline: OrderTimelineEntry[];
  pickupCodeFailures: number;
  allowedActions: OrderAction[];
}

/** One entry of a payment's log (status change, provider call, refund); references only, never secrets. */
export interface PaymentEvent {
  id: string;
  kind: string;
  fromStatus: string | null;
  toStatus: string;
  /** Öre: the payment's amount, or what a refund gave back. */
  amount: number;
  providerReference: string | null;
  /** `system`, `customer`, `staff:<userId>` or `provider:<method>`. */
  actor: string;
  reason: string | null;
  at: string;
}

export interface PaymentHistory {
  id: string;
  method: string;
  status: string;
  amount: number;
  refundedAmount: number;
  /** Öre still refundable (0 unless captured or partly refunded). */
  refundable: number;
  currency: string;
  providerReference: string | null;
  events: PaymentEvent[];
}

export interface OrderRefund {
  id: string;
  paymentId: string;
  amount: number;
  currency: string;
  lines: Array<{ lineId: string; quantity: number; amount: number }>;
  reason: string;
  restocked: boolean;
  actorName: string | null;
  createdAt: string;
}

/** `GET /admin/orders/:id/payments`. */
export interface OrderPayments {
  payments: PaymentHistory[];
  refunds: OrderRefund[];
}

/** `POST /admin/orders/:id/refunds`: an amount (öre) or lines; left out = everything still refundable. */
export interface RefundInput {
  amount?: number;
  lines?: Array<{ lineId: string; quantity: number }>;
  reason: string;
  restock?: boolean;
}

/** The hand-over proof: the six characters the customer shows, or the scanned QR payload. */
export type HandOverProof = { code: string } | { qr: string };

/** Notifications (libs/notifications): what a message is about. */
export type NotificationKind =
  | 'order_confirmed'
  | 'order_reminder'
  | 'order_ready'
  | 'order_delayed'
  | 'order_cancelled'
  | 'order_expired'
  | 'order_refunded'
  | 'staff_alert';

export type NotificationChannel = 'email' | 'sms';

/** `logged`: no provider is configured (the embedded demo), so the message went to the log instead of out. */
export type NotificationStatus = 'scheduled' | 'queued' | 'sending' | 'sent' | 'failed' | 'logged' | 'skipped';

/** One row of the notification log; the recipient comes masked from the API. */
export interface NotificationSummary {
  id: string;
  storeId: string | null;
  orderId: string | null;
  orderNumber: string | null;
  kind: NotificationKind;
  channel: NotificationChannel;
  recipient: string;
  locale: string;
  subject: string | null;
  status: NotificationStatus;
  attempts: number;
  provider: string | null;
  providerMessageId: string | null;
  error: string | null;
  scheduledFor: string | null;
  /** While queued or scheduled: when a worker takes it next (a retry's time). */
  nextAttemptAt: string | null;
  /** A resend: the notification it repeats. */
  resentFrom: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** The detail adds what was (or would have been) sent. */
export interface NotificationDetail extends NotificationSummary {
  text: string;
  html: string | null;
}

/** A message text per kind, channel and language; `id` is `<kind>.<channel>.<locale>`. */
export interface NotificationTemplate {
  id: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  locale: string;
  /** Null for SMS. */
  subject: string | null;
  body: string;
  /** False while the organisation uses Kassa's default text. */
  customised: boolean;
  /** The `{{name}}` placeholders the text may use; `items` is the list of order lines. */
  placeholders: string[];
  /** The fields inside `{{#items}}…{{/items}}`. */
  itemPlaceholders: string[];
  updatedAt: string | null;
}

export interface NotificationTemplateInput {
  subject?: string;
  body: string;
}

export interface NotificationPreviewInput extends NotificationTemplateInput {
  kind: NotificationKind;
  channel: NotificationChannel;
  locale: string;
}

/** A template rendered with sample data. */
export interface NotificationPreview {
  subject: string | null;
  text: string;
  html: string | null;
}

export type SmsProvider = 'none' | '46elks' | 'twilio';

export interface NotificationSettings {
  smsProvider: SmsProvider;
  /** Which SMS providers the server has credentials for. */
  smsAvailable: Record<Exclude<SmsProvider, 'none'>, boolean>;
  /** Whether the server has an SMTP server (else e-mails are logged, not sent). */
  emailAvailable: boolean;
  customerChannels: NotificationChannel[];
  /** Staff alerts go to the owners and the store's managers. */
  staffAlertsToManagers: boolean;
  /** Further addresses that get every staff alert. */
  staffAlertEmails: string[];
  /** Minutes before pickup that reminders go out (server setting; 0 = none). */
  reminderMinutes: number;
}

/** What PUT takes; fields left out stay as they are. */
export type NotificationSettingsInput = Partial<Pick<NotificationSettings, 'smsProvider' | 'customerChannels' | 'staffAlertsToManagers' | 'staffAlertEmails'>>;

/** Printing (libs/printing): a printer as its station reports it. */
export interface StationPrinterStatus {
  id: string;
  name: string;
  online: boolean;
  /** "paper out", "offline", … or null while the printer is fine. */
  lastError: string | null;
  /** Jobs waiting to be printed on it. */
  queueLength: number;
}

/** A station: the agent next to a store's printers, known by its device token. */
export interface Station {
  id: string;
  storeId: string;
  name: string;
  connected: boolean;
  lastSeenAt: string | null;
  /** The token's last characters, to tell tokens apart; the token itself is shown once. */
  tokenHint: string | null;
  revoked: boolean;
  createdAt: string;
  printers: StationPrinterStatus[];
}

/** The device token, in the answer to registering a station or rotating its token only. */
export interface StationToken {
  token: string;
}

/** A CloudPRNT printer's server URL (with its secret token), handed out once. */
export interface CloudPrntAddress {
  token: string;
  url: string;
}

export type PrinterRole = 'receipt' | 'kitchen';
export type PaperWidth = 58 | 80;
/** 58 mm paper has 32 columns; 80 mm has 48 (font A) or 42. */
export type PrinterColumns = 32 | 42 | 48;
export type PrinterLanguage = 'escpos' | 'starprnt';
/** `agent`: through a station; `cloudprnt`: a Star printer that polls Kassa itself. */
export type PrinterConnection = 'agent' | 'cloudprnt';

export interface Printer {
  id: string;
  storeId: string;
  stationId: string | null;
  name: string;
  roles: PrinterRole[];
  /** Kitchen routing: the categories whose items this printer's kitchen tickets carry (none: every category). */
  categoryIds: string[];
  paperWidth: PaperWidth;
  columns: PrinterColumns;
  language: PrinterLanguage;
  codepage: string;
  cashDrawer: boolean;
  connection: PrinterConnection;
  /** CloudPRNT printers: the last 4 characters of the token in the URL the printer polls. */
  cloudprntTokenHint?: string | null;
  fallbackPrinterId: string | null;
  online: boolean;
  lastError: string | null;
  lastSeenAt: string | null;
  queueLength: number;
}

export type PrintJobStatus = 'queued' | 'sent' | 'printed' | 'failed' | 'held';
export type PrintJobKind = 'receipt' | 'kitchen' | 'test';

export interface PrintJob {
  id: string;
  storeId: string;
  printerId: string;
  /** Null once the printer is deleted. */
  printerName: string | null;
  orderId: string | null;
  orderNumber: string | null;
  kind: PrintJobKind;
  /** Per printer, in the order the printer gets its jobs. */
  sequence: number;
  status: PrintJobStatus;
  attempts: number;
  /** A reprint, printed with "KOPIA". */
  copy: boolean;
  createdAt: string;
  sentAt: string | null;
  printedAt: string | null;
  error: string | null;
  /** The customer receipt's number (gapless per store); copies repeat it. */
  receiptNumber: number | null;
  /** The printer the job was first meant for, when it was re-routed. */
  reroutedFrom: string | null;
}

/** The job as it comes out of the printer: plain text and an HTML picture of the paper. */
export interface PrintJobPreview {
  text: string;
  html: string;
}

/** One per store. */
export interface PrintSettings {
  receiptFooter: string;
  /** Jobs older than this when their printer comes back wait for staff to release them (1–1440). */
  holdAfterMinutes: number;
}

/** An `order` event of the `/stations` namespace: enough to draw the order on the board. */
export interface OrderBoardEvent {
  type?: string;
  orderId: string;
  storeId: string;
  number: string;
  status: OrderStatus;
  previousStatus: OrderStatus | null;
  pickup: OrderPickup;
  customer: { name: string; email?: string | null; phone?: string | null };
  items: { name: string; quantity: number; note: string | null }[];
  total: number;
  currency: string;
  paymentMethod: string | null;
}

/** A `printer-status` event (a `station-status` event carries `stationId` and its printers). */
export interface PrinterStatusEvent {
  printerId?: string;
  stationId?: string;
  storeId?: string;
  name?: string;
  online?: boolean;
  connected?: boolean;
  lastError?: string | null;
  printers?: StationPrinterStatus[];
}
