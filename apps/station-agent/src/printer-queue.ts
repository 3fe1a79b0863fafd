import { backoffDelay } from './backoff';
import type { Logger } from './logger';
import type { PrinterOutput } from './outputs/printer-output';
import type { PrintedJobs } from './printed-jobs';
import type { AckMessage, JobMessage, PrinterStatusMessage } from './protocol';

export interface PrinterQueueOptions {
  printerId: string;
  printed: PrintedJobs;
  log: Logger;
  /** Hands an acknowledgement to the connection, which resends it until the server confirms. */
  acknowledge(ack: AckMessage): void;
  reportStatus(status: PrinterStatusMessage): void;
  retry?: { minMs: number; maxMs: number };
}

/** What became of a job handed to `enqueue`. */
export type EnqueueResult = 'queued' | 'already-queued' | 'already-printed';

/**
 * One printer's jobs, printed one at a time in sequence order. A failed write is retried with
 * backoff on this queue only, so a dead printer never holds up another. A job counts as
 * printed once the output has taken it; its id is then synced to disk and only after that
 * acknowledged, so a crash at any point leads to a resend the station recognises, never to a
 * second print.
 */
export class PrinterQueue {
  private readonly pending = new Map<string, JobMessage>();
  private output: PrinterOutput | undefined;
  private name: string;
  private online: boolean | undefined;
  private lastError: string | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  /** While waiting to retry a failed write, new jobs must not cut the wait short. */
  private backingOff = false;
  private readonly loop: Promise<void>;

  constructor(private readonly options: PrinterQueueOptions) {
    this.name = options.printerId;
    this.loop = this.run();
  }

  get printerId(): string {
    return this.options.printerId;
  }

  get length(): number {
    return this.pending.size;
  }

  /** Sets or changes where the bytes go (undefined: not configured, jobs wait). */
  configure(name: string, output: PrinterOutput | undefined): void {
    this.name = name;
    this.output = output;
    this.nudge();
  }

  enqueue(job: JobMessage): EnqueueResult {
    const { printed, log, printerId } = this.options;
    if (printed.has(printerId, job.id)) {
      log.info('job already printed, acknowledged again', this.fields(job));
      this.options.acknowledge({ jobId: job.id, status: 'printed' });
      return 'already-printed';
    }
    if (this.pending.has(job.id)) {
      log.debug('job already queued', this.fields(job));
      return 'already-queued';
    }
    this.pending.set(job.id, job);
    log.debug('job queued', { ...this.fields(job), queued: this.pending.size });
    if (!this.backingOff) this.nudge();
    return 'queued';
  }

  /** Stops taking jobs; resolves after the job in flight (if any) is printed and acknowledged. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.nudge();
    await this.loop;
  }

  private async run(): Promise<void> {
    let attempt = 0;
    const retry = this.options.retry ?? { minMs: 1000, maxMs: 10_000 };
    while (!this.stopping) {
      const job = this.next();
      if (!job) {
        await this.idle();
        continue;
      }
      const output = this.output;
      if (!output) {
        this.setStatus(false, 'no output configured for this printer on the station');
        await this.idle();
        continue;
      }
      try {
        await output.write(Buffer.from(job.bytes, 'base64'), job);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.setStatus(false, reason);
        const delay = backoffDelay(attempt, retry.minMs, retry.maxMs);
        attempt += 1;
        this.options.log.warn('print failed, will retry', { ...this.fields(job), output: output.description, error: reason, retryInMs: delay });
        this.backingOff = true;
        await this.idle(delay);
        this.backingOff = false;
        continue;
      }
      attempt = 0;
      this.setStatus(true);
      await this.remember(job);
      this.pending.delete(job.id);
      this.options.log.info('printed', { ...this.fields(job), output: output.description, queued: this.pending.size });
      this.options.acknowledge({ jobId: job.id, status: 'printed' });
    }
  }

  private async remember(job: JobMessage): Promise<void> {
    try {
      await this.options.printed.markPrinted(this.options.printerId, job.id, job.sequence);
    } catch (error) {
      // The job is on paper and in memory; acknowledging it keeps the server from resending it.
      this.options.log.error('could not record a printed job on disk', { ...this.fields(job), error: error instanceof Error ? error.message : String(error) });
    }
  }

  private next(): JobMessage | undefined {
    let lowest: JobMessage | undefined;
    for (const job of this.pending.values()) if (!lowest || job.sequence < lowest.sequence) lowest = job;
    return lowest;
  }

  /** Waits for a new job, a configuration change, stop, or `ms`. */
  private idle(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => this.nudge(), ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private nudge(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private setStatus(online: boolean, error?: string): void {
    if (this.online === online && this.lastError === error) return;
    this.online = online;
    this.lastError = error;
    if (online) this.options.log.info('printer online', { printer: this.name, printerId: this.options.printerId });
    else this.options.log.warn('printer offline', { printer: this.name, printerId: this.options.printerId, error });
    this.options.reportStatus({ printerId: this.options.printerId, online, ...(error ? { error } : {}) });
  }

  private fields(job: JobMessage) {
    return { job: job.id, printer: this.name, seq: job.sequence, order: job.orderNumber ?? undefined, kind: job.kind, copy: job.copy || undefined };
  }
}
