import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '@kassa/platform';
import { CommonError, likePattern, ListPage, ListQuery, StaffActor } from '@kassa/shared';
import { ReorderSuggestionResponse, StockLevelResponse, UpdateStockLevelDto } from './dto/stock-level.dto';
import { InventoryError, InventoryErrorCode } from './inventory.errors';
import { StockUnit } from './inventory.types';
import { storeOfList } from './scope';
import { EXPIRED_HOLDS_SQL, StockLedger } from './stock-ledger.repository';
import { StockLevel } from './stock-level.entity';
import { isLow, suggestedQuantity } from './stock-rules';

/** Sortable fields and the column of the list query each maps to. */
const SORT_COLUMNS: Record<string, string> = {
  sku: 'sku',
  name: 'name',
  unit: 'unit',
  onHand: 'on_hand',
  reserved: 'reserved',
  available: 'available',
  lowStockThreshold: 'low_stock_threshold',
  parLevel: 'par_level',
  suggestedQuantity: 'suggested_quantity',
};

export const STOCK_LEVEL_SORTS = ['sku', 'name', 'unit', 'onHand', 'reserved', 'available', 'lowStockThreshold', 'parLevel'];
export const REORDER_SORTS = ['sku', 'name', 'available', 'suggestedQuantity'];

interface LevelSqlRow {
  id: string;
  store_id: string;
  stock_item_id: string;
  sku: string;
  name: string;
  unit: StockUnit;
  on_hand: number;
  reserved: number;
  available: number;
  low_stock_threshold: number;
  par_level: number;
}

interface LevelFilter {
  storeId: string;
  organisationId?: string;
  ids?: readonly string[];
  q?: string;
  lowOnly?: boolean;
}

/**
 * Stock per store for the admin. Lists are SQL (a join with computed availability), so they
 * name the store explicitly and check it is one the caller may see; single reads by id go
 * through the ORM and its store-scope filter.
 */
@Injectable()
export class StockLevelsService {
  constructor(
    private readonly em: EntityManager,
    private readonly ledger: StockLedger,
  ) {}

  async list(actor: StaffActor, query: ListQuery): Promise<ListPage<StockLevelResponse>> {
    const filter = this.filterOf(actor, query);
    if (!filter) return { items: [], total: 0, offset: query.offset };
    const { lowStock } = query.filter as { lowStock?: boolean };
    const page = await this.page({ ...filter, lowOnly: lowStock === true }, query);
    return { ...page, items: page.items.map(levelResponse) };
  }

  async reorder(actor: StaffActor, query: ListQuery): Promise<ListPage<ReorderSuggestionResponse>> {
    const filter = this.filterOf(actor, query);
    if (!filter) return { items: [], total: 0, offset: query.offset };
    const page = await this.page({ ...filter, lowOnly: true }, query);
    return {
      ...page,
      items: page.items.map((r) => ({
        id: r.id,
        storeId: r.store_id,
        stockItemId: r.stock_item_id,
        sku: r.sku,
        name: r.name,
        unit: r.unit,
        available: r.available,
        lowStockThreshold: r.low_stock_threshold,
        parLevel: r.par_level,
        suggestedQuantity: suggestedQuantity(r.par_level, r.available),
      })),
    };
  }

  async get(id: string): Promise<StockLevelResponse> {
    const level = await this.load(id);
    return this.read(level);
  }

  async update(id: string, input: UpdateStockLevelDto): Promise<StockLevelResponse> {
    const level = await this.load(id);
    if (input.lowStockThreshold !== undefined) level.lowStockThreshold = input.lowStockThreshold;
    if (input.parLevel !== undefined) level.parLevel = input.parLevel;
    level.updatedAt = new Date();
    await this.em.flush();
    return this.read(level);
  }

