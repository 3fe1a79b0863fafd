import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRINTED_JOBS_FILE, PrintedJobs } from './printed-jobs';

describe('printed job ids on disk', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kassa-printed-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('remembers printed ids and the highest sequence per printer across a restart', async () => {
    const first = await PrintedJobs.open(dir);
    await first.markPrinted('receipt', 'job-a', 1);
    await first.markPrinted('receipt', 'job-b', 2);
    await first.markPrinted('kitchen', 'job-c', 7);
    // No close: a crash right after the write is what matters.
    const second = await PrintedJobs.open(dir);
    expect(second.has('receipt', 'job-a')).toBe(true);
    expect(second.has('receipt', 'job-b')).toBe(true);
    expect(second.has('kitchen', 'job-c')).toBe(true);
    expect(second.has('kitchen', 'job-a')).toBe(false);
    expect(second.has('receipt', 'job-z')).toBe(false);
    expect(second.lastSequences()).toEqual({ receipt: 2, kitchen: 7 });
    await Promise.all([first.close(), second.close()]);
  });

  it('is on disk by the time markPrinted resolves', async () => {
    const store = await PrintedJobs.open(dir);
    await store.markPrinted('receipt', 'job-a', 3);
    expect(readFileSync(join(dir, PRINTED_JOBS_FILE), 'utf8')).toContain('"job":"job-a"');
    await store.close();
  });

  it('keeps the last N ids per printer and the highest sequence when it compacts on open', async () => {
    const store = await PrintedJobs.open(dir, 3);
    for (let sequence = 1; sequence <= 6; sequence += 1) await store.markPrinted('receipt', `job-${sequence}`, sequence);
    // A job released late with an older sequence does not lower the highest.
    await store.markPrinted('receipt', 'late', 2);
    await store.close();
    const reopened = await PrintedJobs.open(dir, 3);
    expect(['job-4', 'job-5', 'job-6', 'late', 'job-1'].map((id) => reopened.has('receipt', id))).toEqual([false, true, true, true, false]);
    expect(reopened.lastSequence('receipt')).toBe(6);
    const lines = readFileSync(join(dir, PRINTED_JOBS_FILE), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4);
    await reopened.close();
  });

  it('ignores a line torn by a crash and keeps everything before it', async () => {
    const store = await PrintedJobs.open(dir);
    await store.markPrinted('receipt', 'job-a', 1);
    await store.close();
    appendFileSync(join(dir, PRINTED_JOBS_FILE), '{"printer":"receipt","job":"job-');
    const reopened = await PrintedJobs.open(dir);
    expect(reopened.skippedLines).toBe(1);
    expect(reopened.has('receipt', 'job-a')).toBe(true);
    expect(reopened.lastSequences()).toEqual({ receipt: 1 });
    await reopened.markPrinted('receipt', 'job-b', 2);
    await reopened.close();
    const again = await PrintedJobs.open(dir);
    expect(again.has('receipt', 'job-b')).toBe(true);
    await again.close();
  });
});
