import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { HoldExpiryJob } from './hold-expiry.job';
import { InventoryService } from './inventory.service';
import { ProductTracking } from './product-tracking.entity';
import { ProductTrackingService } from './product-tracking.service';
import { StockHold } from './stock-hold.entity';
import { StockItem } from './stock-item.entity';
import { StockItemsAdminController } from './stock-items-admin.controller';
import { StockItemsService } from './stock-items.service';
import { StockLedger } from './stock-ledger.repository';
import { StockLevel } from './stock-level.entity';
import { ReorderSuggestionsAdminController, StockLevelsAdminController } from './stock-levels-admin.controller';
import { StockLevelsService } from './stock-levels.service';
import { StockMovement } from './stock-movement.entity';
import { StockMovementsAdminController } from './stock-movements-admin.controller';
import { StockMovementsService } from './stock-movements.service';

/** Handed to the platform's ORM setup by the app. */
export const INVENTORY_ENTITIES = [StockItem, ProductTracking, StockLevel, StockMovement, StockHold];

@Module({
  imports: [MikroOrmModule.forFeature(INVENTORY_ENTITIES)],
  controllers: [
    StockItemsAdminController,
    StockLevelsAdminController,
    StockMovementsAdminController,
    ReorderSuggestionsAdminController,
  ],
  providers: [
    StockLedger,
    StockItemsService,
    StockLevelsService,
    StockMovementsService,
    ProductTrackingService,
    InventoryService,
    HoldExpiryJob,
  ],
  exports: [InventoryService],
})
export class InventoryModule {}
