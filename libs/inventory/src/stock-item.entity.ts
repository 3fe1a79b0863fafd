import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId, OrganisationScoped } from '@kassa/shared';
import { STOCK_UNITS, StockUnit } from './inventory.types';

/**
 * Something a store counts: a product's own stock (pcs) or an ingredient ("Kaffebönor" in g).
 * Organisation data; how much of it each store has lives in StockLevel.
 */
@Entity({ tableName: 'stock_item' })
@OrganisationScoped()
@Unique({ properties: ['organisationId', 'sku'] })
@Index({ properties: ['organisationId', 'name'] })
export class StockItem {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'string', length: 100 })
  sku!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => [...STOCK_UNITS] })
  unit: StockUnit = 'pcs';

  /** Set when this is a catalog product's own stock (plain id: products are the catalog's). */
  @Unique()
  @Property({ type: 'uuid', nullable: true })
  productId: string | null = null;

  /** Whether reservations may take availability below zero. */
  @Property({ type: 'boolean' })
  allowBackorder = false;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
