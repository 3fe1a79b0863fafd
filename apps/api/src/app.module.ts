import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import type { ModuleMetadata } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { MIGRATIONS } from '@kassa/migrations';
import { CATALOG_ENTITIES, CatalogModule } from '@kassa/catalog';
import { IDENTITY_ENTITIES, IdentityModule } from '@kassa/identity';
import { INVENTORY_ENTITIES, InventoryModule } from '@kassa/inventory';
import { NOTIFICATIONS_ENTITIES, NotificationsModule } from '@kassa/notifications';
import { ORDERS_ENTITIES, OrdersModule } from '@kassa/orders';
import { PAYMENTS_ENTITIES, PaymentsModule } from '@kassa/payments';
import { PlatformModule } from '@kassa/platform';
import { PRINTING_ENTITIES, PrintingModule } from '@kassa/printing';
import { SLOTS_ENTITIES, SlotsModule } from '@kassa/slots';
import { STORES_ENTITIES, StoresModule } from '@kassa/stores';
import { KassaConfig } from './config/kassa-config';

export const KASSA_CONFIG = Symbol('KASSA_CONFIG');

export type ModuleImport = NonNullable<ModuleMetadata['imports']>[number];

/** Assembles the libs into the one deployable app; no domain logic lives here. */
@Module({})
export class AppModule {
  /** `extraImports` lets an embedding program (or a test) add modules, e.g. more outbox consumers. */
  static forRoot(config: KassaConfig, extraImports: ModuleImport[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          // Every route, in Nest 11's path syntax (the default `*` is converted with a warning at each start).
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            redact: {
              paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-order-token"]', 'res.headers["set-cookie"]'],
              censor: '[redacted]',
            },
            customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
          },
        }),
        ScheduleModule.forRoot(),
        PlatformModule.forRoot(config.platform, MIGRATIONS, [
          ...STORES_ENTITIES,
          ...IDENTITY_ENTITIES,
          ...INVENTORY_ENTITIES,
          ...CATALOG_ENTITIES,
          ...SLOTS_ENTITIES,
          ...PAYMENTS_ENTITIES,
          ...ORDERS_ENTITIES,
          ...PRINTING_ENTITIES,
          ...NOTIFICATIONS_ENTITIES,
        ]),
        StoresModule,
        IdentityModule.forRoot(config.identity),
        InventoryModule,
        CatalogModule,
        SlotsModule,
        PaymentsModule.forRoot(config.payments),
        OrdersModule.forRoot(config.orders),
        PrintingModule.forRoot(config.printing),
        NotificationsModule.forRoot(config.notifications),
        ...extraImports,
      ],
      providers: [{ provide: KASSA_CONFIG, useValue: config }],
      exports: [KASSA_CONFIG],
    };
  }
}
