import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId, StoreScoped } from '@kassa/shared';

/** One store's word on one product: its own price, turned off, sold out today, or not sold at all. */
@Entity({ tableName: 'catalog_product_override' })
@StoreScoped()
@Unique({ properties: ['storeId', 'productId'] })
@Index({ properties: ['productId'] })
export class ProductOverride {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  storeId!: string;

  @Property({ type: 'uuid' })
  productId!: string;

  /** Minor units; null sells at the product's base price. */
  @Property({ type: 'integer', nullable: true })
  price: number | null = null;

  @Property({ type: 'boolean' })
  available: boolean = true;

  /** False: this store does not sell the product at all (hidden from its storefront and POS). */
  @Property({ type: 'boolean' })
  listed: boolean = true;

  /** The store-local date the product was 86'd; it counts as sold out only on that date. */
  @Property({ type: 'date', nullable: true })
  soldOutDate: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
