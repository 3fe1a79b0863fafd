import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@kassa/shared';
import { PrintJob, PrintJobStatus } from '../entities/print-job.entity';
import { Printer } from '../entities/printer.entity';
import { PrintingStatus } from '../gateway/printing-status';
import { AfterCommit } from '../jobs/after-commit';
import { takeSequence } from '../jobs/sequences';
import { PrintingError, PrintingErrorCode } from '../printing.errors';
import { PrintSettingsService } from '../settings/print-settings.service';
import { hashCloudPrntToken, isCloudPrntToken } from './cloudprnt-token';
import { mediaTypeOf, PollAnswer, readConfirmation, readPoll, retryAfterSeconds } from './cloudprnt-protocol';

export interface CloudPrntJob {
  readonly bytes: Buffer;
  readonly mediaType: string;
}

export interface Confirmation {
  readonly jobId: string | null;
  readonly status: PrintJobStatus | null;
}

const NO_JOB: PollAnswer = { jobReady: false };

/**
 * Star CloudPRNT for printers that poll us themselves. The printer's next job is always the
 * lowest unprinted sequence — a job it refused waits out a backoff and then goes again, and
 * nothing behind it is offered meanwhile — so paper comes out in order, and a confirmation
 * repeated or lost changes nothing (a printed job stays printed; an unconfirmed one is offered
 * again). Every method runs in the caller's transaction and takes the printer row's lock, like
 * every other writer of that printer's jobs.
 */
