/**
 * Storefront catalogue benchmark: `node -r @swc-node/register bench/catalog/run.ts`.
 *
 * Boots the api in a child process (embedded PGlite in memory, or DATABASE_URL when set), seeds
 * 500 products with modifier groups through the admin API, then measures requests/s and p50/p99
 * latency of `GET /api/v1/stores/:id/catalog` and, in the same run, of the public store list
 * `GET /api/v1/stores` as the baseline: same guard, pipes and one database read, tiny body. The
 * catalogue is measured twice: uncompressed, and with `Accept-Encoding: gzip` as browsers send it.
 * Options: --connections 16 --seconds 15 --products 500
 */
import { ChildProcess, fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';

interface Options {
  readonly connections: number;
  readonly seconds: number;
  readonly products: number;
}

const OWNER_EMAIL = 'bench@example.com';
const OWNER_PASSWORD = 'bench-password-1234';

function options(argv: readonly string[]): Options {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  return { connections: value('connections', 16), seconds: value('seconds', 15), products: value('products', 500) };
}

/** Child mode: boot the real app the way main.ts does and report the port. */
async function serve(): Promise<void> {
  const { createApp } = await import('../../apps/api/src/bootstrap');
  const { parseEnvironment } = await import('../../apps/api/src/config/environment');
  const { buildConfig } = await import('../../apps/api/src/config/kassa-config');
  const config = buildConfig(
    parseEnvironment({
      KASSA_DATA_DIR: 'memory://',
      LOG_LEVEL: 'silent',
      KASSA_DEMO_DATA: 'false',
      KASSA_ADMIN_EMAIL: OWNER_EMAIL,
      KASSA_ADMIN_PASSWORD: OWNER_PASSWORD,
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      ...process.env,
    }),
  );
  const { app } = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  process.send?.({ port });
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function call(port: number, method: string, path: string, body?: unknown, auth?: string, extra: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(auth ? { authorization: auth } : {}),
          ...extra,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function json<T>(port: number, method: string, path: string, body?: unknown, auth?: string, expected = [200, 201]): Promise<T> {
  const response = await call(port, method, path, body, auth);
  if (!expected.includes(response.status)) throw new Error(`${method} ${path}: ${response.status} ${response.body.slice(0, 300)}`);
  return JSON.parse(response.body) as T;
}

async function seed(port: number, products: number): Promise<string> {
  const { accessToken } = await json<{ accessToken: string }>(port, 'POST', '/api/v1/auth/login', { email: OWNER_EMAIL, password: OWNER_PASSWORD });
  const auth = `Bearer ${accessToken}`;
  const [store] = await json<Array<{ id: string }>>(port, 'GET', '/api/v1/stores');
  const categories = await Promise.all(
    ['Kaffe', 'Te', 'Bakverk', 'Smörgåsar', 'Sallader', 'Dryck', 'Deli'].map((nameSv, position) => json<{ id: string }>(port, 'POST', '/api/v1/admin/categories', { nameSv, position }, auth)),
  );
  const group = (nameSv: string, min: number, max: number, options: Array<[string, number]>) =>
    json<{ id: string }>(port, 'POST', '/api/v1/admin/modifier-groups', { nameSv, minSelections: min, maxSelections: max, options: options.map(([n, priceDelta]) => ({ nameSv: n, priceDelta })) }, auth);
  const size = await group('Storlek', 1, 1, [['Liten', 0], ['Stor', 1000]]);
  const milk = await group('Mjölk', 0, 1, [['Standard', 0], ['Havre', 500], ['Laktosfri', 0]]);
  const extras = await group('Extra', 0, 3, [['Extra shot', 800], ['Vaniljsirap', 600], ['Kolasirap', 600]]);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < products; i = next++) {
      const product = await json<{ id: string }>(
        port,
        'POST',
        '/api/v1/admin/products',
        {
          sku: `BENCH-${i}`,
          nameSv: `Produkt ${i}`,
          nameEn: `Product ${i}`,
          descriptionSv: 'En beskrivning av produkten som en kund läser innan hon beställer.',
          descriptionEn: 'A description of the product a customer reads before ordering.',
          categoryId: categories[i % categories.length].id,
          price: 2500 + (i % 50) * 100,
          vatRate: i % 10 === 9 ? 25 : 12,
          prepMinutes: i % 6,
          prepMinutesPerExtraUnit: i % 2,
          modifierGroupIds: i % 2 === 0 ? [size.id, milk.id, extras.id] : [size.id],
          stock: i % 10 === 0 ? { mode: 'tracked', allowBackorder: false } : { mode: 'untracked' },
        },
        auth,
      );
      if (i % 25 === 0) await json(port, 'POST', '/api/v1/admin/product-overrides', { storeId: store.id, productId: product.id, price: 4200 }, auth);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return store.id;
}

interface Result {
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly bytes: number;
  readonly errors: number;
}

async function load(port: number, path: string, connections: number, seconds: number, headers: Record<string, string> = {}): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const end = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const t = process.hrtime.bigint();
        const response = await call(port, 'GET', path, undefined, undefined, headers);
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (response.status !== 200) errors++;
        bytes = response.body.length;
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), bytes, errors };
}

async function main(): Promise<void> {
  if (process.argv.includes('--serve')) return serve();
  const opts = options(process.argv);
  const child: ChildProcess = fork(__filename, ['--serve'], { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m: { port: number }) => resolve(m.port));
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const seeding = Date.now();
    const storeId = await seed(port, opts.products);
    process.stdout.write(`seeded ${opts.products} products in ${((Date.now() - seeding) / 1000).toFixed(1)} s\n`);
    const catalogPath = `/api/v1/stores/${storeId}/catalog`;
    const catalog = JSON.parse((await call(port, 'GET', catalogPath)).body) as { categories: Array<{ products: unknown[] }> };
    const count = catalog.categories.reduce((n, c) => n + c.products.length, 0);
    process.stdout.write(`catalog holds ${count} products\n`);
    // Warm both paths (JIT, cache, pool) before measuring.
    await load(port, '/api/v1/stores', opts.connections, 2);
    await load(port, catalogPath, opts.connections, 2);
    const baseline = await load(port, '/api/v1/stores', opts.connections, opts.seconds);
    const measured = await load(port, catalogPath, opts.connections, opts.seconds);
    // What browsers send: the same bytes, compressed once per change and reused.
    const gzipped = await load(port, catalogPath, opts.connections, opts.seconds, { 'accept-encoding': 'gzip' });
    const row = (name: string, r: Result) =>
      `| ${name} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${(r.bytes / 1024).toFixed(1)} | ${r.requests} | ${r.errors} |`;
    process.stdout.write(
      [
        '',
        `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}`,
        `${opts.connections} keep-alive connections, ${opts.seconds} s per endpoint, ${opts.products} products`,
        '',
        '| endpoint | req/s | p50 ms | p99 ms | body KiB | requests | errors |',
        '|---|---|---|---|---|---|---|',
        row('GET /api/v1/stores (baseline)', baseline),
        row('GET /api/v1/stores/:id/catalog', measured),
        row('GET /api/v1/stores/:id/catalog, Accept-Encoding: gzip', gzipped),
        '',
        `catalog / baseline throughput: ${(measured.perSecond / baseline.perSecond).toFixed(2)} (identity), ${(gzipped.perSecond / baseline.perSecond).toFixed(2)} (gzip)`,
        '',
      ].join('\n'),
    );
  } finally {
    child.kill('SIGTERM');
    agent.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
