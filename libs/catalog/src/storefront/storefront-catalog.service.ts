import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { InventoryService, StockTracking } from '@kassa/inventory';
import { StoresService } from '@kassa/stores';
import { CatalogSettingsService } from '../catalog-settings.service';
import { CatalogError, CatalogErrorCode } from '../catalog.errors';
import { StorefrontCatalogResponse, StorefrontCategoryResponse, StorefrontProductResponse } from '../dto/storefront.dto';
import { Category } from '../entities/category.entity';
import { Product } from '../entities/product.entity';
import { barcodeProblem, barcodeVariants } from '../rules/barcode';
import { localDate } from '../rules/local-date';
import { PricingOverride } from '../rules/pricing';
import { basisPointsToPercent } from '../rules/vat-rates';
import { CatalogReader, LoadedProducts } from './catalog-reader';

/** A product as cached: everything but what changes without a catalogue change (today, stock). */
interface CachedProduct {
  readonly view: StorefrontProductResponse;
  readonly soldOutDate: string | null;
}

interface CachedCategory {
  readonly head: Omit<StorefrontCategoryResponse, 'products'>;
  readonly products: CachedProduct[];
}

interface CachedCatalog {
  readonly version: number;
  readonly categories: CachedCategory[];
  /** Products inventory tracks (own stock or recipe); the others are never out of stock. */
  readonly trackedIds: string[];
  /** The last answer as JSON and what it depended on: most requests reuse it unchanged. */
  rendered?: RenderedJson;
}

const MAX_CACHED_STORES = 1000;

/** A rendered answer: the JSON bytes, their gzip made on first demand, and an ETag naming them. */
export class RenderedJson {
  private compressed?: Buffer;

  constructor(
    readonly key: string,
    readonly body: Buffer,
  ) {}

  get etag(): string {
    return `W/"${createHash('sha1').update(this.key).digest('base64url')}"`;
  }

  gzip(): Buffer {
    this.compressed ??= gzipSync(this.body, { level: 6 });
    return this.compressed;
  }
}
/** How long a replica trusts a store's time zone and currency before reading them again. */
const STORE_FACTS_TTL_MS = 10_000;

interface StoreFacts {
  readonly organisationId: string;
  readonly timezone: string;
  readonly currency: string;
  readonly readAt: number;
}
export const UNCATEGORISED = 'uncategorised';

/**
 * The storefront catalogue of a store. The expensive part (products, modifiers, overrides) is
 * cached per store and replica, keyed by the organisation's catalogue version, which every
 * change bumps in its transaction: a request costs a store read, a version read and a stock read.
 * "Sold out" is worked out per request from the store's local date and live stock.
 */
@Injectable()
export class StorefrontCatalogService {
  private readonly cache = new Map<string, CachedCatalog>();
  private readonly building = new Map<string, Promise<CachedCatalog>>();
  private readonly storeFacts = new Map<string, StoreFacts>();

  constructor(
    private readonly reader: CatalogReader,
    private readonly settings: CatalogSettingsService,
    private readonly stores: StoresService,
    private readonly inventory: InventoryService,
  ) {}

  /**
   * The catalogue as JSON bytes. Rendering 500 products is the expensive part of a request, so
   * the bytes (and their gzip) are reused while the version, the store's date, its currency and
   * the set of sold-out products are unchanged; the ETag names exactly that.
   */
  async catalogJson(storeId: string): Promise<RenderedJson> {
    const store = await this.factsOf(storeId);
    const version = await this.settings.version(store.organisationId);
    const cached = await this.cached(storeId, store.organisationId, version);
    const today = localDate(new Date(), store.timezone);
    const stock = cached.trackedIds.length ? await this.inventory.productStock(storeId, cached.trackedIds) : new Map<string, { soldOut: boolean }>();
    const outOfStock = cached.trackedIds.filter((id) => stock.get(id)?.soldOut === true);
    const key = `${storeId}|${version}|${today}|${store.currency}|${outOfStock.join(',')}`;
    if (cached.rendered?.key === key) return cached.rendered;
    const empty = new Set(outOfStock);
    const response: StorefrontCatalogResponse = {
      storeId,
      currency: store.currency,
      categories: cached.categories.map((c) => ({
        ...c.head,
        products: c.products.map((p) => (p.soldOutDate === today || empty.has(p.view.id) ? { ...p.view, soldOut: true } : p.view)),
      })),
    };
    cached.rendered = new RenderedJson(key, Buffer.from(JSON.stringify(response), 'utf8'));
    return cached.rendered;
  }

  /** A scanned code at a station: online and counter products alike, with this store's price. */
  async byBarcode(storeId: string, code: string): Promise<StorefrontProductResponse> {
    const problem = barcodeProblem(code);
    if (problem) throw CatalogError.refused(CatalogErrorCode.INVALID_BARCODE, [{ field: 'code', reason: problem }]);
    const store = await this.stores.get(storeId);
    const loaded = await this.reader.products(store.organisationId, { barcode: { $in: barcodeVariants(code) } });
    const product = loaded.products[0];
    if (!product) throw CatalogError.notFound(CatalogErrorCode.PRODUCT_NOT_FOUND, 'Product with barcode', code);
    const [overrides, stock] = await Promise.all([this.reader.overrides(storeId, [product.id]), this.inventory.productStock(storeId, [product.id])]);
    const override = overrides.get(product.id);
    const view = storefrontProduct(product, loaded, override);
    const soldOut = override?.soldOutDate === localDate(new Date(), store.timezone) || stock.get(product.id)?.soldOut === true;
    return { ...view, available: view.available && product.active && override?.listed !== false, soldOut };
  }

