#!/usr/bin/env node
// Runs the browser tests in test/browser/*.browser-test.mjs in Debian's Chromium against a
// freshly started Kassa API (empty data dir, known admin credentials), then stops the API.
// Set KASSA_BROWSER_BASE_URL (with KASSA_ADMIN_EMAIL and KASSA_ADMIN_PASSWORD) to test a server
// that is already running instead. Arguments pick files by name: `npm run test:browser -- storefront`.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const testDir = path.join(root, 'test', 'browser');
const resultsDir = path.join(root, 'test-results');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const startupTimeoutMs = Number(process.env.KASSA_BROWSER_STARTUP_TIMEOUT_MS ?? 90_000);
const testTimeoutMs = Number(process.env.KASSA_BROWSER_TEST_TIMEOUT_MS ?? 120_000);
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const log = (message) => process.stdout.write(`${message}\n`);

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const ensureAdminBuilt = () => {
  if (existsSync(path.join(root, 'admin', 'dist', 'index.html'))) return;
  log('browser: admin/dist is missing, running npm run build:admin');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build:admin'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build:admin failed (exit ${result.status})`);
};

/** Starts `node scripts/start.mjs` in its own process group so it can be stopped with its children. */
const startApi = async () => {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'kassa-browser-data-'));
  const credentials = {
    email: 'admin@example.com',
    password: `Kassa-${randomBytes(15).toString('base64url')}`,
  };
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      KASSA_DATA_DIR: dataDir,
      KASSA_ADMIN_EMAIL: credentials.email,
      KASSA_ADMIN_PASSWORD: credentials.password,
      LOG_LEVEL: 'warn',
    },
  });
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let running = true;
  void exited.then(() => {
    running = false;
  });

  const stop = async () => {
    if (running) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
      if (timedOut) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await exited;
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    credentials,
    stop,
    output: () => output.join(''),
    isRunning: () => running,
    exited,
  };
};

const waitForHealth = async (baseUrl, isRunning) => {
  const deadline = Date.now() + startupTimeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (!isRunning()) throw new Error('the API process exited before /health answered 200');
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      lastProblem = `GET /health answered ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(500);
  }
  throw new Error(`GET ${baseUrl}/health did not answer 200 within ${startupTimeoutMs / 1000} s (${lastProblem})`);
};

const loadTests = async () => {
  const only = process.argv.slice(2);
  const files = (await readdir(testDir))
    .filter((name) => name.endsWith('.browser-test.mjs') && (only.length === 0 || only.some((part) => name.includes(part))))
    .sort();
  const tests = [];
  for (const file of files) {
    const module = await import(pathToFileURL(path.join(testDir, file)).href);
    if (!Array.isArray(module.tests)) throw new Error(`${file} must export an array named tests`);
    for (const test of module.tests) tests.push({ ...test, file });
  }
  return tests;
};

const slug = (text) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const withTimeout = (promise, ms, what) => {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};

/** Each test gets its own Chromium profile, so no session or language choice leaks between tests. */
const runTest = async (test, server) => {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'kassa-browser-profile-'));
  let context;
  let page;
  const pageErrors = [];
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      locale: test.locale ?? 'en-US',
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(15_000);
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await withTimeout(
      test.run({
        page,
        baseUrl: server.baseUrl,
        adminUrl: `${server.baseUrl}/admin/`,
        credentials: server.credentials,
      }),
      testTimeoutMs,
      test.name,
    );
    log(`ok - ${test.file} › ${test.name}`);
    return true;
  } catch (error) {
    log(`not ok - ${test.file} › ${test.name}`);
    log(`  ${(error instanceof Error ? error.stack ?? error.message : String(error)).replace(/\n/g, '\n  ')}`);
    if (pageErrors.length > 0) log(`  errors in the page: ${pageErrors.join(' | ')}`);
    if (page) {
      await mkdir(resultsDir, { recursive: true });
      const file = path.join(resultsDir, `browser-${slug(test.file)}-${slug(test.name)}.png`);
      await page
        .screenshot({ path: file, fullPage: true })
        .then(() => log(`  screenshot: ${path.relative(root, file)}`))
        .catch((shotError) => log(`  no screenshot: ${shotError.message}`));
    }
    return false;
  } finally {
    await context?.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
  }
};

const main = async () => {
  const tests = await loadTests();
  ensureAdminBuilt();

  let server;
  if (process.env.KASSA_BROWSER_BASE_URL) {
    server = {
      baseUrl: process.env.KASSA_BROWSER_BASE_URL.replace(/\/$/, ''),
      credentials: {
        email: process.env.KASSA_ADMIN_EMAIL ?? 'admin@example.com',
        password: process.env.KASSA_ADMIN_PASSWORD ?? '',
      },
      stop: async () => undefined,
      output: () => '',
      isRunning: () => true,
    };
  } else {
    server = await startApi();
  }

  const stopOnSignal = (signal) => {
    void server.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  let passed = 0;
  let failed = 0;
  const showApiOutput = () => {
    const output = server.output().trim();
    if (output) log(`--- API output (last lines) ---\n${output.split('\n').slice(-60).join('\n')}\n---`);
  };
  try {
    await waitForHealth(server.baseUrl, server.isRunning);
    for (const test of tests) {
      if (await runTest(test, server)) passed += 1;
      else failed += 1;
    }
    if (failed > 0) showApiOutput();
  } catch (error) {
    log(`browser: could not run the tests: ${error instanceof Error ? error.message : String(error)}`);
    showApiOutput();
    failed = Math.max(tests.length - passed, 1);
  } finally {
    await server.stop();
  }

  log(`browser: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
};

main().catch((error) => {
  log(`browser: ${error instanceof Error ? error.message : String(error)}`);
  log('browser: 0 passed, 1 failed');
  process.exitCode = 1;
});
