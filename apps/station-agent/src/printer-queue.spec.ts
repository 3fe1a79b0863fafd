import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from './logger';
import type { PrinterOutput } from './outputs/printer-output';
import { PrintedJobs } from './printed-jobs';
import { PrinterQueue } from './printer-queue';
import type { AckMessage, JobMessage, PrinterStatusMessage } from './protocol';

function job(sequence: number, printerId = 'receipt'): JobMessage {
  return { id: `${printerId}-job-${sequence}`, printerId, sequence, bytes: Buffer.from(`#${sequence}`).toString('base64') };
}

/** A printer that records what it printed and can be made to fail or to hang. */
class FakePrinter implements PrinterOutput {
  readonly description = 'fake';
  readonly printed: string[] = [];
  failuresLeft = 0;
  gate: Promise<void> | undefined;

  async write(bytes: Buffer): Promise<void> {
    await this.gate;
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error('ECONNREFUSED');
    }
    this.printed.push(bytes.toString());
  }
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('one printer queue', () => {
  let dir: string;
  let printed: PrintedJobs;
  let acks: AckMessage[];
  let statuses: PrinterStatusMessage[];
  const queues: PrinterQueue[] = [];

  function queue(printerId: string, output: PrinterOutput | undefined, store = printed): PrinterQueue {
    const created = new PrinterQueue({
      printerId,
      printed: store,
      log: silentLogger,
      acknowledge: (ack) => acks.push(ack),
      reportStatus: (status) => statuses.push(status),
      retry: { minMs: 20, maxMs: 50 },
    });
    created.configure(printerId, output);
    queues.push(created);
    return created;
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kassa-queue-'));
    printed = await PrintedJobs.open(dir);
    acks = [];
    statuses = [];
  });
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.stop()));
    await printed.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints in sequence order whatever order the jobs arrive in, each once', async () => {
    const printer = new FakePrinter();
    let open = () => undefined as void;
    printer.gate = new Promise((resolve) => (open = resolve));
    const receipt = queue('receipt', printer);
    receipt.enqueue(job(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (const sequence of [4, 2, 3, 2, 4]) receipt.enqueue(job(sequence));
    open();
    await until(() => acks.length === 4);
    expect(printer.printed).toEqual(['#1', '#2', '#3', '#4']);
    expect(acks.map((a) => [a.jobId, a.status])).toEqual([1, 2, 3, 4].map((s) => [`receipt-job-${s}`, 'printed']));
  });

  it('does not print a job again after a crash between printing and acknowledging', async () => {
    const before = new FakePrinter();
    queue('receipt', before).enqueue(job(1));
    await until(() => acks.length === 1);
    // The ack never reaches the server (the process dies); the id is already on disk.
    acks.length = 0;
    const afterRestart = await PrintedJobs.open(dir);
    const printer = new FakePrinter();
    const restarted = queue('receipt', printer, afterRestart);
    // The server resends the unacknowledged job, then the next one.
    expect(restarted.enqueue(job(1))).toBe('already-printed');
    restarted.enqueue(job(2));
    await until(() => acks.length === 2);
    expect(before.printed).toEqual(['#1']);
    expect(printer.printed).toEqual(['#2']);
    expect(acks).toEqual([
      { jobId: 'receipt-job-1', status: 'printed' },
      { jobId: 'receipt-job-2', status: 'printed' },
    ]);
    await restarted.stop();
    await afterRestart.close();
  });

  it('retries a failing printer with backoff, reports it offline and online again, prints once', async () => {
    const printer = new FakePrinter();
    printer.failuresLeft = 3;
    queue('receipt', printer).enqueue(job(1));
    await until(() => acks.length === 1);
    expect(printer.printed).toEqual(['#1']);
    expect(statuses).toEqual([
      { printerId: 'receipt', online: false, error: 'ECONNREFUSED' },
      { printerId: 'receipt', online: true },
    ]);
  });

  it('keeps printing on one printer while another is dead', async () => {
    const dead = new FakePrinter();
    dead.failuresLeft = Number.POSITIVE_INFINITY;
    const alive = new FakePrinter();
    const kitchen = queue('kitchen', dead);
    const receipt = queue('receipt', alive);
    for (let sequence = 1; sequence <= 5; sequence += 1) {
      kitchen.enqueue(job(sequence, 'kitchen'));
      receipt.enqueue(job(sequence, 'receipt'));
    }
    await until(() => alive.printed.length === 5);
    expect(dead.printed).toEqual([]);
    expect(kitchen.length).toBe(5);
    expect(acks.every((a) => a.jobId.startsWith('receipt-'))).toBe(true);
  });

  it('holds jobs for a printer with no output until one is configured', async () => {
    const receipt = queue('receipt', undefined);
    receipt.enqueue(job(1));
    await until(() => statuses.length === 1);
    expect(statuses[0]).toMatchObject({ online: false, error: expect.stringMatching(/no output configured/) });
    const printer = new FakePrinter();
    receipt.configure('Kassa 1', printer);
    await until(() => acks.length === 1);
    expect(printer.printed).toEqual(['#1']);
  });

  it('finishes the job in flight when stopped, then takes no more', async () => {
    const printer = new FakePrinter();
    let open = () => undefined as void;
    printer.gate = new Promise((resolve) => (open = resolve));
    const receipt = queue('receipt', printer);
    receipt.enqueue(job(1));
    receipt.enqueue(job(2));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const stopped = receipt.stop();
    open();
    await stopped;
    expect(printer.printed).toEqual(['#1']);
    expect(acks).toEqual([{ jobId: 'receipt-job-1', status: 'printed' }]);
    expect(printed.has('receipt', 'receipt-job-1')).toBe(true);
  });
});
