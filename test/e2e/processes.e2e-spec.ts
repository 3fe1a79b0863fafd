import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../support/child-app';
import { createTestDatabase, realDatabaseUrl, realRedisUrl, TestDatabase } from '../support/test-database';

const withServers = realDatabaseUrl && realRedisUrl ? describe : describe.skip;
const root = join(__dirname, '..', '..');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

withServers('KASSA_PROCESSES: one api on several processes (skipped without KASSA_TEST_DATABASE_URL and KASSA_TEST_REDIS_URL)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('serves from every process, replaces one that dies, and drains them all on SIGTERM', async () => {
    const port = await freePort();
    let output = '';
    const primary = spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'apps/api/src/main.ts')], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'error', ...database.env, PORT: String(port), HOST: '127.0.0.1', KASSA_PROCESSES: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    primary.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | string>((resolve) => primary.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
    try {
      await until('both processes to listen', () => /Processes: +2 \(pids \d+, \d+\)/.test(output));
      const pids = (/pids (\d+), (\d+)/.exec(output) ?? []).slice(1).map(Number);
      expect(pids.every(alive)).toBe(true);

      // Connections are handed out across the processes; every one of them answers.
      const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`http://127.0.0.1:${port}/api/v1/stores`).then((r) => r.status)));
      expect(answers).toEqual(Array(20).fill(200));

      process.kill(pids[0], 'SIGKILL');
      await until('a replacement process', () => /starting another/.test(output));
      await until('the replacement to answer', async () => {
        const statuses = await Promise.all(Array.from({ length: 6 }, () => fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status, () => 0)));
        return statuses.every((s) => s === 200);
      });
      expect(alive(pids[1])).toBe(true);

      primary.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(alive(pids[1])).toBe(false);
    } finally {
      if (primary.exitCode === null && primary.signalCode === null) primary.kill('SIGKILL');
    }
  }, 150_000);
});
