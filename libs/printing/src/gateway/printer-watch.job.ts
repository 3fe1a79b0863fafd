import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { EventPublisher, PLATFORM_OPTIONS, PlatformOptions, runExclusively, systemEntityManager } from '@kassa/platform';
import { Printer } from '../entities/printer.entity';
import { Station } from '../entities/station.entity';
import { PrintDelivery } from '../jobs/print-delivery';
import { PrintJobsService } from '../jobs/print-jobs.service';
import { QueueLengths } from '../jobs/queue-lengths';
import { printerFailed } from '../printing.events';
import { PRINTING_OPTIONS, PrintingOptions } from '../printing.options';
import { PrintingStatus } from './printing-status';

/** A station whose replica stopped beating for this long is taken as gone. */
const STALE_STATION_SECONDS = 60;
/** A CloudPRNT printer polls every few seconds; silent for this long, it is taken as offline. */
const SILENT_CLOUDPRNT_SECONDS = 60;
/** Queued jobs of a reachable printer older than this were missed by the push after their commit (a crash): send them. */
const STUCK_JOB_SECONDS = 10;

export interface WatchResult {
  readonly staleStations: number;
  readonly failedPrinters: number;
  readonly rerouted: number;
  readonly resent: number;
}

/**
 * The clock's part of printing, on one replica at a time: stations whose replica died are marked
 * gone, a printer offline longer than the alert threshold gets its error set, `printer-status`
 * goes to the store and `PrinterFailed` is published once (its jobs move to its fallback printer
 * when that one is reachable), and queued jobs a crash kept from being pushed are sent.
 */
@Injectable()
export class PrinterWatchJob {
  private readonly logger = new Logger('PrinterWatch');

  constructor(
    private readonly orm: MikroORM,
    private readonly events: EventPublisher,
    private readonly jobs: PrintJobsService,
    private readonly delivery: PrintDelivery,
    private readonly status: PrintingStatus,
    @Inject(PRINTING_OPTIONS) private readonly options: PrintingOptions,
    @Inject(PLATFORM_OPTIONS) private readonly platform: PlatformOptions,
  ) {}

  @Interval(5_000)
  async tick(): Promise<void> {
    if (!this.platform.outbox.dispatch) return;
    try {
      await this.run();
    } catch (error) {
      this.logger.error(`Printer watch failed: ${String(error)}`);
    }
  }

  /** One pass; tests call it instead of waiting. */
  async run(): Promise<WatchResult> {
    let result: WatchResult = { staleStations: 0, failedPrinters: 0, rerouted: 0, resent: 0 };
    const touchedStations: string[] = [];
    const touchedPrinters: string[] = [];
    let stuck: string[] = [];
    await runExclusively(systemEntityManager(this.orm), 'printing.watch', async (tx) => {
      const stale = await this.markStaleStations(tx);
      touchedStations.push(...stale.stations);
      touchedPrinters.push(...stale.printers);
      touchedPrinters.push(...(await this.markSilentCloudPrinters(tx)));
      const failed = await this.alertFailedPrinters(tx);
      touchedPrinters.push(...failed.printers);
      stuck = await this.stuckPrinters(tx);
      result = { staleStations: stale.stations.length, failedPrinters: failed.printers.length, rerouted: failed.rerouted, resent: 0 };
    });
    let resent = 0;
    for (const printerId of stuck) resent += (await this.delivery.deliverNow(printerId)).sent;
    await this.status.stations(touchedStations);
    await this.status.printers(touchedPrinters);
    return { ...result, resent };
  }

  private async markStaleStations(tx: EntityManager): Promise<{ stations: string[]; printers: string[] }> {
    const stations = await tx.execute<Array<{ id: string }>>(
      `update station set connected = false, connection_id = null
        where connected and (last_seen_at is null or last_seen_at < now() - make_interval(secs => ?))
        returning id`,
      [STALE_STATION_SECONDS],
    );
    if (stations.length === 0) return { stations: [], printers: [] };
    const printers = await tx.execute<Array<{ id: string }>>(
      `update printer set online = false, offline_since = coalesce(offline_since, now())
        where station_id in (${stations.map(() => '?').join(', ')}) returning id`,
      stations.map((s) => s.id),
    );
    return { stations: stations.map((s) => s.id), printers: printers.map((p) => p.id) };
  }

  private async markSilentCloudPrinters(tx: EntityManager): Promise<string[]> {
    const printers = await tx.execute<Array<{ id: string }>>(
      `update printer set online = false, offline_since = coalesce(offline_since, now())
        where connection = 'cloudprnt' and online and (last_seen_at is null or last_seen_at < now() - make_interval(secs => ?))
        returning id`,
      [SILENT_CLOUDPRNT_SECONDS],
    );
    return printers.map((p) => p.id);
  }

  private async alertFailedPrinters(tx: EntityManager): Promise<{ printers: string[]; rerouted: number }> {
    const failing = await tx.find(Printer, {
      online: false,
      failureAlertedAt: null,
      offlineSince: { $lt: new Date(Date.now() - this.options.offlineAlertSeconds * 1000) },
    });
    let rerouted = 0;
    for (const printer of failing) {
      const station = printer.stationId ? await tx.findOne(Station, { id: printer.stationId }) : null;
      printer.lastError ??= printer.connection === 'cloudprnt' ? 'not polling' : station?.connected ? 'offline' : 'station offline';
      printer.failureAlertedAt = new Date();
      const fallback = await this.reachableFallback(tx, printer);
      const moved = fallback ? await this.jobs.rerouteWaiting(printer.id, fallback.id) : 0;
      rerouted += moved;
      await tx.flush();
      const queueLength = (await new QueueLengths(tx).of([printer.id])).get(printer.id) ?? 0;
      this.events.publish(
        printerFailed({
          printerId: printer.id,
          printerName: printer.name,
          storeId: printer.storeId,
          stationId: printer.stationId,
          error: printer.lastError,
          offlineSince: (printer.offlineSince ?? new Date()).toISOString(),
          queueLength,
          reroutedTo: moved > 0 && fallback ? fallback.id : null,
        }),
      );
      this.logger.warn(`Printer ${printer.name} (${printer.id}) has been offline since ${printer.offlineSince?.toISOString()}: ${printer.lastError}`);
    }
    await tx.flush();
    return { printers: failing.map((p) => p.id), rerouted };
  }

  private async reachableFallback(tx: EntityManager, printer: Printer): Promise<Printer | null> {
    if (!printer.fallbackPrinterId) return null;
    const fallback = await tx.findOne(Printer, { id: printer.fallbackPrinterId, storeId: printer.storeId });
    if (!fallback || !fallback.online) return null;
    // A CloudPRNT fallback fetches its jobs itself when it polls.
    if (fallback.connection === 'cloudprnt') return fallback;
    if (!fallback.stationId) return null;
    const station = await tx.findOne(Station, { id: fallback.stationId });
    return station?.connected && !station.revokedAt ? fallback : null;
  }

  private async stuckPrinters(tx: EntityManager): Promise<string[]> {
    const rows = await tx.execute<Array<{ printer_id: string }>>(
      `select distinct j.printer_id from print_job j
         join printer p on p.id = j.printer_id
         join station s on s.id = p.station_id
        where j.status = 'queued' and j.created_at < now() - make_interval(secs => ?) and p.online and s.connected and s.revoked_at is null`,
      [STUCK_JOB_SECONDS],
    );
    return rows.map((r) => r.printer_id);
  }
}
