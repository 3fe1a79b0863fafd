/**
 * Print latency: from a payment's confirmation to its receipt job at a connected station.
 *
 *   node -r @swc-node/register bench/printing/run.ts [--stations 100] [--rate 50[,10…]] [--seconds 20]
 *     [--warmup 3] [--db pglite|postgres|both] [--write] [--cpu-prof]
 *
 * Boots the api in a child process the way main.ts does (embedded PGlite in memory; `--db
 * postgres` creates its own database `kassa_bench_<random>` on the PostgreSQL at
 * KASSA_BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres, and drops it at
 * the end; DATABASE_URL + JWT_SECRET run against that database instead and leave it as it is).
 * Seeds through the admin API one store per station, each with one receipt printer and a pickup
 * schedule open round the clock, and one product per store; connects one lightweight station
 * client per store in this process (socket.io-client speaking the /stations protocol: `resume` on
 * `welcome`, `ack` printed on `job`); places every order in advance (`POST /api/v1/orders`, payment
 * method `test`); then approves them at a steady rate spread over the stores and times each
 * order's receipt job from the approve response (the payment committed) and from the approve
 * request's start. A job not arrived 5 s after its approval counts as missing.
 * Also: receipts rendered per second on one core (`renderPrint`, 48 columns, ESC/POS).
 * Children, sockets and the database are cleaned up on any exit; the whole run stops by itself.
 * `--rate 10,50` measures each rate in turn on the same api (lowest first).
 * `--write` replaces this benchmark's section of bench/README.md.
 */
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { serveApi } from '../support/api-child';

type Database = 'pglite' | 'postgres';

interface Options {
  readonly stations: number;
  /** Payments per second, one measured window each, lowest first. */
  readonly rates: readonly number[];
  readonly seconds: number;
  readonly warmup: number;
  readonly databases: readonly Database[];
  readonly write: boolean;
  /** Profile the api during each measured window (for digging; the profiler slows it). */
  readonly cpuProf: boolean;
}

const OWNER_EMAIL = 'bench@example.com';
const OWNER_PASSWORD = 'bench-password-1234';
const SERVER_URL = process.env.KASSA_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const README = join(__dirname, '..', 'README.md');
const SECTION = '## Print latency (bench/printing)';
const TARGET_P99_MS = 100;
const TARGET_RATE = 50;
/** A job later than this after its approval is missing. */
const MISSING_AFTER_MS = 5_000;
const RENDER_SECONDS = 3;

function options(argv: readonly string[]): Options {
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    const n = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  const i = argv.indexOf('--db');
  const db = i >= 0 ? argv[i + 1] : 'pglite';
  if (db !== 'pglite' && db !== 'postgres' && db !== 'both') throw new Error('--db must be pglite, postgres or both');
  const r = argv.indexOf('--rate');
  const rates = (r >= 0 ? argv[r + 1] : '50').split(',').map(Number).sort((a, b) => a - b);
  if (rates.some((n) => !Number.isFinite(n) || n <= 0)) throw new Error('--rate must be positive numbers, comma-separated');
  const seconds = value('seconds', 20);
  if (seconds > 20) throw new Error('--seconds: at most 20 s of load per measurement');
  return {
    stations: Math.round(value('stations', 100)),
    rates,
    seconds,
    warmup: value('warmup', 3),
    databases: db === 'both' ? ['pglite', 'postgres'] : [db],
    write: argv.includes('--write'),
    cpuProf: argv.includes('--cpu-prof'),
  };
}

// ---------------------------------------------------------------------------------------------
// The api in a child process (bench/support/api-child.ts), as the parent sees it.

