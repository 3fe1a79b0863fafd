import { DynamicModule, Global, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseModule } from './database/database.module';
import { HealthController, RedisHealth } from './health/health.controller';
import { EventPublisher } from './outbox/event-publisher';
import { OutboxAdminController, OutboxAdminService } from './outbox/outbox-admin.controller';
import { OutboxConsumers } from './outbox/outbox.consumers';
import { OutboxDelivery } from './outbox/outbox-delivery';
import { OutboxDispatcher } from './outbox/outbox-dispatcher';
import { OutboxMaintenance } from './outbox/outbox-maintenance';
import { OutboxMessage } from './outbox/outbox-message.entity';
import { PLATFORM_OPTIONS, PlatformOptions } from './platform.options';

/** Database, outbox, jobs, health and metrics: the parts every domain lib stands on. */
@Global()
@Module({})
export class PlatformModule {
  /** `entities`: every lib's entity list (`STORES_ENTITIES`, …); the platform adds its own. */
  static forRoot(options: PlatformOptions, migrations: MigrationObject[], entities: EntityClass<object>[]): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        DatabaseModule.forRoot(options.database, migrations, [OutboxMessage, ...entities]),
        MikroOrmModule.forFeature([OutboxMessage]),
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController, OutboxAdminController],
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        OutboxConsumers,
        EventPublisher,
        OutboxDelivery,
        OutboxDispatcher,
        OutboxMaintenance,
        OutboxAdminService,
        RedisHealth,
      ],
      exports: [PLATFORM_OPTIONS, OutboxConsumers, EventPublisher, OutboxDelivery, OutboxDispatcher],
    };
  }

}
