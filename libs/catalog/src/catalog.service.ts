import { Injectable } from '@nestjs/common';
import { money, Money, sumMoney, VatRateBasisPoints } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import { CatalogError, CatalogErrorCode } from './catalog.errors';
import { localDate } from './rules/local-date';
import { LineRequest, prepMinutesFor, priceLine, PricingCategory, PricingProblem, SalesChannel, unavailableReason } from './rules/pricing';
import { CatalogSettingsService } from './catalog-settings.service';
import { PricingCache } from './storefront/pricing-cache';

export interface PricedModifier {
  readonly groupId: string;
  readonly optionId: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly priceDelta: Money;
}

/** One cart line as the server prices it. */
export interface PricedLine {
  readonly productId: string;
  readonly sku: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly category: PricingCategory | null;
  readonly quantity: number;
  /** VAT included: (store price ?? base price) + chosen option deltas. */
  readonly unitPrice: Money;
  readonly lineTotal: Money;
  readonly vatRate: VatRateBasisPoints;
  readonly modifiers: readonly PricedModifier[];
  /** Kitchen minutes for the whole quantity: prepMinutes + (quantity − 1) · prepMinutesPerExtraUnit. */
  readonly prepMinutes: number;
}

export interface PricedCart {
  readonly storeId: string;
  readonly currency: string;
  readonly lines: readonly PricedLine[];
  readonly total: Money;
}

export interface PriceLinesOptions {
  /** Refuse products not sold in this channel (the storefront asks for `online`). */
  readonly channel?: SalesChannel;
}

/** What other libs ask the catalogue: the server-side price of a cart at a store. */
@Injectable()
export class CatalogService {
  constructor(
    private readonly pricing: PricingCache,
    private readonly settings: CatalogSettingsService,
    private readonly stores: StoresService,
  ) {}

  /**
   * Prices cart lines at a store. Refuses with 422 PRODUCT_UNAVAILABLE (unknown, inactive, not
   * sold at the store, turned off, sold out today, wrong channel) or 422 INVALID_MODIFIERS naming
   * `items.<i>.modifierOptionIds`; every bad line is listed. Store unknown: 404 STORE_NOT_FOUND.
   */
  async priceLines(storeId: string, lines: readonly LineRequest[], options: PriceLinesOptions = {}): Promise<PricedCart> {
    const { store, products, overrides, context } = await this.pricingFor(storeId, lines, options);
    const problems: PricingProblem[] = [];
    const priced: PricedLine[] = [];
    lines.forEach((request, index) => {
      const outcome = priceLine(index, request, products.get(request.productId), overrides.get(request.productId), context);
      if (!outcome.ok) {
        problems.push(...outcome.problems);
        return;
      }
      const line = outcome.line;
      priced.push({
        ...line,
        unitPrice: money(line.unitPrice, store.currency),
        lineTotal: money(line.lineTotal, store.currency),
        modifiers: line.modifiers.map((m) => ({ ...m, priceDelta: money(m.priceDelta, store.currency) })),
      });
    });
    if (problems.length > 0) {
      const code = problems.find((p) => p.code === CatalogErrorCode.INVALID_QUANTITY)?.code
        ?? problems.find((p) => p.code === CatalogErrorCode.PRODUCT_UNAVAILABLE)?.code
        ?? CatalogErrorCode.INVALID_MODIFIERS;
      const summary = code === CatalogErrorCode.PRODUCT_UNAVAILABLE ? 'Some products cannot be sold' : code === CatalogErrorCode.INVALID_MODIFIERS ? 'Invalid choices' : 'Invalid quantity';
      throw CatalogError.refused(code, problems.map(({ field, reason }) => ({ field, reason })), summary);
    }
    return { storeId, currency: store.currency, lines: priced, total: sumMoney(priced.map((l) => l.lineTotal), store.currency) };
  }

  /**
   * What a cart asks of the kitchen before its options are chosen (a storefront weighing pickup
   * slots): units and preparation minutes, which options do not change. Quantities and
   * availability are checked as in priceLines (422 INVALID_QUANTITY, PRODUCT_UNAVAILABLE); options
   * are left to the checkout.
   */
  async kitchenLoad(storeId: string, lines: readonly LineRequest[], options: PriceLinesOptions = {}): Promise<{ items: number; kitchenMinutes: number }> {
    const { products, overrides, context } = await this.pricingFor(storeId, lines, options);
    const problems: Array<{ code: CatalogErrorCode; field: string; reason: string }> = [];
    let items = 0;
    let kitchenMinutes = 0;
    lines.forEach((request, index) => {
      if (!Number.isSafeInteger(request.quantity) || request.quantity < 1) {
        problems.push({ code: CatalogErrorCode.INVALID_QUANTITY, field: `items.${index}.quantity`, reason: 'must be a whole number of at least 1' });
        return;
      }
      const product = products.get(request.productId);
      const unavailable = unavailableReason(product, overrides.get(request.productId), context);
      if (unavailable || !product) {
        problems.push({ code: CatalogErrorCode.PRODUCT_UNAVAILABLE, field: `items.${index}.productId`, reason: unavailable ?? 'does not exist' });
        return;
      }
      items += request.quantity;
      kitchenMinutes += prepMinutesFor(product, request.quantity);
    });
    if (problems.length > 0) {
      const code = problems.some((p) => p.code === CatalogErrorCode.INVALID_QUANTITY) ? CatalogErrorCode.INVALID_QUANTITY : CatalogErrorCode.PRODUCT_UNAVAILABLE;
      throw CatalogError.refused(code, problems.map(({ field, reason }) => ({ field, reason })), code === CatalogErrorCode.INVALID_QUANTITY ? 'Invalid quantity' : 'Some products cannot be sold');
    }
    return { items, kitchenMinutes };
  }

  private async pricingFor(storeId: string, lines: readonly LineRequest[], options: PriceLinesOptions) {
    const store = await this.stores.get(storeId);
    const productIds = [...new Set(lines.map((l) => l.productId))];
    const version = await this.settings.version(store.organisationId);
    const [products, overrides] = await Promise.all([
      this.pricing.productsOf(store.organisationId, version, productIds),
      this.pricing.overridesOf(storeId, version, productIds),
    ]);
    const context = { today: localDate(new Date(), store.timezone), channel: options.channel };
    return { store, products, overrides, context };
  }
}
