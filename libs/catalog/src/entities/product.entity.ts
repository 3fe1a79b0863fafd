import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { newId, OrganisationScoped } from '@kassa/shared';
import type { SalesChannel } from '../rules/pricing';

/** Something a store sells, priced in the organisation's currency, VAT included. */
@Entity({ tableName: 'catalog_product' })
@OrganisationScoped()
@Unique({ properties: ['organisationId', 'sku'] })
@Unique({ properties: ['organisationId', 'barcode'] })
@Index({ properties: ['organisationId', 'categoryId'] })
export class Product {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'string', length: 64 })
  sku!: string;

  @Property({ type: 'string', length: 200 })
  nameSv!: string;

  @Property({ type: 'string', length: 200 })
  nameEn!: string;

  @Property({ type: 'text' })
  descriptionSv: string = '';

  @Property({ type: 'text' })
  descriptionEn: string = '';

  @Property({ type: 'uuid', nullable: true })
  categoryId: string | null = null;

  @Property({ type: 'string', length: 2000, nullable: true })
  imageUrl: string | null = null;

  /** Minor units (öre), VAT included. */
  @Property({ type: 'integer' })
  price!: number;

  /** Basis points: 1200 = 12 %. */
  @Property({ type: 'integer' })
  vatRate!: number;

  /** EAN-13, EAN-8 or UPC-A with a valid check digit. */
  @Property({ type: 'string', length: 13, nullable: true })
  barcode: string | null = null;

  @Property({ type: 'integer' })
  prepMinutes: number = 0;

  @Property({ type: 'integer', nullable: true })
  prepMinutesPerExtraUnit: number | null = null;

  @Property({ type: 'text[]' })
  channels: SalesChannel[] = ['online', 'pos'];

  /** Modifier groups in the order the customer is asked. */
  @Property({ type: 'uuid[]' })
  modifierGroupIds: string[] = [];

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