interface Api {
  readonly port: number;
  readonly pid: number;
  /** Asks the api to start (`start`) or stop and write (`stop`) a CPU profile. */
  profile(step: 'start' | 'stop', file?: string): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<Api>();

async function startApi(env: Record<string, string>): Promise<Api> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && k !== 'JWT_SECRET'));
  const child = fork(__filename, ['--serve'], {
    execArgv: ['-r', '@swc-node/register'],
    env: {
      ...base,
      LOG_LEVEL: process.env.KASSA_BENCH_LOG_LEVEL ?? 'silent',
      KASSA_DEMO_DATA: 'false',
      KASSA_TEST_PAYMENTS: 'true',
      KASSA_ADMIN_EMAIL: OWNER_EMAIL,
      KASSA_ADMIN_PASSWORD: OWNER_PASSWORD,
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`api exited with ${code} before listening`)));
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const api: Api = {
    port,
    pid: child.pid ?? 0,
    profile: (step, file) =>
      new Promise<void>((resolve) => {
        const key = step === 'start' ? 'profiling' : 'profiled';
        const listener = (m: Record<string, unknown>) => {
          if (!(key in m)) return;
          child.off('message', listener);
          resolve();
        };
        child.on('message', listener);
        child.send({ profile: step, file });
      }),
    stop: async () => {
      running.delete(api);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(api);
  void exited.then(() => running.delete(api));
  return api;
}

/** CPU ms the process has used so far (user + system), from /proc. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** What PostgreSQL counted for one database: commits, outbox scans (claims), rows written. */
interface DbCounters {
  readonly commits: number;
  readonly outboxScans: number;
  readonly rowsWritten: number;
}

async function dbCounters(url: string | undefined): Promise<DbCounters | undefined> {
  if (!url) return undefined;
  // The statistics reach the views up to a second after the transactions that made them.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  return withServer(url, async (c) => {
    await c.query('select pg_stat_clear_snapshot()');
    const { rows } = await c.query<{ commits: string; outbox_scans: string; rows_written: string }>(
      `select (select xact_commit from pg_stat_database where datname = current_database()) as commits,
              (select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) from pg_stat_user_tables where relname = 'outbox_message') as outbox_scans,
              (select sum(n_tup_ins + n_tup_upd + n_tup_del) from pg_stat_user_tables) as rows_written`,
    );
    return { commits: Number(rows[0].commits), outboxScans: Number(rows[0].outbox_scans), rowsWritten: Number(rows[0].rows_written) };
  });
}

// ---------------------------------------------------------------------------------------------
// HTTP client.

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function call(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path}: timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

async function json<T>(port: number, method: string, path: string, body?: unknown, auth?: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await call(port, method, path, body, { ...(auth ? { authorization: auth } : {}), ...headers });
  if (response.status !== 200 && response.status !== 201) throw new Error(`${method} ${path}: ${response.status} ${response.body.slice(0, 300)}`);
  return JSON.parse(response.body) as T;
}

/** Runs `work` over `items` with at most `width` in flight. */
async function pool<T, R>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i], i);
    }),
  );
  return results;
}

// ---------------------------------------------------------------------------------------------
// Seeding through the admin API: one store per station, each with one receipt printer.

interface StoreFixture {
  readonly storeId: string;
  readonly productId: string;
  readonly token: string;
  readonly printerId: string;
}

async function seed(port: number, stations: number): Promise<StoreFixture[]> {
  const { accessToken } = await json<{ accessToken: string }>(port, 'POST', '/api/v1/auth/login', { email: OWNER_EMAIL, password: OWNER_PASSWORD });
  const auth = `Bearer ${accessToken}`;
  return pool(
    Array.from({ length: stations }, (_, i) => i),
    8,
    async (i) => {
      const store = await json<{ id: string }>(
        port,
        'POST',
        '/api/v1/admin/stores',
        {
          name: `Bageri Ölands ${i + 1}`,
          slug: `bench-${i + 1}`,
          organisationNumber: '556036-0793',
          addressLine1: 'Drottninggatan 12',
          postalCode: '111 51',
          city: 'Stockholm',
          country: 'SE',
          timezone: 'Europe/Stockholm',
          currency: 'SEK',
          locale: 'sv',
        },
        auth,
      );
      // Open round the clock, uncapped (as openAllDay in libs/orders/test/orders.factory.ts).
      await json(
        port,
        'PUT',
        `/api/v1/admin/stores/${store.id}/pickup-schedule`,
        {
          slotMinutes: 15,
          leadMinutes: 0,
          daysAhead: 14,
          cutoffMinutes: 0,
          weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
          maxOrders: null,
          maxItems: null,
          maxKitchenMinutes: null,
        },
        auth,
      );
      const product = await json<{ id: string }>(
        port,
        'POST',
        '/api/v1/admin/products',
        { sku: `BENCH-${i}`, nameSv: `Räksmörgås ${i}`, nameEn: `Shrimp sandwich ${i}`, price: 8900, vatRate: 12, prepMinutes: 2, stock: { mode: 'untracked' } },
        auth,
      );
      const station = await json<{ id: string; token: string }>(port, 'POST', '/api/v1/admin/stations', { storeId: store.id, name: `Disken ${i + 1}` }, auth);
      const printer = await json<{ id: string }>(
        port,
        'POST',
        '/api/v1/admin/printers',
        { stationId: station.id, name: 'Kvitto', roles: ['receipt'], paperWidth: 80, columns: 48, language: 'escpos', codepage: 'cp865', cashDrawer: false, connection: 'agent' },
        auth,
      );
      return { storeId: store.id, productId: product.id, token: station.token, printerId: printer.id };
    },
  );
}

