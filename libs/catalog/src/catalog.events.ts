import { DomainEvent, domainEvent } from '@kassa/shared';

export const CATALOG_CHANGED = 'CatalogChanged';
export const PRODUCT_SOLD_OUT_CHANGED = 'ProductSoldOutChanged';

export interface CatalogChangedPayload {
  readonly organisationId: string;
  /** The catalogue version after the change; caches older than it are stale. */
  readonly version: number;
  /** What changed, e.g. `product`, `category`, `import`. */
  readonly what: string;
}

export interface ProductSoldOutChangedPayload {
  readonly storeId: string;
  readonly productId: string;
  readonly soldOut: boolean;
  /** The store-local date it is sold out on, when it is. */
  readonly date: string | null;
}

/** Products, prices, categories or modifiers of an organisation changed. */
export function catalogChanged(payload: CatalogChangedPayload): DomainEvent<CatalogChangedPayload> {
  return domainEvent(CATALOG_CHANGED, payload);
}

/** A store pressed (or released) the "86" button: stations may grey the product out. */
export function productSoldOutChanged(payload: ProductSoldOutChangedPayload): DomainEvent<ProductSoldOutChangedPayload> {
  return domainEvent(PRODUCT_SOLD_OUT_CHANGED, payload, payload.storeId);
}
