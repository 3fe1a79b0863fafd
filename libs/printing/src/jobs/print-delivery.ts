import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { systemEntityManager, uuidArray } from '@kassa/platform';
import { PrintJob, PrintJobStatus } from '../entities/print-job.entity';
import { Printer } from '../entities/printer.entity';
import { Station } from '../entities/station.entity';
import { PrintingStatus, PrinterStatusMessage } from '../gateway/printing-status';
import { StationsHub } from '../gateway/stations-hub';
import { PrintSettingsService } from '../settings/print-settings.service';
import { AfterCommit } from './after-commit';
import { takeSequence } from './sequences';

/** What a station receives for each job (`job` event). */
export interface JobMessage {
  readonly id: string;
  readonly printerId: string;
  readonly sequence: number;
  readonly kind: string;
  readonly copy: boolean;
  readonly orderId: string | null;
  readonly orderNumber: string | null;
  readonly createdAt: string;
  /** The printer's command bytes, base64. */
  readonly bytes: string;
}

export interface FlushResult {
  readonly sent: number;
  readonly held: number;
}

const NOTHING: FlushResult = { sent: 0, held: 0 };

/** A printer's status as read in SQL: a `printer` row and its queue length. */
interface PrinterStatusRow {
  readonly id: string;
  readonly station_id: string | null;
  readonly store_id: string;
  readonly name: string;
  readonly online: boolean;
  readonly last_error: string | null;
  readonly last_seen_at: Date | string | null;
  readonly queue_length: string | number;
}

function printerStatusOfRow(row: PrinterStatusRow, queueLength: number): PrinterStatusMessage {
  return {
    printerId: row.id,
    stationId: row.station_id,
    storeId: row.store_id,
    name: row.name,
    online: row.online,
    lastError: row.last_error,
    lastSeenAt: row.last_seen_at ? new Date(row.last_seen_at).toISOString() : null,
    queueLength,
  };
}

export function jobMessage(job: PrintJob): JobMessage {
  return {
    id: job.id,
    printerId: job.printerId,
    sequence: job.sequence,
    kind: job.kind,
    copy: job.copy,
    orderId: job.orderId,
    orderNumber: job.orderNumber,
    createdAt: job.createdAt.toISOString(),
    bytes: Buffer.from(job.bytes).toString('base64'),
  };
}

/**
 * Gets jobs to their station: at least once, in sequence order per printer. Sending takes the
 * printer row's lock, so two senders (a new order, a resume, another replica) never interleave
 * one printer's jobs; a job emitted just before its commit may come twice, which the station's
 * agent skips by job id.
 */
@Injectable()
export class PrintDelivery {
  constructor(
    private readonly orm: MikroORM,
    private readonly em: EntityManager,
    private readonly hub: StationsHub,
    private readonly settings: PrintSettingsService,
    private readonly status: PrintingStatus,
    private readonly afterCommit: AfterCommit,
  ) {}

  /**
   * In the caller's transaction, which made `jobs` and holds their printers' rows (taking a
   * sequence locks the row): a job whose printer is on a connected station and has nothing
   * older waiting is marked sent here and emitted once the transaction commits — a new order
   * reaches its station without a second transaction. Jobs behind a backlog go through
   * `deliverNow` after the commit, in sequence order; jobs for printers that are away wait.
   * The same statement reads each printer's status for the board: nobody else changes the
   * printer rows until the commit, and its queue is the unprinted jobs plus these.
   */
  async sendAfterCommit(jobs: readonly PrintJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const printerIds = [...new Set(jobs.map((job) => job.printerId))];
    const jobIds = uuidArray(jobs.map((job) => job.id));
    const rows = await this.em.execute<Array<PrinterStatusRow & { reachable: boolean; backlog: boolean }>>(
      `select p.id, p.station_id, p.store_id, p.name, p.online, p.last_error, p.last_seen_at,
              coalesce(p.connection = 'agent' and p.online and s.connected and s.revoked_at is null, false) as reachable,
              exists (select 1 from print_job j where j.printer_id = p.id and j.status = 'queued' and j.id <> all(?::uuid[])) as backlog,
              (select count(*) from print_job q where q.printer_id = p.id and q.status <> 'printed' and q.id <> all(?::uuid[])) as queue_length
         from printer p left join station s on s.id = p.station_id
        where p.id = any(?::uuid[])`,
      [jobIds, jobIds, uuidArray(printerIds)],
    );
    const direct = new Map(rows.filter((row) => row.reachable && !row.backlog).map((row) => [row.id, row.station_id as string]));
    const behind = rows.filter((row) => row.reachable && row.backlog).map((row) => row.id);
    const statuses = rows.map((row) => printerStatusOfRow(row, Number(row.queue_length) + jobs.filter((job) => job.printerId === row.id).length));
    const sent = jobs.filter((job) => direct.has(job.printerId)).sort((a, b) => a.sequence - b.sequence);
    const now = new Date();
    for (const job of sent) Object.assign(job, { status: 'sent', sentAt: now, attempts: job.attempts + 1 });
    this.afterCommit.add(async () => {
      for (const job of sent) this.hub.toStation(direct.get(job.printerId) as string, 'job', jobMessage(job));
      // Sending what waited changes no queue length: sent and held jobs are as unprinted as queued ones.
      for (const printerId of behind) await this.flushNow(printerId, ['queued']);
      for (const status of statuses) this.status.printer(status);
    });
  }

