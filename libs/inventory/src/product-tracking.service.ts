import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { FieldProblem, isUuid } from '@kassa/shared';
import { InventoryError } from './inventory.errors';
import { StockTracking } from './inventory.types';
import { ProductTracking } from './product-tracking.entity';
import { StockItemsService } from './stock-items.service';
import { StockItem } from './stock-item.entity';
import { trackingProblems } from './stock-rules';

/** Products' stock settings, as the catalog's product form sets them. */
@Injectable()
export class ProductTrackingService {
  constructor(
    private readonly em: EntityManager,
    private readonly items: StockItemsService,
  ) {}

  async configure(
    organisationId: string,
    product: { productId: string; sku: string; name: string },
    tracking: StockTracking,
  ): Promise<void> {
    if (!isUuid(product.productId)) throw InventoryError.invalidSettings([{ field: 'productId', reason: 'must be a product id' }]);
    const problems = trackingProblems(tracking);
    if (problems.length === 0 && tracking.mode === 'recipe') problems.push(...(await this.unknownIngredients(organisationId, tracking)));
    if (problems.length > 0) throw InventoryError.invalidSettings(problems);

    let own = await this.em.findOne(StockItem, { productId: product.productId, organisationId });
    if (own) {
      // The product's own stock keeps its name and SKU, whichever mode it is in now.
      if (own.sku !== product.sku) await this.items.assertSkuFree(organisationId, product.sku, own.id);
      own.sku = product.sku;
      own.name = product.name;
      if (tracking.mode === 'tracked') own.allowBackorder = tracking.allowBackorder;
    } else if (tracking.mode === 'tracked') {
      await this.items.assertSkuFree(organisationId, product.sku, null);
      own = Object.assign(new StockItem(), {
        organisationId,
        sku: product.sku,
        name: product.name,
        unit: 'pcs' as const,
        productId: product.productId,
        allowBackorder: tracking.allowBackorder,
      });
      this.em.persist(own);
    }

    let row = await this.em.findOne(ProductTracking, { productId: product.productId, organisationId });
    if (!row) {
      row = Object.assign(new ProductTracking(), { productId: product.productId, organisationId });
      this.em.persist(row);
    }
    row.mode = tracking.mode;
    row.stockItemId = tracking.mode === 'tracked' && own ? own.id : null;
    row.ingredients = tracking.mode === 'recipe' ? tracking.ingredients.map((i) => ({ stockItemId: i.stockItemId, quantity: i.quantity })) : [];
    // Reservations read these rows with SQL in the same transaction, so they are written now.
    await this.em.flush();
  }

  async of(productIds: readonly string[]): Promise<Map<string, StockTracking>> {
    const ids = [...new Set(productIds.filter(isUuid))];
    const rows = ids.length > 0 ? await this.em.find(ProductTracking, { productId: { $in: ids } }) : [];
    const ownIds = rows.flatMap((r) => (r.mode === 'tracked' && r.stockItemId ? [r.stockItemId] : []));
    const own = ownIds.length > 0 ? await this.em.find(StockItem, { id: { $in: ownIds } }) : [];
    const backorder = new Map(own.map((i) => [i.id, i.allowBackorder]));
    const byProduct = new Map(rows.map((r) => [r.productId, r]));
    return new Map(
      productIds.map((id): [string, StockTracking] => {
        const row = byProduct.get(id);
        if (row?.mode === 'tracked') return [id, { mode: 'tracked', allowBackorder: backorder.get(row.stockItemId ?? '') ?? false }];
        if (row?.mode === 'recipe') return [id, { mode: 'recipe', ingredients: row.ingredients.map((i) => ({ ...i })) }];
        return [id, { mode: 'untracked' }];
      }),
    );
  }

  private async unknownIngredients(
    organisationId: string,
    tracking: Extract<StockTracking, { mode: 'recipe' }>,
  ): Promise<FieldProblem[]> {
    const ids = tracking.ingredients.map((i) => i.stockItemId);
    const found = new Set((await this.em.find(StockItem, { id: { $in: ids }, organisationId }, { fields: ['id'] })).map((i) => i.id));
    return tracking.ingredients.flatMap((ingredient, i) =>
      found.has(ingredient.stockItemId)
        ? []
        : [{ field: `stock.ingredients.${i}.stockItemId`, reason: 'is not a stock item of this organisation' }],
    );
  }
}
