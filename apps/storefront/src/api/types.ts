// The shapes of the public storefront API this shop reads (see /api/docs-json). Only the
// fields the shop uses are listed.

export type Locale = 'sv' | 'en';

export interface Store {
  readonly id: string;
  readonly name: string;
  readonly address: { readonly line1: string; readonly postalCode: string; readonly city: string };
  readonly timezone: string;
  readonly currency: string;
  readonly locale: Locale;
  readonly takingOrders: boolean;
}

export interface ModifierOption {
  readonly id: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly priceDelta: number;
}

export interface ModifierGroup {
  readonly id: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly minSelections: number;
  readonly maxSelections: number;
  readonly options: readonly ModifierOption[];
}

export interface Product {
  readonly id: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly descriptionSv: string;
  readonly descriptionEn: string;
  readonly imageUrl: string | null;
  readonly price: number;
  readonly available: boolean;
  readonly soldOut: boolean;
  readonly modifierGroups: readonly ModifierGroup[];
}

export interface Category {
  readonly id: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly parentId: string | null;
  readonly products: readonly Product[];
}

export interface Catalog {
  readonly storeId: string;
  readonly currency: string;
  readonly categories: readonly Category[];
}

export type SlotUnavailableReason = 'paused' | 'too-early' | 'too-far-ahead' | 'full';

export interface PickupSlot {
  readonly start: string;
  readonly end: string;
  readonly available: boolean;
  readonly reason: SlotUnavailableReason | null;
}

export interface PickupSlots {
  readonly slots: readonly PickupSlot[];
  readonly earliest: string | null;
  readonly busy: { readonly paused: boolean; readonly delayMinutes: number };
  readonly timezone: string;
}

export type PaymentMethod = 'test' | 'swish' | 'klarna' | 'card' | 'in_store';

export interface PaymentMethods {
  readonly methods: readonly PaymentMethod[];
}

/** What the customer does next to pay; providers add their own types (and fields) over time. */
export interface NextAction {
  readonly type: string;
  readonly [field: string]: unknown;
}

export type OrderStatus = 'pending_payment' | 'paid' | 'accepted' | 'preparing' | 'ready' | 'picked_up' | 'expired' | 'cancelled' | 'no_show';

export interface OrderLine {
  readonly productId: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly quantity: number;
  readonly lineTotal: number;
  readonly modifiers: ReadonlyArray<{ readonly nameSv: string; readonly nameEn: string }>;
  readonly note: string | null;
}

export interface Order {
  readonly id: string;
  readonly token: string;
  readonly number: string;
  readonly status: OrderStatus;
  readonly storeId: string;
  readonly pickup: { readonly start: string; readonly end: string; readonly asap: boolean };
  readonly customer: { readonly name: string; readonly email: string | null; readonly phone: string | null };
  readonly lines: readonly OrderLine[];
  readonly totals: { readonly subtotal: number; readonly discount: number; readonly total: number; readonly vat: ReadonlyArray<{ readonly rate: number; readonly amount: number }> };
  readonly currency: string;
  readonly payment: { readonly id: string; readonly method: PaymentMethod; readonly status: string; readonly nextAction: NextAction | null } | null;
  readonly holdExpiresAt: string | null;
  readonly cancellable: boolean;
}

export interface PickupPass {
  readonly code: string;
  readonly qr: string;
  readonly qrSvg: string;
}

export interface CheckoutRequest {
  readonly storeId: string;
  readonly items: ReadonlyArray<{ readonly productId: string; readonly quantity: number; readonly modifierOptionIds?: readonly string[]; readonly note?: string }>;
  readonly pickup: { readonly slotStart: string } | { readonly asap: true };
  readonly customer: { readonly name: string; readonly email?: string; readonly phone?: string };
  /** `payerPhone`: the Swish number to send the payment request to (e-commerce); without it the Swish app opens (m-commerce). */
  readonly payment: { readonly method: PaymentMethod; readonly payerPhone?: string };
  readonly locale: Locale;
}

/** Where the configured providers' own scripts are loaded from (`GET /payments/config`). */
export interface PaymentsConfig {
  readonly card: { readonly scriptUrl: string } | null;
  readonly klarna: { readonly scriptUrl: string } | null;
}
