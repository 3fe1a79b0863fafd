#!/usr/bin/env node
// `npm start`: builds what is missing or stale (the api in about a second, the admin console
// and the storefront once), then runs the api. Any arguments are passed on (`--migrate-only` for `npm run migrate`).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale('the api', ['apps/api/src', 'libs', 'migrations'], join(root, 'dist/apps/api/src/main.js'), 'build:api');
if (!process.argv.includes('--migrate-only')) {
  buildIfStale('the admin console', ['admin/src', 'admin/public', 'admin/index.html', 'admin/vite.config.ts'], join(root, 'admin/dist/index.html'), 'build:admin');
  buildIfStale('the storefront', ['apps/storefront/src', 'apps/storefront/index.html', 'apps/storefront/vite.config.ts'], join(root, 'apps/storefront/dist/index.html'), 'build:storefront');
}

const api = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/apps/api/src/main.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
