import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { EventPublisher } from '@kassa/platform';
import { FieldProblem, ListPage, ListQuery, StaffActor } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import { CatalogSettingsService } from '../catalog-settings.service';
import { CatalogError, CatalogErrorCode } from '../catalog.errors';
import { productSoldOutChanged } from '../catalog.events';
import { CreateProductOverrideDto, ProductOverrideResponse, UpdateProductOverrideDto } from '../dto/product-override.dto';
import { Product } from '../entities/product.entity';
import { ProductOverride } from '../entities/product-override.entity';
import { localDate } from '../rules/local-date';

/**
 * Per-store prices, availability, listing and the "86" button. Overrides are store data: the
 * store-scope filter hides other stores' overrides, and writes check the store is the caller's.
 */
@Injectable()
export class ProductOverridesService {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: CatalogSettingsService,
    private readonly stores: StoresService,
    private readonly events: EventPublisher,
  ) {}

  async list(query: ListQuery): Promise<ListPage<ProductOverrideResponse>> {
    const { id, storeId, productId } = query.filter as { id?: string[]; storeId?: string[]; productId?: string[] };
    const where: FilterQuery<ProductOverride> = {
      ...(id ? { id: { $in: id } } : {}),
      ...(storeId ? { storeId: { $in: storeId } } : {}),
      ...(productId ? { productId: { $in: productId } } : {}),
    };
    const [items, total] = await this.em.findAndCount(ProductOverride, where, {
      orderBy: { [query.sort.field]: query.sort.order, id: 'ASC' },
      limit: query.limit,
      offset: query.offset,
    });
    return { items: items.map(ProductOverrideResponse.of), total, offset: query.offset };
  }

  async get(id: string): Promise<ProductOverrideResponse> {
    return ProductOverrideResponse.of(await this.load(id));
  }

  async create(actor: StaffActor, input: CreateProductOverrideDto): Promise<ProductOverrideResponse> {
    // Both throw 404 for a store or product the caller cannot see.
    await this.stores.get(input.storeId);
    await this.assertProduct(actor.organisationId, input.productId);
    if ((await this.em.count(ProductOverride, { storeId: input.storeId, productId: input.productId })) > 0) {
      throw CatalogError.refused(CatalogErrorCode.OVERRIDE_EXISTS, [{ field: 'productId', reason: 'this store already has an override for the product; change that one' }]);
    }
    const override = new ProductOverride();
    Object.assign(override, { organisationId: actor.organisationId, storeId: input.storeId, productId: input.productId });
    this.assign(override, input);
    this.em.persist(override);
    await this.settings.changed(actor.organisationId, 'override');
    return ProductOverrideResponse.of(override);
  }

  async update(actor: StaffActor, id: string, input: UpdateProductOverrideDto): Promise<ProductOverrideResponse> {
    const override = await this.load(id);
    const problems: FieldProblem[] = [];
    if (input.storeId !== undefined && input.storeId !== override.storeId) problems.push({ field: 'storeId', reason: 'cannot change; create an override for the other store' });
    if (input.productId !== undefined && input.productId !== override.productId) problems.push({ field: 'productId', reason: 'cannot change; create an override for the other product' });
    if (problems.length > 0) throw CatalogError.refused(CatalogErrorCode.INVALID_PRODUCT, problems);
    this.assign(override, input);
    await this.settings.changed(actor.organisationId, 'override');
    return ProductOverrideResponse.of(override);
  }

  async remove(actor: StaffActor, id: string): Promise<ProductOverrideResponse> {
    const override = await this.load(id);
    this.em.remove(override);
    await this.settings.changed(actor.organisationId, 'override');
    return ProductOverrideResponse.of(override);
  }

  /** The "86" button: sold out until the store's local midnight, or sellable again. */
  async setSoldOut(actor: StaffActor, storeId: string, productId: string, soldOut: boolean): Promise<ProductOverrideResponse> {
    const store = await this.stores.get(storeId);
    await this.assertProduct(actor.organisationId, productId);
    let override = await this.em.findOne(ProductOverride, { storeId, productId });
    if (!override) {
      override = new ProductOverride();
      Object.assign(override, { organisationId: actor.organisationId, storeId, productId });
      this.em.persist(override);
    }
    const date = soldOut ? localDate(new Date(), store.timezone) : null;
    override.soldOutDate = date;
    await this.settings.changed(actor.organisationId, 'sold-out');
    this.events.publish(productSoldOutChanged({ storeId, productId, soldOut, date }));
    return ProductOverrideResponse.of(override);
  }

  private assign(override: ProductOverride, input: UpdateProductOverrideDto): void {
    if (input.price !== undefined) override.price = input.price;
    if (input.available !== undefined) override.available = input.available;
    if (input.listed !== undefined) override.listed = input.listed;
    if (input.soldOutDate !== undefined) override.soldOutDate = input.soldOutDate;
  }

  private async assertProduct(organisationId: string, productId: string): Promise<void> {
    if ((await this.em.count(Product, { id: productId, organisationId })) === 0) {
      throw CatalogError.notFound(CatalogErrorCode.PRODUCT_NOT_FOUND, 'Product', productId);
    }
  }

  private async load(id: string): Promise<ProductOverride> {
    const override = await this.em.findOne(ProductOverride, { id });
    if (!override) throw CatalogError.notFound(CatalogErrorCode.OVERRIDE_NOT_FOUND, 'Product override', id);
    return override;
  }
}
