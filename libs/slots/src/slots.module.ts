import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { CatalogModule } from '@kassa/catalog';
import { StoresModule } from '@kassa/stores';
import { BusyMode } from './busy-mode.entity';
import { CapacityRuleEntity } from './capacity-rule.entity';
import { PickupAdminController } from './pickup-admin.controller';
import { PickupAdminService } from './pickup-admin.service';
import { PickupConfigService } from './pickup-config.service';
import { PickupException } from './pickup-exception.entity';
import { PickupRulesAdminController } from './pickup-rules-admin.controller';
import { PickupRulesAdminService } from './pickup-rules-admin.service';
import { PickupSchedule } from './pickup-schedule.entity';
import { PickupSlotsController } from './pickup-slots.controller';
import { PickupStorefrontService } from './pickup-storefront.service';
import { SlotHold } from './slot-hold.entity';
import { SlotHoldSweeper } from './slot-hold.sweeper';
import { SlotLedger } from './slot-ledger.repository';
import { SlotLoad } from './slot-load.entity';
import { SlotsService } from './slots.service';
import { StoreInScopeGuard } from './store-in-scope.guard';

/** Handed to the platform's ORM setup by the app. */
export const SLOTS_ENTITIES = [PickupSchedule, PickupException, CapacityRuleEntity, BusyMode, SlotHold, SlotLoad];

@Module({
  imports: [MikroOrmModule.forFeature(SLOTS_ENTITIES), StoresModule, CatalogModule],
  controllers: [PickupSlotsController, PickupAdminController, PickupRulesAdminController],
  providers: [
    PickupConfigService,
    SlotLedger,
    SlotsService,
    SlotHoldSweeper,
    PickupStorefrontService,
    PickupAdminService,
    PickupRulesAdminService,
    StoreInScopeGuard,
  ],
  exports: [SlotsService],
})
export class SlotsModule {}
