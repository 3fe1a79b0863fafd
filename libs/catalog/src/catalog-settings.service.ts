import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { EventPublisher } from '@kassa/platform';
import { catalogChanged } from './catalog.events';
import { CatalogSettings } from './entities/catalog-settings.entity';
import { SWEDISH_VAT_RATES_BP } from './rules/vat-rates';

/**
 * Per-organisation catalogue settings and the catalogue version. Every write to the catalogue
 * calls `changed()` in its transaction, so readers compare one integer to know whether their
 * cached storefront still holds.
 */
@Injectable()
export class CatalogSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly events: EventPublisher,
  ) {}

  async vatRates(organisationId: string): Promise<number[]> {
    const settings = await this.em.findOne(CatalogSettings, { organisationId });
    return settings ? [...settings.vatRates] : [...SWEDISH_VAT_RATES_BP];
  }

  /** Replaces the allowed VAT rates (basis points); bumps the version first so the row exists. */
  async setVatRates(organisationId: string, vatRates: number[]): Promise<CatalogSettings> {
    await this.changed(organisationId, 'settings');
    const settings = await this.em.findOneOrFail(CatalogSettings, { organisationId }, { refresh: true });
    settings.vatRates = vatRates;
    settings.updatedAt = new Date();
    return settings;
  }

  /** The current version; 0 before the first change. One indexed read. */
  async version(organisationId: string): Promise<number> {
    const [row] = await this.em.execute<Array<{ version: number }>>(
      'select version from catalog_settings where organisation_id = ?',
      [organisationId],
    );
    return row ? Number(row.version) : 0;
  }

  /** Bumps the version inside the caller's transaction and tells the rest of the system. */
  async changed(organisationId: string, what: string): Promise<number> {
    const [row] = await this.em.execute<Array<{ version: number }>>(
      `insert into catalog_settings (organisation_id, vat_rates, version, updated_at)
       values (?, ?::integer[], 1, now())
       on conflict (organisation_id) do update set version = catalog_settings.version + 1, updated_at = now()
       returning version`,
      [organisationId, `{${SWEDISH_VAT_RATES_BP.join(',')}}`],
    );
    const version = Number(row?.version ?? 0);
    this.events.publish(catalogChanged({ organisationId, version, what }));
    return version;
  }
}
