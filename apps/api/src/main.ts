import { parseEnvironment } from './config/environment';
import { buildConfig } from './config/kassa-config';
import { closeOnSignals, createApp } from './bootstrap';

async function main(): Promise<void> {
  const config = buildConfig(parseEnvironment(process.env));
  const { app, firstStart } = await createApp(config);
  if (process.argv.includes('--migrate-only')) {
    await app.close();
    return;
  }
  closeOnSignals(app);
  await app.listen(config.http.port, config.http.host);
  const base = `http://localhost:${config.http.port}`;
  const lines = [
    '',
    `  Kassa is running ${config.embedded ? 'on the embedded database' : 'on PostgreSQL'} at ${base}`,
    `  Admin console:  ${base}/admin   (sign in as ${firstStart.adminEmail})`,
    `  API reference:  ${base}/api/docs`,
    `  Health:         ${base}/health`,
  ];
  if (firstStart.generatedPassword) {
    lines.push(`  Owner password (shown once, set KASSA_ADMIN_PASSWORD to choose it): ${firstStart.generatedPassword}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
