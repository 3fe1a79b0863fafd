import { CatalogErrorCode } from '../catalog.errors';

export type SalesChannel = 'online' | 'pos';
export const SALES_CHANNELS: readonly SalesChannel[] = ['online', 'pos'];

export interface PricingOption {
  readonly id: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly priceDelta: number;
  readonly active: boolean;
}

export interface PricingModifierGroup {
  readonly id: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly minSelections: number;
  readonly maxSelections: number;
  readonly options: readonly PricingOption[];
}

export interface PricingCategory {
  readonly id: string;
  readonly nameSv: string;
  readonly nameEn: string;
}

/** What pricing needs to know about a product, modifier groups in the order they are attached. */
export interface PricingProduct {
  readonly id: string;
  readonly sku: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly category: PricingCategory | null;
  readonly price: number;
  /** Basis points: 1200 = 12 %. */
  readonly vatRate: number;
  readonly prepMinutes: number;
  readonly prepMinutesPerExtraUnit: number | null;
  readonly channels: readonly SalesChannel[];
  readonly active: boolean;
  readonly modifierGroups: readonly PricingModifierGroup[];
}

/** A store's word on a product; no override means: listed, available, base price. */
export interface PricingOverride {
  readonly price: number | null;
  readonly available: boolean;
  readonly listed: boolean;
  /** The store-local date (YYYY-MM-DD) the product was marked sold out ("86"). */
  readonly soldOutDate: string | null;
}

export interface LineRequest {
  readonly productId: string;
  readonly quantity: number;
  readonly modifierOptionIds?: readonly string[];
}

export interface ChosenModifier {
  readonly groupId: string;
  readonly optionId: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly priceDelta: number;
}

export interface PricedLineValues {
  readonly productId: string;
  readonly sku: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly category: PricingCategory | null;
  readonly quantity: number;
  /** Minor units, VAT included. */
  readonly unitPrice: number;
  readonly lineTotal: number;
  /** Basis points. */
  readonly vatRate: number;
  readonly modifiers: readonly ChosenModifier[];
  /** Kitchen minutes for the whole quantity. */
  readonly prepMinutes: number;
}

export interface PricingProblem {
  readonly code: CatalogErrorCode.PRODUCT_UNAVAILABLE | CatalogErrorCode.INVALID_MODIFIERS | CatalogErrorCode.INVALID_QUANTITY;
  readonly field: string;
  readonly reason: string;
}

export type LineOutcome = { readonly ok: true; readonly line: PricedLineValues } | { readonly ok: false; readonly problems: PricingProblem[] };

export interface PricingContext {
  /** Today in the store's time zone, YYYY-MM-DD. */
  readonly today: string;
  readonly channel?: SalesChannel;
}

/** Whether the store sells the product right now; a reason when it does not. */
export function unavailableReason(
  product: PricingProduct | undefined,
  override: PricingOverride | undefined,
  context: PricingContext,
): string | undefined {
  if (!product) return 'does not exist';
  if (!product.active) return 'is no longer sold';
  if (override && !override.listed) return 'is not sold at this store';
  if (override && !override.available) return 'is not available at this store';
  if (override?.soldOutDate === context.today) return 'is sold out today';
  if (context.channel && !product.channels.includes(context.channel)) return `is not sold ${context.channel === 'online' ? 'online' : 'at the counter'}`;
  return undefined;
}

/** Kitchen time grows with quantity: the first unit takes prepMinutes, each extra one perExtraUnit. */
export function prepMinutesFor(product: Pick<PricingProduct, 'prepMinutes' | 'prepMinutesPerExtraUnit'>, quantity: number): number {
  return product.prepMinutes + (quantity - 1) * (product.prepMinutesPerExtraUnit ?? 0);
}

/**
 * Prices one cart line on the server: (store price ?? base price) + the chosen options' deltas,
 * times the quantity. Every modifier rule is checked; a unit price never goes below zero, so a
 * large negative option cannot turn a sale into a payout.
 */
export function priceLine(
  index: number,
  request: LineRequest,
  product: PricingProduct | undefined,
  override: PricingOverride | undefined,
  context: PricingContext,
): LineOutcome {
  const prefix = `items.${index}`;
  if (!Number.isSafeInteger(request.quantity) || request.quantity < 1) {
    return { ok: false, problems: [{ code: CatalogErrorCode.INVALID_QUANTITY, field: `${prefix}.quantity`, reason: 'must be a whole number of at least 1' }] };
  }
  const unavailable = unavailableReason(product, override, context);
  if (unavailable || !product) {
    return { ok: false, problems: [{ code: CatalogErrorCode.PRODUCT_UNAVAILABLE, field: `${prefix}.productId`, reason: unavailable ?? 'does not exist' }] };
  }
  const field = `${prefix}.modifierOptionIds`;
  const problems: PricingProblem[] = [];
  const refuse = (reason: string) => problems.push({ code: CatalogErrorCode.INVALID_MODIFIERS, field, reason });
  const chosenIds = request.modifierOptionIds ?? [];
  const offered = new Map<string, { group: PricingModifierGroup; option: PricingOption }>();
  for (const group of product.modifierGroups) {
    for (const option of group.options) if (option.active) offered.set(option.id, { group, option });
  }
  const seen = new Set<string>();
  const chosen: ChosenModifier[] = [];
  for (const id of chosenIds) {
    if (seen.has(id)) {
      refuse(`option ${id} is chosen more than once`);
      continue;
    }
    seen.add(id);
    const match = offered.get(id);
    if (!match) {
      refuse(`option ${id} is not offered with ${product.nameSv}`);
      continue;
    }
    chosen.push({ groupId: match.group.id, optionId: id, nameSv: match.option.nameSv, nameEn: match.option.nameEn, priceDelta: match.option.priceDelta });
  }
  for (const group of product.modifierGroups) {
    const count = chosen.filter((c) => c.groupId === group.id).length;
    if (count < group.minSelections) refuse(`choose at least ${group.minSelections} of ${group.nameSv} (${group.nameEn})`);
    if (count > group.maxSelections) refuse(`choose at most ${group.maxSelections} of ${group.nameSv} (${group.nameEn})`);
  }
  if (problems.length > 0) return { ok: false, problems };
  // Options are listed in the order of their groups, whatever order the client sent them in.
  const groupOrder = new Map(product.modifierGroups.map((g, i) => [g.id, i]));
  chosen.sort((a, b) => (groupOrder.get(a.groupId) ?? 0) - (groupOrder.get(b.groupId) ?? 0));
  const base = override?.price ?? product.price;
  const unitPrice = Math.max(0, base + chosen.reduce((sum, c) => sum + c.priceDelta, 0));
  return {
    ok: true,
    line: {
      productId: product.id,
      sku: product.sku,
      nameSv: product.nameSv,
      nameEn: product.nameEn,
      category: product.category,
      quantity: request.quantity,
      unitPrice,
      lineTotal: unitPrice * request.quantity,
      vatRate: product.vatRate,
      modifiers: chosen,
      prepMinutes: prepMinutesFor(product, request.quantity),
    },
  };
}
