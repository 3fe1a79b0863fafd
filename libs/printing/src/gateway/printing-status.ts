import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { systemEntityManager } from '@kassa/platform';
import { Printer } from '../entities/printer.entity';
import { Station } from '../entities/station.entity';
import { QueueLengths } from '../jobs/queue-lengths';
import { StationsHub } from './stations-hub';

export interface PrinterStatusMessage {
  readonly printerId: string;
  readonly stationId: string | null;
  readonly storeId: string;
  readonly name: string;
  readonly online: boolean;
  readonly lastError: string | null;
  readonly lastSeenAt: string | null;
  readonly queueLength: number;
}

/**
 * Live status for the admin and the board: `printer-status` and `station-status` to the store's
 * room, read from committed state after the change (so call it after the commit).
 */
@Injectable()
export class PrintingStatus {
  constructor(
    private readonly orm: MikroORM,
    private readonly hub: StationsHub,
  ) {}

  /** A status the caller has just read with its change. */
  printer(status: PrinterStatusMessage): void {
    this.hub.toStore(status.storeId, 'printer-status', status);
  }

  async printers(printerIds: readonly string[]): Promise<void> {
    const ids = [...new Set(printerIds)];
    if (ids.length === 0) return;
    const em = systemEntityManager(this.orm);
    const printers = await em.find(Printer, { id: { $in: ids } });
    const queues = await new QueueLengths(em).of(ids);
    for (const printer of printers) this.hub.toStore(printer.storeId, 'printer-status', printerStatusOf(printer, queues.get(printer.id) ?? 0));
  }

  async stations(stationIds: readonly string[]): Promise<void> {
    const ids = [...new Set(stationIds)];
    if (ids.length === 0) return;
    const em = systemEntityManager(this.orm);
    const stations = await em.find(Station, { id: { $in: ids } });
    const printers = await em.find(Printer, { stationId: { $in: ids } }, { orderBy: { createdAt: 'ASC', id: 'ASC' } });
    const queues = await new QueueLengths(em).of(printers.map((p) => p.id));
    for (const station of stations) {
      this.hub.toStore(station.storeId, 'station-status', {
        stationId: station.id,
        storeId: station.storeId,
        name: station.name,
        connected: station.connected,
        lastSeenAt: station.lastSeenAt?.toISOString() ?? null,
        revoked: station.revokedAt !== null,
        printers: printers
          .filter((p) => p.stationId === station.id)
          .map((p) => ({ id: p.id, name: p.name, online: p.online, lastError: p.lastError, queueLength: queues.get(p.id) ?? 0 })),
      });
    }
  }
}

export function printerStatusOf(printer: Printer, queueLength: number): PrinterStatusMessage {
  return {
    printerId: printer.id,
    stationId: printer.stationId,
    storeId: printer.storeId,
    name: printer.name,
    online: printer.online,
    lastError: printer.lastError,
    lastSeenAt: printer.lastSeenAt?.toISOString() ?? null,
    queueLength,
  };
}
