import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { systemEntityManager } from '@kassa/platform';
import { inSystemContext } from '../jobs/system-context';
import { StoresService } from '@kassa/stores';
import { Printer } from '../entities/printer.entity';
import { Station } from '../entities/station.entity';
import { StationsHub } from './stations-hub';

/** What a station is told when it connects, and again whenever its printers change. */
export interface WelcomeMessage {
  readonly stationId: string;
  readonly storeId: string;
  readonly storeName: string;
  readonly printers: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly roles: readonly string[];
    readonly columns: number;
    readonly language: string;
    readonly codepage: string;
    readonly cashDrawer: boolean;
  }>;
}

@Injectable()
export class StationWelcome {
  constructor(
    private readonly orm: MikroORM,
    private readonly stores: StoresService,
    private readonly hub: StationsHub,
  ) {}

  /** Read outside any request: the station is who it is, whatever the caller's scope. */
  async of(station: Station): Promise<WelcomeMessage> {
    const em = systemEntityManager(this.orm);
    const printers = await em.find(Printer, { stationId: station.id, connection: 'agent' }, { orderBy: { createdAt: 'ASC', id: 'ASC' } });
    const store = await inSystemContext(this.orm, () => this.stores.get(station.storeId));
    return {
      stationId: station.id,
      storeId: station.storeId,
      storeName: store.name,
      printers: printers.map((p) => ({ id: p.id, name: p.name, roles: [...p.roles], columns: p.columns, language: p.language, codepage: p.codepage, cashDrawer: p.cashDrawer })),
    };
  }

  /** Tells a connected station its printers again (after an admin changed them). */
  async resend(stationId: string): Promise<void> {
    const em = systemEntityManager(this.orm);
    const station = await em.findOne(Station, { id: stationId });
    if (station && !station.revokedAt) this.hub.toStation(station.id, 'welcome', await this.of(station));
  }
}