  /** A store's organisation, time zone and currency; unknown stores are never cached (404 each time). */
  private async factsOf(storeId: string): Promise<StoreFacts> {
    const known = this.storeFacts.get(storeId);
    if (known && Date.now() - known.readAt < STORE_FACTS_TTL_MS) return known;
    const store = await this.stores.get(storeId);
    const facts = { organisationId: store.organisationId, timezone: store.timezone, currency: store.currency, readAt: Date.now() };
    if (this.storeFacts.size >= MAX_CACHED_STORES) this.storeFacts.clear();
    this.storeFacts.set(storeId, facts);
    return facts;
  }

  private async cached(storeId: string, organisationId: string, version: number): Promise<CachedCatalog> {
    const hit = this.cache.get(storeId);
    if (hit && hit.version === version) return hit;
    const key = `${storeId}@${version}`;
    let build = this.building.get(key);
    if (!build) {
      build = this.build(storeId, organisationId, version).finally(() => this.building.delete(key));
      this.building.set(key, build);
    }
    const built = await build;
    if (this.cache.size >= MAX_CACHED_STORES && !this.cache.has(storeId)) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    if ((this.cache.get(storeId)?.version ?? -1) < built.version) this.cache.set(storeId, built);
    return built;
  }

  private async build(storeId: string, organisationId: string, version: number): Promise<CachedCatalog> {
    const [loaded, overrides, categories] = await Promise.all([
      this.reader.products(organisationId, { active: true }),
      this.reader.overrides(storeId),
      this.reader.categoriesOf(organisationId),
    ]);
    const byCategory = new Map<string, CachedProduct[]>();
    const productIds: string[] = [];
    for (const product of loaded.products) {
      const override = overrides.get(product.id);
      if (!product.channels.includes('online') || override?.listed === false) continue;
      const key = product.categoryId ?? UNCATEGORISED;
      const list = byCategory.get(key) ?? [];
      if (list.length === 0) byCategory.set(key, list);
      list.push({ view: storefrontProduct(product, loaded, override), soldOutDate: override?.soldOutDate ?? null });
      productIds.push(product.id);
    }
    // Only catalogue writes change how a product is tracked, and each bumps the version.
    const tracking = productIds.length ? await this.inventory.productTracking(productIds) : new Map<string, StockTracking>();
    const trackedIds = productIds.filter((id) => (tracking.get(id)?.mode ?? 'untracked') !== 'untracked');
    return { version, categories: arrange(categories, byCategory), trackedIds };
  }
}

/** Active top-level categories by position, each followed by its active children; empty ones left out. */
function arrange(categories: readonly Category[], byCategory: Map<string, CachedProduct[]>): CachedCategory[] {
  const active = categories.filter((c) => c.active);
  const byPosition = (a: Category, b: Category) => a.position - b.position || a.nameSv.localeCompare(b.nameSv, 'sv');
  const result: CachedCategory[] = [];
  for (const top of active.filter((c) => c.parentId === null).sort(byPosition)) {
    const children = active
      .filter((c) => c.parentId === top.id)
      .sort(byPosition)
      .map((c) => ({ head: head(c), products: byCategory.get(c.id) ?? [] }))
      .filter((c) => c.products.length > 0);
    const own = byCategory.get(top.id) ?? [];
    if (own.length > 0 || children.length > 0) result.push({ head: head(top), products: own }, ...children);
  }
  const loose = byCategory.get(UNCATEGORISED);
  if (loose) {
    const position = result.reduce((max, c) => Math.max(max, c.head.position), 0) + 1;
    result.push({ head: { id: UNCATEGORISED, nameSv: 'Övrigt', nameEn: 'Other', position, parentId: null }, products: loose });
  }
  return result;
}

function head(category: Category): Omit<StorefrontCategoryResponse, 'products'> {
  return { id: category.id, nameSv: category.nameSv, nameEn: category.nameEn, position: category.position, parentId: category.parentId };
}

export function storefrontProduct(product: Product, loaded: LoadedProducts, override: PricingOverride | undefined): StorefrontProductResponse {
  return {
    id: product.id,
    sku: product.sku,
    nameSv: product.nameSv,
    nameEn: product.nameEn,
    descriptionSv: product.descriptionSv,
    descriptionEn: product.descriptionEn,
    imageUrl: product.imageUrl,
    price: override?.price ?? product.price,
    vatRate: basisPointsToPercent(product.vatRate),
    prepMinutes: product.prepMinutes,
    prepMinutesPerExtraUnit: product.prepMinutesPerExtraUnit,
    barcode: product.barcode,
    available: override?.available ?? true,
    soldOut: false,
    modifierGroups: product.modifierGroupIds
      .map((id) => loaded.groups.get(id))
      .filter((g) => g !== undefined)
      .map((g) => ({
        id: g.id,
        nameSv: g.nameSv,
        nameEn: g.nameEn,
        minSelections: g.minSelections,
        maxSelections: g.maxSelections,
        options: g.options.filter((o) => o.active).map((o) => ({ id: o.id, nameSv: o.nameSv, nameEn: o.nameEn, priceDelta: o.priceDelta })),
      })),
  };
}
