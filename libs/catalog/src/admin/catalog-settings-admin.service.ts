import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { StaffActor } from '@kassa/shared';
import { CatalogSettingsService } from '../catalog-settings.service';
import { CatalogError, CatalogErrorCode } from '../catalog.errors';
import { CatalogSettingsDto, CatalogSettingsResponse } from '../dto/catalog-import.dto';
import { Product } from '../entities/product.entity';
import { basisPointsToPercent, percentToBasisPoints } from '../rules/vat-rates';

/** The organisation's allowed VAT rates (Swedish rates until an owner changes them). */
@Injectable()
export class CatalogSettingsAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: CatalogSettingsService,
  ) {}

  async get(actor: StaffActor): Promise<CatalogSettingsResponse> {
    return { vatRates: (await this.settings.vatRates(actor.organisationId)).map(basisPointsToPercent) };
  }

  async update(actor: StaffActor, input: CatalogSettingsDto): Promise<CatalogSettingsResponse> {
    const rates = input.vatRates.map(percentToBasisPoints);
    const used = await this.em.find(Product, { organisationId: actor.organisationId, vatRate: { $nin: rates } }, { fields: ['vatRate'], limit: 1 });
    if (used[0]) {
      throw CatalogError.refused(CatalogErrorCode.INVALID_VAT_RATE, [
        { field: 'vatRates', reason: `${basisPointsToPercent(used[0].vatRate)} % is still used by products; change them first` },
      ]);
    }
    const settings = await this.settings.setVatRates(actor.organisationId, rates);
    return { vatRates: settings.vatRates.map(basisPointsToPercent) };
  }
}
