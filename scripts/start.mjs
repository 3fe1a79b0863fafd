#!/usr/bin/env node
// `npm start`: builds what is missing or stale (the api in about a second, the admin console
// once), then runs the api. Any arguments are passed on (`--migrate-only` for `npm run migrate`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfStale(name, sources, output, script) {
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  const changed = Math.max(...sources.map((s) => newestMtime(join(root, s))));
  if (built >= changed) return;
  process.stdout.write(`Building ${name}…\n`);
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

buildIfStale('the api', ['apps/api/src', 'libs', 'migrations'], join(root, 'dist/apps/api/src/main.js'), 'build:api');
if (!process.argv.includes('--migrate-only')) {
  buildIfStale('the admin console', ['admin/src', 'admin/public', 'admin/index.html', 'admin/vite.config.ts'], join(root, 'admin/dist/index.html'), 'build:admin');
}

const api = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/apps/api/src/main.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
