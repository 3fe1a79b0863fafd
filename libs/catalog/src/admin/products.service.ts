import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { InventoryService, StockTracking } from '@kassa/inventory';
import { FieldProblem, likePattern, ListPage, ListQuery, StaffActor } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import { CatalogSettingsService } from '../catalog-settings.service';
import { CatalogError, CatalogErrorCode } from '../catalog.errors';
import { CreateProductDto, ProductResponse, toStockTracking, UpdateProductDto } from '../dto/product.dto';
import { Category } from '../entities/category.entity';
import { Product } from '../entities/product.entity';
import { barcodeVariants } from '../rules/barcode';
import { percentToBasisPoints, vatRateProblem } from '../rules/vat-rates';
import { ModifierGroupsService } from './modifier-groups.service';

const UNTRACKED: StockTracking = { mode: 'untracked' };

/** Products of an organisation; how inventory counts each one is handed to inventory. */
@Injectable()
export class ProductsService {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: CatalogSettingsService,
    private readonly groups: ModifierGroupsService,
    private readonly inventory: InventoryService,
    private readonly stores: StoresService,
  ) {}

  async list(actor: StaffActor, query: ListQuery): Promise<ListPage<ProductResponse>> {
    const { q, id, categoryId, active } = query.filter as { q?: string; id?: string[]; categoryId?: string[]; active?: boolean };
    const where: FilterQuery<Product> = {
      organisationId: actor.organisationId,
      ...(id ? { id: { $in: id } } : {}),
      ...(categoryId ? { categoryId: { $in: categoryId } } : {}),
      ...(active !== undefined ? { active } : {}),
      ...(q
        ? {
            $or: [
              { nameSv: { $ilike: likePattern(q) } },
              { nameEn: { $ilike: likePattern(q) } },
              { sku: { $ilike: likePattern(q) } },
              { barcode: { $ilike: likePattern(q) } },
            ],
          }
        : {}),
    };
    const [items, total] = await this.em.findAndCount(Product, where, {
      orderBy: { [query.sort.field]: query.sort.order, id: 'ASC' },
      limit: query.limit,
      offset: query.offset,
    });
    const [currency, tracking] = await Promise.all([this.currencyOf(actor), this.trackingOf(items.map((p) => p.id))]);
    return { items: items.map((p) => ProductResponse.of(p, currency, tracking.get(p.id) ?? UNTRACKED)), total, offset: query.offset };
  }

  async get(actor: StaffActor, id: string): Promise<ProductResponse> {
    const product = await this.load(actor.organisationId, id);
    const [currency, tracking] = await Promise.all([this.currencyOf(actor), this.trackingOf([id])]);
    return ProductResponse.of(product, currency, tracking.get(id) ?? UNTRACKED);
  }

  async create(actor: StaffActor, input: CreateProductDto): Promise<ProductResponse> {
    const product = new Product();
    product.organisationId = actor.organisationId;
    await this.apply(product, input);
    this.em.persist(product);
    const stock = input.stock ? toStockTracking(input.stock) : UNTRACKED;
    await this.inventory.configureProduct(actor.organisationId, { productId: product.id, sku: product.sku, name: product.nameSv }, stock);
    await this.settings.changed(actor.organisationId, 'product');
    return ProductResponse.of(product, await this.currencyOf(actor), stock);
  }

  /** A PUT without `stock` keeps the product's current stock tracking. */
  async update(actor: StaffActor, id: string, input: UpdateProductDto): Promise<ProductResponse> {
    const product = await this.load(actor.organisationId, id);
    await this.apply(product, input);
    const stock = input.stock ? toStockTracking(input.stock) : ((await this.trackingOf([id])).get(id) ?? UNTRACKED);
    await this.inventory.configureProduct(actor.organisationId, { productId: product.id, sku: product.sku, name: product.nameSv }, stock);
    await this.settings.changed(actor.organisationId, 'product');
    return ProductResponse.of(product, await this.currencyOf(actor), stock);
  }

  async load(organisationId: string, id: string): Promise<Product> {
    const product = await this.em.findOne(Product, { id, organisationId });
    if (!product) throw CatalogError.notFound(CatalogErrorCode.PRODUCT_NOT_FOUND, 'Product', id);
    return product;
  }

  /** The organisation's currency: that of its stores (the caller sees at least one). */
  async currencyOf(actor: StaffActor): Promise<string> {
    const storeId = actor.storeIds[0];
    return storeId ? (await this.stores.get(storeId)).currency : 'SEK';
  }

  private async trackingOf(productIds: string[]): Promise<Map<string, StockTracking>> {
    return productIds.length === 0 ? new Map() : this.inventory.productTracking(productIds);
  }

  private async apply(product: Product, input: CreateProductDto): Promise<void> {
    const organisationId = product.organisationId;
    const vatRate = percentToBasisPoints(input.vatRate);
    const vatProblem = vatRateProblem(vatRate, await this.settings.vatRates(organisationId));
    if (vatProblem) throw CatalogError.refused(CatalogErrorCode.INVALID_VAT_RATE, [{ field: 'vatRate', reason: vatProblem }]);

    const problems: FieldProblem[] = [];
    const categoryId = input.categoryId === undefined ? product.categoryId : input.categoryId;
    if (categoryId && (await this.em.count(Category, { id: categoryId, organisationId })) === 0) {
      problems.push({ field: 'categoryId', reason: 'is not a category of this organisation' });
    }
    const groupIds = input.modifierGroupIds ?? product.modifierGroupIds;
    const existingGroups = await this.groups.existingIds(organisationId, groupIds);
    const unknown = groupIds.filter((g) => !existingGroups.has(g));
    if (unknown.length > 0) problems.push({ field: 'modifierGroupIds', reason: `not modifier groups of this organisation: ${unknown.join(', ')}` });
    if (problems.length > 0) throw CatalogError.refused(CatalogErrorCode.INVALID_PRODUCT, problems);

    if ((await this.em.count(Product, { organisationId, sku: input.sku, id: { $ne: product.id } })) > 0) {
      throw CatalogError.refused(CatalogErrorCode.SKU_TAKEN, [{ field: 'sku', reason: `${input.sku} is used by another product` }]);
    }
    const barcode = input.barcode === undefined ? product.barcode : input.barcode;
    if (barcode) {
      const other = await this.em.findOne(Product, { organisationId, barcode: { $in: barcodeVariants(barcode) }, id: { $ne: product.id } }, { fields: ['sku'] });
      if (other) throw CatalogError.refused(CatalogErrorCode.BARCODE_TAKEN, [{ field: 'barcode', reason: `is already used by product ${other.sku}` }]);
    }

    product.sku = input.sku;
    product.nameSv = input.nameSv;
    product.nameEn = input.nameEn ?? input.nameSv;
    if (input.descriptionSv !== undefined) product.descriptionSv = input.descriptionSv;
    if (input.descriptionEn !== undefined) product.descriptionEn = input.descriptionEn;
    product.categoryId = categoryId;
    if (input.imageUrl !== undefined) product.imageUrl = input.imageUrl;
    product.price = input.price;
    product.vatRate = vatRate;
    product.barcode = barcode;
    if (input.prepMinutes !== undefined) product.prepMinutes = input.prepMinutes;
    if (input.prepMinutesPerExtraUnit !== undefined) product.prepMinutesPerExtraUnit = input.prepMinutesPerExtraUnit;
    if (input.channels !== undefined) product.channels = [...input.channels];
    if (input.active !== undefined) product.active = input.active;
    product.modifierGroupIds = [...groupIds];
  }
}
