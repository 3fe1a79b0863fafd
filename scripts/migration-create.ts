/**
 * Writes the migration that brings the schema from the last listed migration to the entities:
 * `npm run migration:create -- name`. It boots the app's module graph on a throwaway in-memory
 * database, so every lib's entities are seen exactly as the app sees them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/core';
import { AppModule } from '../apps/api/src/app.module';
import { parseEnvironment } from '../apps/api/src/config/environment';
import { buildConfig } from '../apps/api/src/config/kassa-config';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('Usage: npm run migration:create -- <snake_case_name>');
  const config = buildConfig(parseEnvironment({ KASSA_DATA_DIR: 'memory://', KASSA_WORKERS: 'false', LOG_LEVEL: 'warn' }));
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  const orm = app.get(MikroORM);
  const migrator = orm.getMigrator();
  await migrator.up();
  const result = await migrator.createMigration('migrations', false, false, name);
  if (!result.fileName) {
    process.stdout.write('The schema already matches the entities; nothing written.\n');
  } else {
    const className = /export class (\w+)/.exec(result.code)?.[1];
    const index = join('migrations', 'index.ts');
    const module = result.fileName.replace(/\.ts$/, '');
    const source = readFileSync(index, 'utf8')
      .replace(/(import type \{ MigrationObject \} from '@mikro-orm\/core';\n)/, `$1import { ${className} } from './${module}';\n`)
      .replace(/\n\];\s*$/, `\n  { name: '${module}', class: ${className} },\n];\n`);
    writeFileSync(index, source);
    process.stdout.write(`Wrote migrations/${result.fileName} and listed it in migrations/index.ts\n`);
  }
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
