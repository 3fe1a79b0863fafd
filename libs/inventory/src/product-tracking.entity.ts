import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { OrganisationScoped } from '@kassa/shared';
import { Allocation, STOCK_TRACKING_MODES, StockTrackingMode } from './inventory.types';

/** How selling one catalog product moves stock. No row means untracked. */
@Entity({ tableName: 'product_tracking' })
@OrganisationScoped()
@Index({ properties: ['organisationId'] })
export class ProductTracking {
  /** The catalog's product id (plain id: products are the catalog's). */
  @PrimaryKey({ type: 'uuid' })
  productId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Enum({ items: () => [...STOCK_TRACKING_MODES] })
  mode!: StockTrackingMode;

  /** Tracked: the product's own stock item. */
  @Property({ type: 'uuid', nullable: true })
  stockItemId: string | null = null;

  /** Recipe: what one unit consumes, in each ingredient's unit. */
  @Property({ type: 'json' })
  ingredients: Allocation[] = [];

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
