import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export const PRINTED_JOBS_FILE = 'printed-jobs.jsonl';
export const KEEP_PER_PRINTER = 10_000;

interface PrinterRecord {
  /** job id → sequence, insertion-ordered so the oldest ids are dropped first */
  ids: Map<string, number>;
  highest: number;
}

type Line = { printer: string; job: string; sequence: number } | { printer: string; highest: number };

/**
 * The job ids this station has put on paper, per printer, and the highest sequence printed —
 * the memory that makes a replayed or duplicated job a no-op. An append-only file with one
 * JSON line per job, synced before `markPrinted` resolves (so before the job is acknowledged);
 * rewritten on open (and when it grows) to the last N ids and the highest sequence per printer.
 * A torn last line from a crash is ignored: that job was never acknowledged, so the server
 * sends it again.
 */
export class PrintedJobs {
  private appendedSinceCompaction = 0;
  private tail: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly printers: Map<string, PrinterRecord>,
    private handle: FileHandle,
    private readonly keepPerPrinter: number,
    /** lines that could not be read on open */
    readonly skippedLines: number,
  ) {}

  static async open(stateDir: string, keepPerPrinter = KEEP_PER_PRINTER): Promise<PrintedJobs> {
    await mkdir(stateDir, { recursive: true });
    const file = join(stateDir, PRINTED_JOBS_FILE);
    const printers = new Map<string, PrinterRecord>();
    let skipped = 0;
    if (existsSync(file)) {
      for (const text of (await readFile(file, 'utf8')).split('\n')) {
        if (text.trim() === '') continue;
        const line = parseLine(text);
        if (!line) {
          skipped += 1;
          continue;
        }
        const record = recordOf(printers, line.printer);
        if ('job' in line) {
          record.ids.delete(line.job);
          record.ids.set(line.job, line.sequence);
          record.highest = Math.max(record.highest, line.sequence);
        } else {
          record.highest = Math.max(record.highest, line.highest);
        }
      }
    }
    for (const record of printers.values()) trim(record, keepPerPrinter);
    await writeCompacted(file, printers);
    const handle = await open(file, 'a');
    return new PrintedJobs(file, printers, handle, keepPerPrinter, skipped);
  }

  has(printerId: string, jobId: string): boolean {
    return this.printers.get(printerId)?.ids.has(jobId) ?? false;
  }

  /** The highest sequence printed per printer, as sent in `resume`. */
  lastSequences(): Record<string, number> {
    return Object.fromEntries([...this.printers].map(([printerId, record]) => [printerId, record.highest]));
  }

  lastSequence(printerId: string): number {
    return this.printers.get(printerId)?.highest ?? 0;
  }

  /** Resolves once the id is on disk (fdatasync'ed). */
  markPrinted(printerId: string, jobId: string, sequence: number): Promise<void> {
    const record = recordOf(this.printers, printerId);
    record.ids.delete(jobId);
    record.ids.set(jobId, sequence);
    record.highest = Math.max(record.highest, sequence);
    trim(record, this.keepPerPrinter);
    const line: Line = { printer: printerId, job: jobId, sequence };
    const written = this.tail.then(async () => {
      await this.handle.write(`${JSON.stringify(line)}\n`);
      await this.handle.datasync();
      this.appendedSinceCompaction += 1;
      if (this.appendedSinceCompaction >= Math.max(1000, this.keepPerPrinter) * 2) await this.compact();
    });
    // Later writes wait for this one but do not inherit its failure.
    this.tail = written.catch(() => undefined);
    return written;
  }

  async close(): Promise<void> {
    await this.tail;
    await this.handle.close();
  }

  private async compact(): Promise<void> {
    await this.handle.close();
    await writeCompacted(this.file, this.printers);
    this.handle = await open(this.file, 'a');
    this.appendedSinceCompaction = 0;
  }
}

function recordOf(printers: Map<string, PrinterRecord>, printerId: string): PrinterRecord {
  let record = printers.get(printerId);
  if (!record) {
    record = { ids: new Map(), highest: 0 };
    printers.set(printerId, record);
  }
  return record;
}

function trim(record: PrinterRecord, keep: number): void {
  for (const id of record.ids.keys()) {
    if (record.ids.size <= keep) break;
    record.ids.delete(id);
  }
}

function parseLine(text: string): Line | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const line = value as Record<string, unknown>;
    if (typeof line.printer !== 'string') return undefined;
    if (typeof line.job === 'string' && typeof line.sequence === 'number') return { printer: line.printer, job: line.job, sequence: line.sequence };
    if (typeof line.highest === 'number') return { printer: line.printer, highest: line.highest };
    return undefined;
  } catch {
    return undefined;
  }
}

/** Rewrites the file through a synced temp file and a rename, so a crash leaves old or new. */
async function writeCompacted(file: string, printers: Map<string, PrinterRecord>): Promise<void> {
  const lines: string[] = [];
  for (const [printer, record] of printers) {
    lines.push(JSON.stringify({ printer, highest: record.highest } satisfies Line));
    for (const [job, sequence] of record.ids) lines.push(JSON.stringify({ printer, job, sequence } satisfies Line));
  }
  const temp = `${file}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  const directory = await open(join(file, '..'), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
