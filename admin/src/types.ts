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
export type StockMovementKind = ManualMovementKind | 'sale' | 'reservation' | 'release';

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
