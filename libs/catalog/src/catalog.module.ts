import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { InventoryModule } from '@kassa/inventory';
import { StoresModule } from '@kassa/stores';
import { CatalogAdminController } from './admin/catalog-admin.controller';
import { CatalogSettingsAdminService } from './admin/catalog-settings-admin.service';
import { CategoriesAdminController } from './admin/categories-admin.controller';
import { CategoriesService } from './admin/categories.service';
import { ModifierGroupsAdminController } from './admin/modifier-groups-admin.controller';
import { ModifierGroupsService } from './admin/modifier-groups.service';
import { ProductOverridesAdminController, SoldOutAdminController } from './admin/product-overrides-admin.controller';
import { ProductOverridesService } from './admin/product-overrides.service';
import { ProductsAdminController } from './admin/products-admin.controller';
import { ProductsService } from './admin/products.service';
import { VisibleResourceGuard } from './admin/visible-resource.guard';
import { CatalogSettingsService } from './catalog-settings.service';
import { CatalogService } from './catalog.service';
import { DemoCatalogue } from './demo/demo-catalogue';
import { CatalogSettings } from './entities/catalog-settings.entity';
import { Category } from './entities/category.entity';
import { ModifierGroup } from './entities/modifier-group.entity';
import { ModifierOption } from './entities/modifier-option.entity';
import { Product } from './entities/product.entity';
import { ProductOverride } from './entities/product-override.entity';
import { CatalogImportService } from './import/catalog-import.service';
import { CatalogReader } from './storefront/catalog-reader';
import { PricingCache } from './storefront/pricing-cache';
import { StorefrontCatalogController } from './storefront/storefront-catalog.controller';
import { StorefrontCatalogService } from './storefront/storefront-catalog.service';

/** Handed to the platform's ORM setup by the app. */
export const CATALOG_ENTITIES = [CatalogSettings, Category, Product, ModifierGroup, ModifierOption, ProductOverride];

@Module({
  imports: [MikroOrmModule.forFeature(CATALOG_ENTITIES), StoresModule, InventoryModule],
  controllers: [
    StorefrontCatalogController,
    CategoriesAdminController,
    ProductsAdminController,
    ModifierGroupsAdminController,
    ProductOverridesAdminController,
    SoldOutAdminController,
    CatalogAdminController,
  ],
  providers: [
    CatalogSettingsService,
    CatalogSettingsAdminService,
    CatalogReader,
    PricingCache,
    CatalogService,
    CategoriesService,
    ModifierGroupsService,
    ProductsService,
    ProductOverridesService,
    StorefrontCatalogService,
    CatalogImportService,
    DemoCatalogue,
    VisibleResourceGuard,
  ],
  exports: [CatalogService, CatalogImportService, DemoCatalogue],
})
export class CatalogModule {}
