import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Migrator } from '@mikro-orm/migrations';
import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { PlatformOptions } from '../platform.options';
import { EmbeddedPostgres } from './embedded-postgres';

const EMBEDDED = Symbol('EMBEDDED_POSTGRES');
const ormLogger = new Logger('MikroORM');

@Module({})
class EmbeddedDatabaseModule {}

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly orm: MikroORM,
    @Inject(EMBEDDED) private readonly embedded: EmbeddedPostgres | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // The embedded server must outlive the pool, so the pool is closed here first.
    await this.orm.close(true);
    await this.embedded?.stop();
  }
}

@Module({})
export class DatabaseModule {
  static forRoot(options: PlatformOptions['database'], migrations: MigrationObject[], entities: EntityClass<object>[]): DynamicModule {
    const embedded: DynamicModule = {
      module: EmbeddedDatabaseModule,
      providers: [
        {
          provide: EMBEDDED,
          useFactory: () => (options.url ? null : EmbeddedPostgres.start(options.dataDir, options.poolSize + 2)),
        },
      ],
      exports: [EMBEDDED],
    };
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        embedded,
        MikroOrmModule.forRootAsync({
          imports: [embedded],
          inject: [EMBEDDED],
          useFactory: (server: EmbeddedPostgres | null) => ({
            driver: PostgreSqlDriver,
            clientUrl: options.url ?? server?.url,
            // Listed, not auto-loaded: auto-loading registers entities once per process, so a
            // second app in the same process (tests) would start without them.
            entities,
            forceUtcTimezone: true,
            pool: { min: 0, max: options.poolSize },
            extensions: [Migrator],
            // No snapshot files: new migrations are diffed against a database migrated to the latest.
            migrations: { migrationsList: migrations, transactional: true, allOrNothing: true, snapshot: false },
            discovery: { warnWhenNoEntities: false },
            logger: (message: string) => ormLogger.debug(message),
          }),
        }),
      ],
      providers: [DatabaseLifecycle],
    };
  }
}

/** Brings the schema up to date: the only way the schema changes. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  if (applied.length > 0) {
    new Logger('Migrations').log(`Applied ${applied.map((m) => m.name).join(', ')}`);
  }
  return applied.map((m) => m.name);
}
