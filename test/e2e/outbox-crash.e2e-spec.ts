import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildApp } from '../support/child-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { OWNER_EMAIL, OWNER_PASSWORD } from '../support/test-app';

function deliveries(file: string): Array<{ messageId: string; payload: { storeId: string; changed: string[] } }> {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
}

async function json(url: string, init: RequestInit & { auth?: string } = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.auth ? { Authorization: init.auth } : {}) },
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/**
 * A process killed after its transaction committed, before anything was dispatched, loses
 * nothing: the next process finds the outbox row and delivers it, exactly once. The same run
 * shows that a restart keeps the data.
 */
describe('outbox across a crash', () => {
  let dir: string;
  let database: TestDatabase;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kassa-crash-'));
    database = await createTestDatabase(join(dir, 'data'));
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers after a SIGKILL between commit and dispatch, once, and keeps the data', async () => {
    const probe = join(dir, 'deliveries.jsonl');
    const env = { ...database.env, PROBE_FILE: probe, KASSA_ADMIN_EMAIL: OWNER_EMAIL, KASSA_ADMIN_PASSWORD: OWNER_PASSWORD };

    // First life: serves requests but dispatches nothing, so the event can only be in the table.
    const first = await startChildApp({ ...env, KASSA_WORKERS: 'false' });
    const login = await json(`${first.baseUrl}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ email: OWNER_EMAIL, password: OWNER_PASSWORD }) });
    const auth = `Bearer ${login.body.accessToken}`;
    const [store] = (await json(`${first.baseUrl}/api/v1/stores`)).body;
    const renamed = await json(`${first.baseUrl}/api/v1/admin/stores/${store.id}`, { method: 'PUT', auth, body: JSON.stringify({ name: 'Kafé Kraschad' }) });
    expect(renamed.status).toBe(200);
    expect(await first.stop('SIGKILL')).toBe('SIGKILL');
    expect(deliveries(probe)).toEqual([]);

    // Second life: the dispatcher finds the committed message and delivers it.
    const second = await startChildApp({ ...env, KASSA_WORKERS: 'true' });
    const deadline = Date.now() + 20_000;
    while (deliveries(probe).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500));
    expect(deliveries(probe)).toEqual([{ messageId: expect.any(String), payload: { storeId: store.id, changed: ['name'] } }]);

    const again = await json(`${second.baseUrl}/api/v1/stores/${store.id}`);
    expect(again.body.name).toBe('Kafé Kraschad');
    // Signed-in sessions survive the restart too (embedded mode keeps its signing key with the data).
    expect((await json(`${second.baseUrl}/api/v1/auth/me`, { auth })).status).toBe(200);
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 120_000);
});
