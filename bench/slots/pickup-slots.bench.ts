/**
 * Pickup-slot latency: a week of 5-minute slots for a store, with a cart, capacity rules and
 * 200 holds booked, over HTTP against the real app on the embedded database. The baseline, in
 * the same run, is the cheapest public read (`GET /api/v1/stores/:id`): HTTP, guard and one query.
 *
 *   node --experimental-vm-modules -r @swc-node/register bench/slots/pickup-slots.bench.ts [--write]
 *
 * `--write` puts the result in bench/README.md, in place of this benchmark's previous section.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { applyTenancy } from '@kassa/shared';
import { SlotsService } from '@kassa/slots';
import { demoStoreId } from '../../test/support/fixtures';
import { startTestApp } from '../../test/support/test-app';

const REQUESTS = 400;
const WARMUP = 40;
const TARGET_P95_MS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(label: string, run: () => Promise<void>): Promise<{ label: string; p50: number; p95: number; p99: number; mean: number }> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return { label, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), mean };
}

function localDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  const kassa = await startTestApp({ KASSA_DEMO_DATA: 'true', LOG_LEVEL: 'silent' });
  try {
    const owner = await kassa.login();
    const storeId = await demoStoreId(kassa.http);
    const catalog = await kassa.http.get(`/api/v1/stores/${storeId}/catalog`).expect(200);
    type Product = { id: string; available: boolean; soldOut: boolean; modifierGroups: Array<{ minSelections: number }> };
    const products = (catalog.body.categories as Array<{ products: Product[] }>)
      .flatMap((c) => c.products)
      .filter((p) => p.available && !p.soldOut && p.modifierGroups.every((g) => g.minSelections === 0));
    const cart = products.slice(0, 3).map((p, i) => `${p.id}:${i + 1}`).join(',');
    const admin = (method: 'put' | 'post', path: string, body: object) =>
      kassa.http[method](`/api/v1/admin/stores/${storeId}/${path}`).set('Authorization', owner).send(body);

    await admin('put', 'pickup-schedule', {
      slotMinutes: 5,
      leadMinutes: 15,
      daysAhead: 14,
      cutoffMinutes: 15,
      weeklyHours: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
        { weekday, start: '07:00', end: '10:30' },
        { weekday, start: '11:00', end: '19:00' },
      ]),
      maxOrders: 6,
      maxItems: 30,
      maxKitchenMinutes: 40,
    }).expect(200);
    for (const weekday of [1, 2, 3, 4, 5]) {
      await admin('post', 'capacity-rules', { weekday, start: '11:30', end: '13:00', maxOrders: 12, maxKitchenMinutes: 80 }).expect(201);
    }
    await admin('post', 'pickup-exceptions', { date: localDate(3), closed: false, windows: [{ start: '09:00', end: '14:00' }] }).expect(201);

    // 200 holds spread over the week's slots.
    const orm = kassa.app.get(MikroORM);
    const slots = kassa.app.get(SlotsService);
    const week = await kassa.http.get(`/api/v1/stores/${storeId}/pickup-slots?date=${localDate(1)}&days=6`).expect(200);
    const starts = (week.body.slots as Array<{ start: string }>).map((s) => s.start);
    const em = orm.em.fork() as EntityManager;
    applyTenancy(em, 'unscoped');
    for (let i = 0; i < 200; i++) {
      await em.fork().transactional(() =>
        slots.reserve(storeId, `bench-${i}`, { slotStart: starts[(i * 7) % starts.length], items: 2, kitchenMinutes: 4 }),
      );
    }

    const slotsUrl = `/api/v1/stores/${storeId}/pickup-slots?date=${localDate(0)}&days=7&items=${encodeURIComponent(cart)}`;
    const check = await kassa.http.get(slotsUrl).expect(200);
    const slotCount = (check.body.slots as unknown[]).length;

    const baseline = await measure('baseline: GET /api/v1/stores/:id', async () => {
      await kassa.http.get(`/api/v1/stores/${storeId}`).expect(200);
    });
    const week7 = await measure(`GET pickup-slots, 7 days (${slotCount} slots), 3-line cart`, async () => {
      await kassa.http.get(slotsUrl).expect(200);
    });
    const noCart = await measure('GET pickup-slots, 7 days, no cart', async () => {
      await kassa.http.get(`/api/v1/stores/${storeId}/pickup-slots?date=${localDate(0)}&days=7`).expect(200);
    });

    const cpu = cpus();
    const rows = [baseline, week7, noCart]
      .map((r) => `| ${r.label} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.p99.toFixed(2)} | ${(r.p95 / baseline.p95).toFixed(1)}× |`)
      .join('\n');
    const verdict = week7.p95 < TARGET_P95_MS ? 'meets' : 'misses';
    const section = `
## Pickup slots (\`bench/slots\`)

A week of 5-minute slots (two windows a day, capacity rules on weekdays, one special-hours date,
200 holds booked) for one store, over HTTP against the real app on the embedded database (PGlite),
${REQUESTS} sequential requests after ${WARMUP} warm-up ones. The baseline is the cheapest public
read, measured in the same run. Run: \`node --experimental-vm-modules -r @swc-node/register bench/slots/pickup-slots.bench.ts --write\`.

Measured ${new Date().toISOString().slice(0, 10)} on ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}
(shared with other work, so treat single runs as indicative):

| request | p50 ms | p95 ms | p99 ms | p95 vs baseline |
|---|---|---|---|---|
${rows}

Target: p95 under ${TARGET_P95_MS} ms for a week of slots — this run ${verdict} it (${week7.p95.toFixed(2)} ms).

Where the time goes: one SQL for the store's rules and the week's bookings, slot grids cached per
rule set, and the cart weighed by the catalogue's pricing cache (products and store overrides kept
per replica under the organisation's catalogue version), so a cart costs a store read and a
version read. Before that pricing cache the cart added five ORM queries: on 2 × AMD EPYC the 3-line
cart measured p95 25.60 ms against a 7.83 ms baseline (3.3×), no cart 20.61 ms (2.6×).
`;
    process.stdout.write(section);
    if (process.argv.includes('--write')) {
      const readme = join(__dirname, '..', 'README.md');
      if (!existsSync(readme)) writeFileSync(readme, '# Benchmarks\n\nResults of the benchmarks in this folder; each section says how to run it.\n');
      writeFileSync(readme, withSection(readFileSync(readme, 'utf8'), section));
    }
  } finally {
    await kassa.close();
  }
}

/** The README with this benchmark's section (up to the next `## `) replaced, or appended when it has none. */
function withSection(readme: string, section: string): string {
  const heading = section.trimStart().split('\n')[0];
  const start = readme.indexOf(heading);
  if (start < 0) return readme.trimEnd() + '\n' + section;
  const next = readme.indexOf('\n## ', start + heading.length);
  return readme.slice(0, start) + section.trimStart() + (next < 0 ? '' : readme.slice(next));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
