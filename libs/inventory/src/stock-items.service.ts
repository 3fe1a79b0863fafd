import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { likePattern, ListPage, ListQuery, StaffActor } from '@kassa/shared';
import { CreateStockItemDto, StockItemResponse, UpdateStockItemDto } from './dto/stock-item.dto';
import { InventoryError, InventoryErrorCode } from './inventory.errors';
import { StockUnit } from './inventory.types';
import { StockItem } from './stock-item.entity';

/** Stock items of the organisation: products' own stock and ingredients. */
@Injectable()
export class StockItemsService {
  constructor(private readonly em: EntityManager) {}

  async list(query: ListQuery): Promise<ListPage<StockItemResponse>> {
    const { q, id, unit, productId } = query.filter as { q?: string; id?: string[]; unit?: string; productId?: string };
    const where: FilterQuery<StockItem> = {
      ...(id ? { id: { $in: id } } : {}),
      ...(unit ? { unit: unit as StockUnit } : {}),
      ...(productId ? { productId } : {}),
      ...(q ? { $or: [{ name: { $ilike: likePattern(q) } }, { sku: { $ilike: likePattern(q) } }] } : {}),
    };
    const [items, total] = await this.em.findAndCount(StockItem, where, {
      orderBy: { [query.sort.field]: query.sort.order, id: 'ASC' },
      limit: query.limit,
      offset: query.offset,
    });
    return { items: items.map(StockItemResponse.of), total, offset: query.offset };
  }

  async get(id: string): Promise<StockItemResponse> {
    return StockItemResponse.of(await this.load(id));
  }

  async create(actor: StaffActor, input: CreateStockItemDto): Promise<StockItemResponse> {
    return StockItemResponse.of(await this.createForOrganisation(actor.organisationId, input));
  }

  /** For staff through the admin, and for seeding (demo data) through InventoryService. */
  async createForOrganisation(organisationId: string, input: CreateStockItemDto): Promise<StockItem> {
    const sku = input.sku.trim();
    await this.assertSkuFree(organisationId, sku, null);
    const item = Object.assign(new StockItem(), {
      organisationId,
      sku,
      name: input.name.trim(),
      unit: input.unit,
      allowBackorder: input.allowBackorder ?? false,
    });
    await this.em.persistAndFlush(item);
    return item;
  }

  async update(id: string, input: UpdateStockItemDto): Promise<StockItemResponse> {
    const item = await this.load(id);
    if (input.sku !== undefined && input.sku.trim() !== item.sku) {
      await this.assertSkuFree(item.organisationId, input.sku.trim(), item.id);
      item.sku = input.sku.trim();
    }
    if (input.unit !== undefined && input.unit !== item.unit) {
      if (item.productId) {
        throw InventoryError.invalidSettings([{ field: 'unit', reason: 'a product’s own stock is counted in pcs' }]);
      }
      item.unit = input.unit;
    }
    if (input.name !== undefined) item.name = input.name.trim();
    if (input.allowBackorder !== undefined) item.allowBackorder = input.allowBackorder;
    return StockItemResponse.of(item);
  }

  async load(id: string): Promise<StockItem> {
    const item = await this.em.findOne(StockItem, id);
    if (!item) throw InventoryError.notFound(InventoryErrorCode.STOCK_ITEM_NOT_FOUND, 'Stock item', id);
    return item;
  }

  async assertSkuFree(organisationId: string, sku: string, exceptId: string | null): Promise<void> {
    const taken = await this.em.count(StockItem, {
      organisationId,
      sku,
      ...(exceptId ? { id: { $ne: exceptId } } : {}),
    });
    if (taken > 0) throw InventoryError.skuTaken(sku);
  }
}