interface PlacedOrder {
  readonly orderId: string;
  readonly paymentId: string;
}

/** The orders, placed in advance round-robin over the stores, so order i belongs to store i mod N. */
async function placeOrders(port: number, stores: readonly StoreFixture[], count: number): Promise<PlacedOrder[]> {
  return pool(
    Array.from({ length: count }, (_, i) => stores[i % stores.length]),
    8,
    async (store) => {
      const order = await json<{ id: string; payment: { id: string } }>(
        port,
        'POST',
        '/api/v1/orders',
        {
          storeId: store.storeId,
          items: [{ productId: store.productId, quantity: 1 }],
          pickup: { asap: true },
          customer: { name: 'Åsa Öberg', email: 'asa@example.se', phone: '070-123 45 67' },
          payment: { method: 'test' },
          locale: 'sv',
        },
        undefined,
        { 'idempotency-key': randomUUID() },
      );
      return { orderId: order.id, paymentId: order.payment.id };
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Stations: one socket each, speaking the /stations protocol directly.

interface Stations {
  /** hrtime (ms) of each order's first receipt job. */
  readonly arrivals: Map<string, number>;
  readonly jobs: { received: number; duplicates: number };
  close(): void;
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function connectStations(port: number, stores: readonly StoreFixture[]): Promise<Stations> {
  const arrivals = new Map<string, number>();
  const jobs = { received: 0, duplicates: 0 };
  const sockets: Socket[] = [];
  const stations: Stations = { arrivals, jobs, close: () => sockets.forEach((s) => s.close()) };
  closing.add(stations);
  await pool(stores, 20, (store) => {
    const socket = io(`http://127.0.0.1:${port}/stations`, { transports: ['websocket'], auth: { token: store.token }, reconnection: false, timeout: 30_000 });
    sockets.push(socket);
    socket.on('job', (job: { id: string; orderId: string | null }) => {
      const at = now();
      jobs.received += 1;
      if (job.orderId) {
        if (arrivals.has(job.orderId)) jobs.duplicates += 1;
        else arrivals.set(job.orderId, at);
      }
      socket.emit('ack', { jobId: job.id, status: 'printed' }, () => undefined);
    });
    return new Promise<void>((resolve, reject) => {
      socket.once('connect_error', (error) => reject(new Error(`station of store ${store.storeId}: ${error.message}`)));
      // Every welcome (also after an admin change) asks for the replay; the first means connected.
      socket.on('welcome', () => socket.emit('resume', { printers: {} }, () => resolve()));
    });
  });
  return stations;
}

// ---------------------------------------------------------------------------------------------
// The measured run: approvals at a steady rate, open loop.

interface Approval {
  readonly orderId: string;
  readonly started: number;
  answered?: number;
  status?: number;
  body?: string;
}

async function approveAtRate(port: number, orders: readonly PlacedOrder[], rate: number, seconds: number): Promise<Approval[]> {
  const count = Math.round(rate * seconds);
  if (orders.length < count) throw new Error(`only ${orders.length} orders left for ${count} approvals`);
  const approvals: Approval[] = [];
  const inFlight: Array<Promise<void>> = [];
  const t0 = now();
  for (let i = 0; i < count; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const { orderId, paymentId } = orders[i];
    const approval: Approval = { orderId, started: now() };
    approvals.push(approval);
    inFlight.push(
      call(port, 'POST', `/api/v1/payments/test/${paymentId}/approve`).then(
        (r) => {
          approval.answered = now();
          approval.status = r.status;
          if (r.status !== 200) approval.body = r.body.slice(0, 200);
        },
        (error: unknown) => {
          approval.answered = now();
          approval.status = 0;
          approval.body = String(error);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return approvals;
}

interface Latency {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

function summarise(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN };
}

interface RunResult {
  readonly database: string;
  readonly rate: number;
  readonly fromResponse: Latency;
  readonly fromRequest: Latency;
  readonly approveHttp: Latency;
  readonly approvals: number;
  readonly failedApprovals: number;
  readonly missing: number;
  readonly duplicates: number;
  readonly achievedRate: number;
  readonly apiCpuMsPerOrder: number;
  readonly apiCores: number;
  /** The machine's 1-minute load average at the end of the window (2 cores: above 2, processes wait for a core). */
  readonly load: number;
  /** PostgreSQL only, per paid order (window and its stragglers, the stations' acks included). */
  readonly perOrder?: DbCounters;
}

/** One api, seeded once; each rate (lowest first) gets its warm-up and its measured window. */
async function measure(label: string, env: Record<string, string>, opts: Options, log: (line: string) => void, statsUrl?: string): Promise<RunResult[]> {
  const api = await startApi(env);
  try {
    let t = Date.now();
    const stores = await seed(api.port, opts.stations);
    log(`${label}: seeded ${stores.length} stores, stations and printers in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const total = opts.rates.reduce((n, rate) => n + Math.round(rate * opts.warmup) + Math.round(rate * opts.seconds), 0);
    t = Date.now();
    const orders = await placeOrders(api.port, stores, total);
    log(`${label}: placed ${orders.length} orders in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const stations = await connectStations(api.port, stores);
    log(`${label}: ${stores.length} stations connected and resumed`);
    // Let the OrderPlaced deliveries (board events) drain before the clock starts.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const results: RunResult[] = [];
    let next = 0;
    const take = (n: number) => orders.slice(next, (next += n));
    for (const rate of opts.rates) {
      await approveAtRate(api.port, take(Math.round(rate * opts.warmup)), rate, opts.warmup);
      const duplicatesBefore = stations.jobs.duplicates;
      const countersBefore = await dbCounters(statsUrl);
      if (opts.cpuProf) await api.profile('start');
      const cpuBefore = cpuMs(api.pid);
      const started = now();
      const approvals = await approveAtRate(api.port, take(Math.round(rate * opts.seconds)), rate, opts.seconds);
      const elapsed = (now() - started) / 1000;
      const cpuAfter = cpuMs(api.pid);
      if (opts.cpuProf) {
        const file = join(tmpdir(), `kassa-printing-${rate}-${Date.now()}.cpuprofile`);
        await api.profile('stop', file);
        log(`${label}, ${rate}/s: api CPU profile of the measured window in ${file}`);
      }
      // Wait for the stragglers, then count what never came.
      const ok = approvals.filter((a) => a.status === 200);
      for (const a of approvals.filter((x) => x.status !== 200).slice(0, 3)) log(`${label}: approve answered ${a.status}: ${a.body ?? ''}`);
      const deadline = Math.max(...ok.map((a) => a.answered ?? 0)) + MISSING_AFTER_MS;
      while (now() < deadline && ok.some((a) => !stations.arrivals.has(a.orderId))) await new Promise((resolve) => setTimeout(resolve, 50));
      const countersAfter = await dbCounters(statsUrl);
      const perOrder =
        countersBefore && countersAfter
          ? {
              commits: (countersAfter.commits - countersBefore.commits) / approvals.length,
              outboxScans: (countersAfter.outboxScans - countersBefore.outboxScans) / approvals.length,
              rowsWritten: (countersAfter.rowsWritten - countersBefore.rowsWritten) / approvals.length,
            }
          : undefined;
      const fromResponse: number[] = [];
      const fromRequest: number[] = [];
      let missing = 0;
      for (const a of ok) {
        const arrived = stations.arrivals.get(a.orderId);
        if (arrived === undefined || a.answered === undefined || arrived - a.answered > MISSING_AFTER_MS) {
          missing += 1;
          continue;
        }
        fromResponse.push(arrived - a.answered);
        fromRequest.push(arrived - a.started);
      }
      const result: RunResult = {
        database: label,
        rate,
        fromResponse: summarise(fromResponse),
        fromRequest: summarise(fromRequest),
        approveHttp: summarise(ok.map((a) => (a.answered ?? NaN) - a.started)),
        approvals: approvals.length,
        failedApprovals: approvals.length - ok.length,
        missing,
        duplicates: stations.jobs.duplicates - duplicatesBefore,
        achievedRate: approvals.length / elapsed,
        apiCpuMsPerOrder: (cpuAfter - cpuBefore) / approvals.length,
        apiCores: (cpuAfter - cpuBefore) / 1000 / elapsed,
        load: loadavg()[0],
        perOrder,
      };
      results.push(result);
      log(
        `${label}, ${rate}/s: commit → job p50 ${ms(result.fromResponse.p50)} p95 ${ms(result.fromResponse.p95)} p99 ${ms(result.fromResponse.p99)} max ${ms(result.fromResponse.max)} ms (${result.fromResponse.count} jobs, ${missing} missing); request → job p50 ${ms(result.fromRequest.p50)} p99 ${ms(result.fromRequest.p99)} ms; approve p50 ${ms(result.approveHttp.p50)} p99 ${ms(result.approveHttp.p99)} ms; api ${result.apiCpuMsPerOrder.toFixed(1)} ms CPU per order (${result.apiCores.toFixed(2)} cores)${perOrder ? `; per order ${perOrder.commits.toFixed(1)} commits, ${perOrder.outboxScans.toFixed(1)} outbox scans, ${perOrder.rowsWritten.toFixed(1)} rows written` : ''}`,
      );
      // The next rate starts from a quiet api.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    stations.close();
    closing.delete(stations);
    return results;
  } finally {
    await api.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Receipts rendered per second on one core.

interface RenderResult {
  readonly perSecond: number;
  readonly bytes: number;
  readonly lines: number;
}

async function renderRate(): Promise<RenderResult> {
  const { renderPrint } = await import('@kassa/printing');
  const source = {
    profile: { columns: 48, language: 'escpos' as const, codepage: 'cp865', cashDrawer: false },
    content: {
      kind: 'receipt' as const,
      locale: 'sv' as const,
      timeZone: 'Europe/Stockholm',
      issuedAt: '2026-11-23T08:30:00.000Z',
      receiptNumber: 1042,
      store: { name: 'Kafé Ölandsbröd', addressLines: ['Drottninggatan 12', '111 51 Stockholm'], organisationNumber: '556036-0793' },
      footer: 'Tack för ditt köp! Välkommen åter.',
      openDrawer: false,
      order: {
        id: '6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f',
        number: 'A-042',
        pickupStart: '2026-11-23T08:45:00.000Z',
        pickupEnd: '2026-11-23T09:00:00.000Z',
        customerName: 'Åsa Öberg',
        currency: 'SEK',
        subtotal: 27300,
        discount: 1000,
        total: 26300,
        vat: [
          { rate: 1200, base: 21518, amount: 2582 },
          { rate: 2500, base: 1760, amount: 440 },
        ],
        paymentMethod: 'card',
        pickupCode: '7K3M9P',
        passToken: 'KP1.bxwdLjpLTF2OnwobLD1OXw.s3cr3tMacOfTwentyTwo',
        lines: [
          { name: 'Cappuccino', quantity: 2, amount: 9800, modifiers: ['Stor', 'Havremjölk', 'Extra shot'], note: null },
          { name: 'Kanelbulle', quantity: 2, amount: 7000, modifiers: ['Extra pärlsocker'], note: 'Värm gärna' },
          { name: 'Smörgås med ägg och räkor', quantity: 1, amount: 5900, modifiers: ['Utan lök', 'Glutenfritt bröd'], note: null },
          { name: 'Äppeljuice', quantity: 1, amount: 2200, modifiers: ['Liten'], note: null },
          { name: 'Chokladboll', quantity: 1, amount: 2400, modifiers: ['Kokos'], note: 'Till barnet' },
        ],
      },
    },
  };
  // Warm the JIT, then a tight loop on this (one) thread.
  for (let i = 0; i < 200; i++) renderPrint(source, false);
  let n = 0;
  let rendered = renderPrint(source, false);
  const started = now();
  const end = started + RENDER_SECONDS * 1000;
  while (now() < end) {
    for (let i = 0; i < 50; i++) rendered = renderPrint(source, false);
    n += 50;
  }
  return { perSecond: n / ((now() - started) / 1000), bytes: rendered.bytes.length, lines: rendered.lines.length };
}

// ---------------------------------------------------------------------------------------------
// README.

function prose(...parts: string[]): string {
  const words = parts.filter(Boolean).join(' ').split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > 100) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '—');

function section(opts: Options, runs: readonly RunResult[], render: RenderResult): string {
  const cpu = cpus();
  const date = new Date().toISOString().slice(0, 10);
  const rows = runs.flatMap((r) => [
    `| ${r.database} | ${r.rate} | payment committed (approve answered) → job at station | ${ms(r.fromResponse.p50)} | ${ms(r.fromResponse.p95)} | ${ms(r.fromResponse.p99)} | ${ms(r.fromResponse.max)} | ${r.fromResponse.count} | ${r.missing} |`,
    `| ${r.database} | ${r.rate} | approve request sent → job at station | ${ms(r.fromRequest.p50)} | ${ms(r.fromRequest.p95)} | ${ms(r.fromRequest.p99)} | ${ms(r.fromRequest.max)} | ${r.fromRequest.count} | ${r.missing} |`,
    `| ${r.database} | ${r.rate} | approve request → its answer (for reference) | ${ms(r.approveHttp.p50)} | ${ms(r.approveHttp.p95)} | ${ms(r.approveHttp.p99)} | ${ms(r.approveHttp.max)} | ${r.approveHttp.count} | — |`,
  ]);
  const atTarget = runs.filter((r) => r.rate >= TARGET_RATE);
  const verdicts = (atTarget.length > 0 ? atTarget : runs).map((r) => {
    const met = r.missing === 0 && r.failedApprovals === 0 && r.fromResponse.p99 < TARGET_P99_MS;
    const p99 = r.fromResponse.count > 0 ? `p99 ${ms(r.fromResponse.p99)} ms` : 'no job within 5 s';
    return `${r.database} at ${r.rate}/s ${met ? '**met**' : '**not met**'} (${p99}${r.missing ? `, ${r.missing} of ${r.approvals} missing` : ''})`;
  });
  const details = runs.map(
    (r) =>
      `${r.database} at ${r.rate}/s: ${r.approvals} approvals at ${r.achievedRate.toFixed(1)}/s, ${r.failedApprovals} not answered 200, ${r.duplicates} jobs received twice, api process CPU ${r.apiCpuMsPerOrder.toFixed(1)} ms per paid order (${r.apiCores.toFixed(2)} cores), load average ${r.load.toFixed(1)}${r.perOrder ? `; per paid order PostgreSQL counted ${r.perOrder.commits.toFixed(1)} committed transactions, ${r.perOrder.outboxScans.toFixed(1)} scans of \`outbox_message\` and ${r.perOrder.rowsWritten.toFixed(1)} rows written` : ''}`,
  );
  return [
    SECTION,
    '',
    prose(
      'How long a paid order takes to reach the store as a print job: from the payment confirmation to the arrival of its receipt',
      'job at the station connected for the store, under a steady rate of payments spread over many stores. The api runs in a child',
      'process booted exactly like `main.ts`; the parent seeds through the admin API one store per station, each with one receipt',
      'printer (80 mm, 48 columns, ESC/POS) on an agent station, a pickup schedule open round the clock and one product, then',
      'connects one lightweight station per store in its own process (socket.io-client over WebSocket speaking the `/stations`',
      'protocol: `resume` on `welcome`, on `job` the arrival time is taken and `ack` printed is sent — no agent processes, no',
      'printers). Every order (one line, pay method `test`) is placed in advance; the run then approves them open-loop at a steady',
      'rate (`POST /api/v1/payments/test/:paymentId/approve`), round-robin over the stores, and times each order from the approve',
      'answer (the payment is committed) and from the approve request start to its receipt job; a job not there 5 s after its',
      `approval is missing. ${opts.warmup} s of the same load go first, unmeasured.`,
    ),
    '',
    'Run: `node -r @swc-node/register bench/printing/run.ts [--stations 100] [--rate 10,50] [--seconds 20] [--db pglite|postgres|both] [--write]`',
    prose(
      '(embedded PGlite in memory by default; `--db postgres` creates its own database `kassa_bench_<random>` on the PostgreSQL at',
      '`KASSA_BENCH_POSTGRES_URL`, default `postgres://postgres@127.0.0.1:5432/postgres`, and drops it at the end, also on failure;',
      '`DATABASE_URL` and `JWT_SECRET` run against that database instead).',
    ),
    '',
    prose(
      `Measured ${date} on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'} (${(totalmem() / 2 ** 30).toFixed(0)} GB), Node ${process.version};`,
      `${opts.stations} stations connected, ${opts.seconds} s at each rate; load generator, stations, api and database on the`,
      'same two cores, shared with other work, so treat single runs as indicative:',
    ),
    '',
    '| database | payments/s | from → to | p50 ms | p95 ms | p99 ms | max ms | count | missing |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    prose(...details.map((d) => `${d}.`)),
    '',
    prose(
      `Target: p99 under ${TARGET_P99_MS} ms from payment confirmation to the job at the station at ${TARGET_RATE} orders/s with 100 stations —`,
      atTarget.length > 0 && opts.stations >= 100 ? `${verdicts.join('; ')}.` : `this run is below the target's load (${opts.stations} stations); ${verdicts.join('; ')}.`,
    ),
    '',
    prose(
      `Receipts rendered per second on one core: **${render.perSecond.toFixed(0)}** (\`renderPrint\` from \`@kassa/printing\` in a`,
      `tight loop for ${RENDER_SECONDS} s in the parent process before the api boots: a receipt of 5 lines with modifiers and notes, a`,
      `discount, two VAT rates, the pickup QR code and footer, 48 columns, ESC/POS, cp865 — ${render.lines} layout lines,`,
      `${(render.bytes / 1024).toFixed(1)} KiB of printer bytes, plus the plain-text preview the job stores).`,
    ),
    '',
    whereTheTimeGoes(runs, render),
    '',
  ].join('\n');
}

/**
 * The reading of the numbers, from profiling the api during a measured window (`--cpu-prof`) and
 * reading the code while writing this benchmark; the figures in it are the run's own.
 */
function whereTheTimeGoes(runs: readonly RunResult[], render: RenderResult): string {
  const renderMs = 1000 / render.perSecond;
  const lite = runs.find((r) => r.database.startsWith('PGlite'));
  const pg = runs.find((r) => r.perOrder !== undefined);
  // A saturated run's CPU per order is cut off with its backlog: only the runs that kept up are quoted.
  const cpu = runs.filter((r) => r.missing === 0).map((r) => `${r.apiCpuMsPerOrder.toFixed(0)} ms (${r.database}, ${r.rate}/s)`).join(', ') || '—';
  const saturated = runs.filter((r) => r.missing > 0).map((r) => `${r.apiCores.toFixed(2)} cores (${r.database}, ${r.rate}/s)`).join(', ');
  const short = [...new Set(runs.filter((r) => r.rate >= TARGET_RATE && (r.missing > 0 || !(r.fromResponse.p99 < TARGET_P99_MS))).map((r) => r.database))];
  // The busiest PostgreSQL run (else any) that kept up: at a low rate the per-order figure carries the
  // idle work (timers, polls) too, and a run with a backlog cuts its figure off with the backlog.
  const base = [...runs].filter((r) => r.missing === 0).sort((a, b) => (a.perOrder ? 0 : 1) - (b.perOrder ? 0 : 1) || b.rate - a.rate)[0];
  return [
    prose(
      "Where the time goes: the approve commits the payment (its move and log row in one statement) and the order's `OrderPaid` outbox",
      "rows (one per consumer: `printing.order-paid`, `notifications.order-paid`, the board's `order` event) in one transaction; the",
      'rows are written already claimed by the api that publishes them, so when the transaction commits (`afterTransactionCommit`) its',
      "dispatcher hands them to their consumers at once, without a claim statement or the 1 s poll (`KASSA_OUTBOX_POLL_MS`, which picks up what a crashed process left). The printing consumer, in",
      "the delivery's transaction, takes the order's advisory lock, reads the order with its lines in one statement, then in one more",
      "whether it is printed already, the store's printers, the receipt header and footer and the next receipt number; it takes the",
      "printer's sequence (which locks the printer row), renders the receipt, checks in one query that the printer's station is",
      "connected with nothing older waiting (the same query returns the printer's status and queue length for the board), and",
      'inserts the job already marked sent; `job` and `printer-status` are emitted when that transaction commits. The station\'s `ack`',
      "is one statement that marks the job, moves the printer's acknowledged sequence and returns the status the board is sent. So",
      "the job reaches the station after 8 statements of its own, each waiting its turn on the api's one JavaScript thread. Rendering is a",
      `small part (${renderMs.toFixed(1)} ms per receipt), Socket.IO's emit over loopback WebSocket smaller still.`,
    ),
    '',
    prose(
      `What bounds the rate is the cost of a paid order on that thread: the api spends ${cpu} of CPU per paid order`,
      base ? `(at ${base.apiCpuMsPerOrder.toFixed(0)} ms, one fully available core serves at most about ${(1000 / base.apiCpuMsPerOrder).toFixed(0)} paid orders/s).` : '.',
      short.length > 0
        ? `${short.join(' and ')} at ${TARGET_RATE}/s falls short: one process does not keep up with ${TARGET_RATE} payments/s there, and the delivery backlog grows for as long as the load lasts (approvals, served first, still answer; the outbox deliveries fall behind).`
        : '',
      saturated ? `Where jobs went missing the api used ${saturated}: its one thread full.` : '',
      lite
        ? 'On PGlite the database itself runs on that same thread (WebAssembly, one connection), so every statement of every consumer adds to it: the embedded default suits a store\'s own rate, and a rate like this one is what `DATABASE_URL` (PostgreSQL) is for.'
        : '',
      pg?.perOrder
        ? `On PostgreSQL each paid order cost ${pg.perOrder.commits.toFixed(0)} committed transactions (single statements included) and ${pg.perOrder.outboxScans.toFixed(0)} scans of \`outbox_message\` (at ${pg.rate}/s).`
          + ' Besides printing, the same thread delivers the board\'s `order` event (from the event alone, no read) and the'
          + ' customer\'s confirmation (order and lines in one read, the templates in one, settings and store, the notifications'
          + ' written; then claimed, checked against their orders in one read per batch, and sent or logged); deliveries that finish'
          + ' together are marked done in one statement.'
        : '',
      'In a profile of the api during the window (`--cpu-prof`), MikroORM, knex and the pg driver (with its socket writes) take about',
      'half of the busy time.',
    ),
  ].join('\n');
}

function writeReadme(text: string): void {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(SECTION);
  let next: string;
  if (start < 0) next = `${readme.trimEnd()}\n\n${text}`;
  else {
    const after = readme.indexOf('\n## ', start + SECTION.length);
    next = `${readme.slice(0, start)}${text}${after < 0 ? '' : `\n${readme.slice(after + 1)}`}`;
  }
  writeFileSync(README, `${next.trimEnd()}\n`);
}

// ---------------------------------------------------------------------------------------------

const closing = new Set<Stations>();

async function withServer<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function main(): Promise<void> {
  if (process.argv.includes('--serve')) return serveApi();
  const opts = options(process.argv);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const scratch = mkdtempSync(join(tmpdir(), 'kassa-bench-printing-'));
  let created: string | undefined;
  const cleanup = async () => {
    for (const stations of closing) stations.close();
    closing.clear();
    agent.destroy();
    await Promise.all([...running].map((api) => api.stop()));
    if (created) {
      const database = created;
      created = undefined;
      await withServer(SERVER_URL, (c) => c.query(`drop database if exists ${database} with (force)`)).catch((e: unknown) => {
        process.stderr.write(`could not drop ${database}: ${String(e)}\n`);
      });
    }
    rmSync(scratch, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }
  // However it goes, stop in bounded time: seeding, placing and two runs.
  const watchdog = setTimeout(() => {
    process.stderr.write('benchmark took too long; stopping\n');
    void cleanup().finally(() => process.exit(1));
  }, 600_000 * opts.databases.length);
  watchdog.unref();

  try {
    const render = await renderRate();
    log(`renderPrint: ${render.perSecond.toFixed(0)} receipts/s on one core (${render.bytes} bytes each)`);
    const runs: RunResult[] = [];
    for (const database of opts.databases) {
      let env: Record<string, string>;
      let label: string;
      let statsUrl: string | undefined;
      if (database === 'pglite') {
        env = { KASSA_DATA_DIR: 'memory://' };
        label = 'PGlite (in memory)';
      } else if (process.env.DATABASE_URL) {
        statsUrl = process.env.DATABASE_URL;
        env = { DATABASE_URL: process.env.DATABASE_URL, JWT_SECRET: process.env.JWT_SECRET ?? randomBytes(32).toString('hex'), KASSA_DATA_DIR: join(scratch, 'data') };
        label = 'PostgreSQL (`DATABASE_URL`)';
      } else {
        const name = `kassa_bench_${randomBytes(6).toString('hex')}`;
        await withServer(SERVER_URL, (c) => c.query(`create database ${name}`));
        created = name;
        statsUrl = databaseUrl(name);
        env = { DATABASE_URL: databaseUrl(name), JWT_SECRET: randomBytes(32).toString('hex'), KASSA_DATA_DIR: join(scratch, 'data') };
        label = 'PostgreSQL 127.0.0.1';
      }
      runs.push(...(await measure(label, env, opts, log, statsUrl)));
      if (created) {
        const database = created;
        created = undefined;
        await withServer(SERVER_URL, (c) => c.query(`drop database if exists ${database} with (force)`));
      }
    }
    const text = section(opts, runs, render);
    log(`\n${text}`);
    if (opts.write) {
      writeReadme(text);
      log(`wrote ${SECTION} in bench/README.md`);
    }
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
