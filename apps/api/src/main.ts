import cluster from 'node:cluster';
import { parseEnvironment } from './config/environment';
import { buildConfig } from './config/kassa-config';
import { closeOnSignals, createApp } from './bootstrap';
import { reportListening, runProcesses } from './cluster';

async function main(): Promise<void> {
  const config = buildConfig(parseEnvironment(process.env));
  const migrateOnly = process.argv.includes('--migrate-only');
  if (config.http.processes > 1 && cluster.isPrimary && !migrateOnly) {
    await runProcesses(config.http.processes, (banner) => process.stdout.write(`${banner}\n\n`));
    return;
  }
  const { app, firstStart } = await createApp(config);
  if (migrateOnly) {
    await app.close();
    return;
  }
  closeOnSignals(app);
  await app.listen(config.http.port, config.http.host);
  const { port } = app.getHttpServer().address() as { port: number };
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    `  Kassa is running ${config.embedded ? 'on the embedded database' : 'on PostgreSQL'} at ${base}`,
    `  Storefront:     ${base}/`,
    `  Admin console:  ${base}/admin   (sign in as ${firstStart.adminEmail})`,
    `  API reference:  ${base}/api/docs`,
    `  Health:         ${base}/health`,
  ];
  if (firstStart.generatedPassword) {
    lines.push(`  Owner password (shown once, set KASSA_ADMIN_PASSWORD to choose it): ${firstStart.generatedPassword}`);
  }
  if (cluster.isWorker) reportListening(port, lines.join('\n'));
  else process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
