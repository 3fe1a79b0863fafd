import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Category } from '../entities/category.entity';
import { ModifierGroup } from '../entities/modifier-group.entity';
import { ModifierOption } from '../entities/modifier-option.entity';
import { Product } from '../entities/product.entity';
import { ProductOverride } from '../entities/product-override.entity';
import { PricingModifierGroup, PricingOverride, PricingProduct } from '../rules/pricing';

/** Products with everything a sale needs, loaded in a fixed number of queries whatever their count. */
export interface LoadedProducts {
  readonly products: Product[];
  readonly categories: Map<string, Category>;
  readonly groups: Map<string, PricingModifierGroup>;
}

@Injectable()
export class CatalogReader {
  constructor(private readonly em: EntityManager) {}

  async products(organisationId: string, where: FilterQuery<Product>): Promise<LoadedProducts> {
    const products = await this.em.find(Product, { $and: [{ organisationId }, where] }, { orderBy: { nameSv: 'ASC', id: 'ASC' } });
    const groupIds = [...new Set(products.flatMap((p) => p.modifierGroupIds))];
    const categoryIds = [...new Set(products.map((p) => p.categoryId).filter((id): id is string => id !== null))];
    const [groups, options, categories] = await Promise.all([
      groupIds.length ? this.em.find(ModifierGroup, { organisationId, id: { $in: groupIds } }) : Promise.resolve([]),
      groupIds.length ? this.em.find(ModifierOption, { groupId: { $in: groupIds } }, { orderBy: { position: 'ASC' } }) : Promise.resolve([]),
      categoryIds.length ? this.em.find(Category, { organisationId, id: { $in: categoryIds } }) : Promise.resolve([]),
    ]);
    const optionsByGroup = new Map<string, ModifierOption[]>();
    for (const option of options) {
      const list = optionsByGroup.get(option.groupId) ?? [];
      if (list.length === 0) optionsByGroup.set(option.groupId, list);
      list.push(option);
    }
    const groupMap = new Map<string, PricingModifierGroup>(
      groups.map((g) => [
        g.id,
        {
          id: g.id,
          nameSv: g.nameSv,
          nameEn: g.nameEn,
          minSelections: g.minSelections,
          maxSelections: g.maxSelections,
          options: (optionsByGroup.get(g.id) ?? []).map((o) => ({ id: o.id, nameSv: o.nameSv, nameEn: o.nameEn, priceDelta: o.priceDelta, active: o.active })),
        },
      ]),
    );
    return { products, categories: new Map(categories.map((c) => [c.id, c])), groups: groupMap };
  }

  async categoriesOf(organisationId: string): Promise<Category[]> {
    return this.em.find(Category, { organisationId }, { orderBy: { position: 'ASC' } });
  }

  async overrides(storeId: string, productIds?: readonly string[]): Promise<Map<string, PricingOverride>> {
    const where: FilterQuery<ProductOverride> = productIds ? { storeId, productId: { $in: [...productIds] } } : { storeId };
    const overrides = await this.em.find(ProductOverride, where);
    return new Map(overrides.map((o) => [o.productId, { price: o.price, available: o.available, listed: o.listed, soldOutDate: o.soldOutDate }]));
  }
}

export function toPricingProduct(product: Product, loaded: LoadedProducts): PricingProduct {
  const category = product.categoryId ? loaded.categories.get(product.categoryId) : undefined;
  return {
    id: product.id,
    sku: product.sku,
    nameSv: product.nameSv,
    nameEn: product.nameEn,
    category: category ? { id: category.id, nameSv: category.nameSv, nameEn: category.nameEn } : null,
    price: product.price,
    vatRate: product.vatRate,
    prepMinutes: product.prepMinutes,
    prepMinutesPerExtraUnit: product.prepMinutesPerExtraUnit,
    channels: product.channels,
    active: product.active,
    modifierGroups: product.modifierGroupIds.map((id) => loaded.groups.get(id)).filter((g): g is PricingModifierGroup => g !== undefined),
  };
}
