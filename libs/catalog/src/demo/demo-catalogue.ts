import { Injectable, Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { InventoryService, StockTracking } from '@kassa/inventory';
import { systemEntityManager } from '@kassa/platform';
import { CatalogSettingsService } from '../catalog-settings.service';
import { Category } from '../entities/category.entity';
import { ModifierGroup } from '../entities/modifier-group.entity';
import { ModifierOption } from '../entities/modifier-option.entity';
import { Product } from '../entities/product.entity';
import { DEMO_CATEGORIES, DEMO_GROUPS, DEMO_INGREDIENTS, DEMO_PRODUCTS, DemoGroupKey, DemoIngredientKey } from './demo-catalogue.data';

/**
 * Fills the demo store created on first start with a café and deli catalogue, its ingredients
 * and opening stock, so `npm start` shows something worth clicking through.
 */
@Injectable()
export class DemoCatalogue {
  private readonly logger = new Logger('DemoCatalogue');

  constructor(
    private readonly orm: MikroORM,
    private readonly em: EntityManager,
    private readonly inventory: InventoryService,
    private readonly settings: CatalogSettingsService,
  ) {}

  /** Runs in its own unscoped transaction, outside any request. */
  async seed(organisationId: string, storeId: string): Promise<void> {
    const em = systemEntityManager(this.orm);
    await em.transactional(() => this.fill(organisationId, storeId));
    this.logger.log(`Filled the demo store with ${DEMO_PRODUCTS.length} products`);
  }

  private async fill(organisationId: string, storeId: string): Promise<void> {
    const categoryIds = new Map<string, string>();
    DEMO_CATEGORIES.forEach((c, position) => {
      const category = Object.assign(new Category(), { organisationId, nameSv: c.nameSv, nameEn: c.nameEn, position: position * 10 });
      this.em.persist(category);
      categoryIds.set(c.nameSv, category.id);
    });
    const groupIds = new Map<DemoGroupKey, string>();
    for (const [key, g] of Object.entries(DEMO_GROUPS) as Array<[DemoGroupKey, (typeof DEMO_GROUPS)[DemoGroupKey]]>) {
      const group = Object.assign(new ModifierGroup(), { organisationId, nameSv: g.nameSv, nameEn: g.nameEn, minSelections: g.min, maxSelections: g.max });
      this.em.persist(group);
      g.options.forEach(([nameSv, nameEn, priceDelta], position) =>
        this.em.persist(Object.assign(new ModifierOption(), { organisationId, groupId: group.id, nameSv, nameEn, priceDelta, position })),
      );
      groupIds.set(key, group.id);
    }
    const ingredientIds = new Map<DemoIngredientKey, string>();
    for (const [key, i] of Object.entries(DEMO_INGREDIENTS) as Array<[DemoIngredientKey, (typeof DEMO_INGREDIENTS)[DemoIngredientKey]]>) {
      const id = await this.inventory.createStockItem(organisationId, { sku: i.sku, name: i.name, unit: i.unit });
      ingredientIds.set(key, id);
      await this.inventory.recordMovement({ storeId, stockItemId: id, kind: 'delivery', quantity: i.delivered, reason: 'Demo: opening stock' });
    }
    for (const d of DEMO_PRODUCTS) {
      const product = Object.assign(new Product(), {
        organisationId,
        sku: d.sku,
        nameSv: d.nameSv,
        nameEn: d.nameEn,
        descriptionSv: d.descriptionSv,
        descriptionEn: d.descriptionEn,
        categoryId: categoryIds.get(d.category) ?? null,
        price: d.price,
        vatRate: d.vatRate,
        barcode: d.barcode ?? null,
        prepMinutes: d.prepMinutes,
        prepMinutesPerExtraUnit: d.prepMinutesPerExtraUnit ?? null,
        channels: [...(d.channels ?? ['online', 'pos'])],
        modifierGroupIds: (d.groups ?? []).map((g) => groupIds.get(g) ?? ''),
      });
      this.em.persist(product);
      const tracking: StockTracking =
        d.stock.mode === 'recipe'
          ? { mode: 'recipe', ingredients: d.stock.ingredients.map((i) => ({ stockItemId: ingredientIds.get(i.ingredient) ?? '', quantity: i.quantity })) }
          : d.stock.mode === 'tracked'
            ? { mode: 'tracked', allowBackorder: false }
            : { mode: 'untracked' };
      await this.inventory.configureProduct(organisationId, { productId: product.id, sku: product.sku, name: product.nameSv }, tracking);
      if (d.stock.mode === 'tracked') await this.receiveOwnStock(storeId, product.id, d.stock.onHand);
    }
    await this.settings.changed(organisationId, 'demo');
  }

  private async receiveOwnStock(storeId: string, productId: string, quantity: number): Promise<void> {
    const stockItemId = await this.inventory.stockItemIdOf(productId);
    if (!stockItemId) throw new Error(`Inventory made no stock item for tracked product ${productId}`);
    await this.inventory.recordMovement({ storeId, stockItemId, kind: 'delivery', quantity, reason: 'Demo: morning bake and delivery' });
  }
}