  /** In a transaction of its own (after the commit that queued them): sends a printer's waiting jobs now. */
  async deliverNow(printerId: string, statuses: readonly PrintJobStatus[] = ['queued']): Promise<FlushResult> {
    const result = await this.flushNow(printerId, statuses);
    await this.status.printers([printerId]);
    return result;
  }

  private async flushNow(printerId: string, statuses: readonly PrintJobStatus[]): Promise<FlushResult> {
    return systemEntityManager(this.orm).transactional(() => this.flush(printerId, statuses));
  }

  /**
   * In the caller's transaction: emits the printer's jobs in `statuses` to its station, in
   * sequence order, and marks them sent. Nothing goes while the printer or its station is away.
   * A job older than the store's hold age that staff never released is held instead: after a
   * long outage the backlog waits for a person rather than pouring out.
   */
  async flush(printerId: string, statuses: readonly PrintJobStatus[]): Promise<FlushResult> {
    await this.em.flush();
    const [locked] = await this.em.execute<Array<{ id: string }>>('select id from printer where id = ? for update', [printerId]);
    if (!locked) return NOTHING;
    const printer = await this.em.findOne(Printer, { id: printerId }, { refresh: true });
    if (!printer || printer.connection !== 'agent' || !printer.stationId || !printer.online) return NOTHING;
    const station = await this.em.findOne(Station, { id: printer.stationId }, { refresh: true });
    if (!station || !station.connected || station.revokedAt) return NOTHING;
    const jobs = await this.em.find(
      PrintJob,
      { printerId, status: { $in: [...statuses] } },
      { orderBy: { sequence: 'ASC' }, populate: ['bytes'], refresh: true },
    );
    if (jobs.length === 0) return NOTHING;
    const { holdAfterMinutes } = await this.settings.of(printer.storeId);
    const cutoff = Date.now() - holdAfterMinutes * 60_000;
    const sending: PrintJob[] = [];
    let held = 0;
    for (const job of jobs) {
      if (job.releasedAt === null && job.createdAt.getTime() < cutoff) {
        job.status = 'held';
        held += 1;
        continue;
      }
      // A job going again behind later ones that already printed (failed, released) takes a new
      // number: the station reports its last printed sequence, and everything up to it counts as printed.
      if (job.sequence <= printer.lastAckedSequence) job.sequence = await takeSequence(this.em, printer.id);
      Object.assign(job, { status: 'sent', sentAt: new Date(), attempts: job.attempts + 1 });
      sending.push(job);
    }
    sending.sort((a, b) => a.sequence - b.sequence);
    await this.em.flush();
    for (const job of sending) this.hub.toStation(station.id, 'job', jobMessage(job));
    return { sent: sending.length, held };
  }