  private async load(id: string): Promise<StockLevel> {
    const level = await this.em.findOne(StockLevel, id);
    if (!level) throw InventoryError.notFound(InventoryErrorCode.STOCK_LEVEL_NOT_FOUND, 'Stock level', id);
    return level;
  }

  private async read(level: StockLevel): Promise<StockLevelResponse> {
    const { items } = await this.page({ storeId: level.storeId, ids: [level.id] }, { offset: 0, limit: 1, sort: { field: 'sku', order: 'ASC' } });
    const [row] = items;
    if (!row) throw InventoryError.notFound(InventoryErrorCode.STOCK_LEVEL_NOT_FOUND, 'Stock level', level.id);
    return levelResponse(row);
  }

  /** The list's store, or undefined when it is not one the caller may see (an empty list, not a leak). */
  private filterOf(actor: StaffActor, query: ListQuery): LevelFilter | undefined {
    const raw = query.filter as { storeId?: string; id?: string[]; q?: string };
    const storeId = storeOfList(actor, raw);
    if (!storeId) throw CommonError.validation([{ field: 'filter.storeId', reason: 'is required: stock is per store' }]);
    if (!actor.storeIds.includes(storeId)) return undefined;
    return { storeId, organisationId: actor.organisationId, ids: raw.id, q: raw.q };
  }

  private async page(
    filter: LevelFilter,
    query: Pick<ListQuery, 'offset' | 'limit' | 'sort'>,
  ): Promise<{ items: LevelSqlRow[]; total: number; offset: number }> {
    // Every stock item shows at every store, at 0 until something moves it.
    if (filter.organisationId) await this.ledger.ensureOrganisationLevels(filter.storeId, filter.organisationId);
    const where: string[] = ['l.store_id = ?'];
    const params: unknown[] = [filter.storeId, filter.storeId];
    if (filter.ids) {
      where.push('l.id = any(?::uuid[])');
      params.push(uuidArray(filter.ids));
    }
    if (filter.q) {
      where.push(`(i.name ilike ? or i.sku ilike ?)`);
      params.push(likePattern(filter.q), likePattern(filter.q));
    }
    const inner = `
      select l.id, l.store_id, l.stock_item_id, i.sku, i.name, i.unit, l.on_hand,
             l.reserved - coalesce(e.quantity, 0) as reserved,
             l.on_hand - l.reserved + coalesce(e.quantity, 0) as available,
             l.low_stock_threshold, l.par_level,
             greatest(l.par_level - (l.on_hand - l.reserved + coalesce(e.quantity, 0)), 0) as suggested_quantity
        from stock_level l
        join stock_item i on i.id = l.stock_item_id
        left join (${EXPIRED_HOLDS_SQL}) e on e.stock_item_id = l.stock_item_id
       where ${where.join(' and ')}`;
    const outer = filter.lowOnly ? 'where low_stock_threshold > 0 and available <= low_stock_threshold' : '';
    const column = SORT_COLUMNS[query.sort.field] ?? 'name';
    const direction = query.sort.order === 'DESC' ? 'desc' : 'asc';
    const [{ total }] = await this.em.execute<Array<{ total: number }>>(
      `select count(*)::int as total from (${inner}) x ${outer}`,
      params,
    );
    const items = await this.em.execute<LevelSqlRow[]>(
      `select * from (${inner}) x ${outer} order by ${column} ${direction}, id asc limit ? offset ?`,
      [...params, query.limit, query.offset],
    );
    return { items, total, offset: query.offset };
  }
}

function levelResponse(r: LevelSqlRow): StockLevelResponse {
  return {
    id: r.id,
    storeId: r.store_id,
    stockItemId: r.stock_item_id,
    sku: r.sku,
    name: r.name,
    unit: r.unit,
    onHand: r.on_hand,
    reserved: r.reserved,
    available: r.available,
    lowStockThreshold: r.low_stock_threshold,
    parLevel: r.par_level,
    low: isLow(r.low_stock_threshold, r.available),
  };
}
