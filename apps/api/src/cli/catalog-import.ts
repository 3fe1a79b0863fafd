/**
 * Imports a catalogue CSV: `npm run catalog:import -- file.csv [--organisation <id>] [--dry-run]`.
 * Boots the app's module graph with the configuration from the environment (like the api, without
 * workers), checks the whole file, reports every bad row, and writes all rows in one transaction.
 * On the embedded database, stop the api first: only one process may open ./data.
 */
import { readFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/core';
import { CatalogError, CatalogImportService } from '@kassa/catalog';
import { migrate, systemEntityManager } from '@kassa/platform';
import { StoresService } from '@kassa/stores';
import { AppModule } from '../app.module';
import { parseEnvironment } from '../config/environment';
import { buildConfig } from '../config/kassa-config';

interface Arguments {
  readonly file: string;
  readonly organisationId?: string;
  readonly dryRun: boolean;
}

function parseArguments(argv: readonly string[]): Arguments {
  let file: string | undefined;
  let organisationId: string | undefined;
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--organisation') organisationId = argv[++i];
    else if (argv[i] === '--dry-run') dryRun = true;
    else if (!argv[i].startsWith('--') && !file) file = argv[i];
    else throw new Error(`Unknown argument ${argv[i]}`);
  }
  if (!file) throw new Error('Usage: npm run catalog:import -- file.csv [--organisation <id>] [--dry-run]');
  return { file, organisationId, dryRun };
}

/** A progress bar drawn in place with \r on stderr, so stdout stays clean for the summary. */
function progressBar(label: string): (done: number, total: number) => void {
  const width = 30;
  return (done, total) => {
    const share = total === 0 ? 1 : done / total;
    const filled = Math.round(share * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total}`);
    if (done >= total) process.stderr.write('\n');
  };
}

async function onlyOrganisation(stores: StoresService): Promise<string> {
  const organisations = new Set<string>();
  for (const store of await stores.listPublic()) organisations.add((await stores.get(store.id)).organisationId);
  if (organisations.size === 1) return [...organisations][0];
  throw new Error(organisations.size === 0 ? 'There is no organisation yet: start the api once first' : 'There are several organisations: pass --organisation <id>');
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  const csv = readFileSync(args.file, 'utf8');
  const config = buildConfig(parseEnvironment({ LOG_LEVEL: 'warn', ...process.env, KASSA_WORKERS: 'false' }));
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    await migrate(app.get(MikroORM));
    const em = systemEntityManager(app.get(MikroORM));
    const started = Date.now();
    const result = await em.transactional(async () => {
      const organisationId = args.organisationId ?? (await onlyOrganisation(app.get(StoresService)));
      process.stderr.write(`Checking ${args.file}…\n`);
      return app.get(CatalogImportService).importCsv(organisationId, csv, { dryRun: args.dryRun, onProgress: progressBar('Importing') });
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`${args.dryRun ? 'Checked (nothing written)' : 'Imported'} ${result.rows} rows: ${result.created} created, ${result.updated} updated in ${seconds} s\n`);
  } catch (error) {
    if (error instanceof CatalogError && error.details.length > 0) {
      process.stderr.write(`\n${error.message.split(':')[0]}; nothing was imported:\n`);
      for (const d of error.details) process.stderr.write(`  ${d.field}: ${d.reason}\n`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