  /** The station's printers it drives itself, in a stable order (a resume goes through them one by one). */
  async printersOf(stationId: string): Promise<Printer[]> {
    return this.em.find(Printer, { stationId, connection: 'agent' }, { orderBy: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * In the caller's transaction, for one printer of a station that is back: what it printed
   * before losing our acknowledgement (up to `lastPrinted`) is marked printed, the printer takes
   * jobs again, and everything unprinted after that goes out in order. A printer the station
   * reported offline before resuming stays so until it reports it back.
   */
  async resumePrinter(printerId: string, lastPrinted: number | undefined, reportedOffline: boolean): Promise<FlushResult> {
    await this.em.execute('select id from printer where id = ? for update', [printerId]);
    if (lastPrinted !== undefined) {
      await this.em.execute(
        `update print_job set status = 'printed', printed_at = coalesce(printed_at, now()), error = null
          where printer_id = ? and sequence <= ? and status in ('queued', 'sent')`,
        [printerId, lastPrinted],
      );
      await this.em.execute(`update printer set last_acked_sequence = greatest(last_acked_sequence, least(?, next_sequence - 1)) where id = ?`, [lastPrinted, printerId]);
    }
    if (reportedOffline) return NOTHING;
    await this.em.execute(
      `update printer set online = true, last_seen_at = now(), offline_since = null, failure_alerted_at = null, last_error = null where id = ?`,
      [printerId],
    );
    return this.flush(printerId, ['queued', 'sent', 'failed']);
  }

  /**
   * The station's word on a job; repeating it changes nothing, and a printed job stays printed.
   * One statement, on its own: it marks the job, moves the printer's acknowledged sequence on a
   * print, and answers the printer's status after it (the queue counted before the change, less
   * the job it just printed) for the board — an ack costs one round trip at any rate.
   */
  async acknowledge(stationId: string, jobId: string, outcome: 'printed' | 'failed', error: string | null): Promise<PrinterStatusMessage | null> {
    const failure = outcome === 'failed' ? (error ?? '').trim().slice(0, 500) || 'failed' : null;
    const [row] = await systemEntityManager(this.orm).execute<PrinterStatusRow[]>(
      `with job as (
         select j.id, j.printer_id, j.sequence, j.status as was
           from print_job j join printer p on p.id = j.printer_id
          where j.id = ? and p.station_id = ?
       ), marked as (
         update print_job t
            set status = ?, printed_at = case when ? = 'printed' then now() else t.printed_at end, error = ?
           from job where t.id = job.id and job.was <> 'printed'
         returning t.id
       ), acked as (
         update printer p set last_acked_sequence = greatest(p.last_acked_sequence, job.sequence), last_seen_at = now()
           from job where p.id = job.printer_id and ? = 'printed'
         returning p.last_seen_at
       )
       select p.id, p.station_id, p.store_id, p.name, p.online, p.last_error,
              coalesce((select last_seen_at from acked), p.last_seen_at) as last_seen_at,
              (select count(*) from print_job q where q.printer_id = p.id and q.status <> 'printed')
                - case when ? = 'printed' and job.was <> 'printed' then 1 else 0 end as queue_length,
              (select count(*) from marked) as marked
         from job join printer p on p.id = job.printer_id`,
      [jobId, stationId, outcome, outcome, failure, outcome, outcome],
    );
    if (!row) return null;
    return printerStatusOfRow(row, Number(row.queue_length));
  }

  /**
   * The station reports a printer online (waiting and failed jobs go again) or not (paper out,
   * offline). Before the station's resume an online report only clears the error: the printer
   * takes jobs from the resume on, so the replay comes first.
   */
  async printerStatus(stationId: string, printerId: string, online: boolean, error: string | null, resumed: boolean): Promise<Printer | null> {
    const printer = await this.em.findOne(Printer, { id: printerId, stationId });
    if (!printer) return null;
    const now = new Date();
    if (online && !resumed) {
      Object.assign(printer, { lastError: null, lastSeenAt: now });
    } else if (online) {
      Object.assign(printer, { online: true, lastError: null, offlineSince: null, failureAlertedAt: null, lastSeenAt: now });
      await this.flush(printer.id, ['queued', 'failed']);
    } else {
      Object.assign(printer, { online: false, lastError: (error ?? '').trim().slice(0, 500) || 'offline', offlineSince: printer.offlineSince ?? now, lastSeenAt: now });
    }
    return printer;
  }
}