@Injectable()
export class CloudPrntService {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: PrintSettingsService,
    private readonly status: PrintingStatus,
    private readonly afterCommit: AfterCommit,
  ) {}

  /** The printer's poll: records its status and says whether a job is waiting, naming it. */
  async poll(token: string, body: unknown): Promise<PollAnswer> {
    const printer = await this.printerOf(token);
    const report = readPoll(body);
    const before = `${printer.online}|${printer.lastError}`;
    const now = new Date();
    if (report.kind === 'printer-error') {
      Object.assign(printer, { online: false, lastError: report.statusCode, offlineSince: printer.offlineSince ?? now, lastSeenAt: now });
    } else {
      // A 5xx is about a job it could not take; the printer itself is fine.
      Object.assign(printer, { online: true, lastError: report.kind === 'client-error' ? report.statusCode : null, offlineSince: null, failureAlertedAt: null, lastSeenAt: now });
    }
    if (`${printer.online}|${printer.lastError}` !== before) this.announce(printer.id);
    const mediaType = mediaTypeOf(printer.language);
    if (report.kind === 'printer-error' || report.printingInProgress || !mediaType) return NO_JOB;
    const job = await this.nextJob(printer);
    if (!job || !due(job)) return NO_JOB;
    return { jobReady: true, mediaTypes: [mediaType], jobToken: job.id, deleteMethod: 'DELETE' };
  }

  /** The job's bytes; only the printer's next job is handed out, and it counts as sent. */
  async job(token: string, query: Record<string, unknown>): Promise<CloudPrntJob> {
    const printer = await this.printerOf(token);
    const mediaType = mediaTypeOf(printer.language);
    if (!mediaType || (query.type !== undefined && query.type !== mediaType)) {
      throw new PrintingError(PrintingErrorCode.CLOUDPRNT_MEDIA_TYPE, `This printer's jobs come as ${mediaType ?? 'nothing CloudPRNT prints'}`, [
        { field: 'type', reason: `must be ${mediaType ?? 'a supported media type'}` },
      ]);
    }
    const job = await this.nextJob(printer);
    if (!job || (query.token !== undefined && query.token !== job.id)) throw noJob();
    await this.em.populate(job, ['bytes']);
    const now = new Date();
    Object.assign(job, { status: 'sent', sentAt: now, attempts: job.status === 'sent' ? job.attempts : job.attempts + 1 });
    printer.lastSeenAt = now;
    this.announce(printer.id);
    return { bytes: Buffer.from(job.bytes), mediaType };
  }

  /**
   * The printer's confirmation (`code` OK or 2xx: printed; anything else: it could not print the
   * job, which goes again after a backoff). Without a job token (old firmware) it is about the
   * job handed out last.
   */
  async confirm(token: string, query: Record<string, unknown>): Promise<Confirmation> {
    const printer = await this.printerOf(token);
    const outcome = readConfirmation(query.code);
    const job = await this.confirmed(printer, query.token);
    printer.lastSeenAt = new Date();
    if (!job) return { jobId: null, status: null };
    if (job.status !== 'printed') {
      if (outcome.printed) Object.assign(job, { status: 'printed', printedAt: new Date(), error: null });
      else Object.assign(job, { status: 'failed', error: outcome.error });
    }
    if (job.status === 'printed') {
      await this.em.flush();
      await this.em.execute('update printer set last_acked_sequence = greatest(last_acked_sequence, ?) where id = ?', [job.sequence, printer.id]);
    }
    this.announce(printer.id);
    return { jobId: job.id, status: job.status };
  }

  /** The printer a URL token belongs to, its row locked; one answer for every wrong token. */
  private async printerOf(token: string): Promise<Printer> {
    if (!isCloudPrntToken(token)) throw badToken();
    const [row] = await this.em.execute<Array<{ id: string }>>(
      `select id from printer where cloudprnt_token_hash = ? and connection = 'cloudprnt' for update`,
      [hashCloudPrntToken(token)],
    );
    const printer = row ? await this.em.findOne(Printer, { id: row.id }, { refresh: true }) : null;
    if (!printer) throw badToken();
    return printer;
  }

  /**
   * The lowest unprinted sequence. As for stations, a job older than the store's hold age that
   * staff never released is held, and one going again behind jobs already printed takes a new
   * number, so "printed up to n" stays true.
   */
  private async nextJob(printer: Printer): Promise<PrintJob | null> {
    const { holdAfterMinutes } = await this.settings.of(printer.storeId);
    const cutoff = Date.now() - holdAfterMinutes * 60_000;
    for (;;) {
      const job = await this.em.findOne(PrintJob, { printerId: printer.id, status: { $in: ['queued', 'sent', 'failed'] } }, { orderBy: { sequence: 'ASC' }, refresh: true });
      if (!job || job.status === 'sent') return job;
      if (job.releasedAt === null && job.createdAt.getTime() < cutoff) job.status = 'held';
      else if (job.sequence <= printer.lastAckedSequence) job.sequence = await takeSequence(this.em, printer.id);
      else return job;
      await this.em.flush();
    }
  }

  private async confirmed(printer: Printer, jobToken: unknown): Promise<PrintJob | null> {
    if (jobToken === undefined) {
      return this.em.findOne(PrintJob, { printerId: printer.id, status: 'sent' }, { orderBy: { sequence: 'ASC' } });
    }
    const job = typeof jobToken === 'string' && isUuid(jobToken) ? await this.em.findOne(PrintJob, { id: jobToken, printerId: printer.id }) : null;
    if (!job) throw noJob();
    return job;
  }

  private announce(printerId: string): void {
    this.afterCommit.add(() => this.status.printers([printerId]));
  }
}

function due(job: PrintJob): boolean {
  if (job.status !== 'failed' || !job.sentAt) return true;
  return Date.now() - job.sentAt.getTime() >= retryAfterSeconds(job.attempts) * 1000;
}

function badToken(): PrintingError {
  return new PrintingError(PrintingErrorCode.CLOUDPRNT_TOKEN_INVALID, 'This CloudPRNT URL is not valid; copy it again from the printer settings');
}

function noJob(): PrintingError {
  return new PrintingError(PrintingErrorCode.CLOUDPRNT_NO_JOB, 'No such job for this printer now; poll again');
}
