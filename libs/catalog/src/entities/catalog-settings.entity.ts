import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { OrganisationScoped } from '@kassa/shared';
import { SWEDISH_VAT_RATES_BP } from '../rules/vat-rates';

/**
 * One row per organisation: the VAT rates its products may carry, and a version bumped by every
 * catalogue change so each api replica can tell cheaply whether its cached storefront is current.
 */
@Entity({ tableName: 'catalog_settings' })
@OrganisationScoped()
export class CatalogSettings {
  @PrimaryKey({ type: 'uuid' })
  organisationId!: string;

  /** Basis points: 2500 = 25 %. */
  @Property({ type: new ArrayType<number>((value) => Number(value)), columnType: 'integer[]' })
  vatRates: number[] = [...SWEDISH_VAT_RATES_BP];

  @Property({ type: 'integer', default: 0 })
  version: number = 0;

  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
