import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Organisation } from './organisation.entity';
import { Store } from './store.entity';
import { StoresAdminController } from './stores-admin.controller';
import { StoresController } from './stores.controller';
import { StoresService } from './stores.service';

/** Handed to the platform's ORM setup by the app. */
export const STORES_ENTITIES = [Organisation, Store];

@Module({
  imports: [MikroOrmModule.forFeature(STORES_ENTITIES)],
  controllers: [StoresController, StoresAdminController],
  providers: [StoresService],
  exports: [StoresService],
})
export class StoresModule {}
