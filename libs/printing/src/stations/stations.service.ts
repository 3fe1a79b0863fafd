import { Injectable } from '@nestjs/common';
import { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { likePattern, ListPage, ListQuery } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import { CreateStationDto, StationResponse, StationWithTokenResponse, UpdateStationDto } from '../dto/station.dto';
import { Printer } from '../entities/printer.entity';
import { Station } from '../entities/station.entity';
import { StationsHub } from '../gateway/stations-hub';
import { AfterCommit } from '../jobs/after-commit';
import { QueueLengths } from '../jobs/queue-lengths';
import { PrintingError, PrintingErrorCode } from '../printing.errors';
import { hashStationToken, isStationToken, newStationToken } from './station-token';

/** Stations of the caller's stores, their device tokens and who is connected. */
@Injectable()
export class StationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly stores: StoresService,
    private readonly queues: QueueLengths,
    private readonly hub: StationsHub,
    private readonly afterCommit: AfterCommit,
  ) {}

  async list(query: ListQuery): Promise<ListPage<StationResponse>> {
    const { storeId, id, q, connected } = query.filter as { storeId?: string[]; id?: string[]; q?: string; connected?: boolean };
    const where: FilterQuery<Station> = {
      ...(id ? { id: { $in: id } } : {}),
      ...(storeId ? { storeId: { $in: storeId } } : {}),
      ...(connected !== undefined ? { connected } : {}),
      ...(q ? { name: { $ilike: likePattern(q) } } : {}),
    };
    const [stations, total] = await this.em.findAndCount(Station, where, {
      orderBy: [{ [query.sort.field]: query.sort.order }, { id: 'ASC' }],
      limit: query.limit,
      offset: query.offset,
    });
    return { items: await this.views(stations), total, offset: query.offset };
  }

  async get(id: string): Promise<StationResponse> {
    return (await this.views([await this.load(id)]))[0];
  }

  async create(input: CreateStationDto): Promise<StationWithTokenResponse> {
    await this.stores.get(input.storeId);
    const token = newStationToken();
    const station = this.em.create(Station, {
      storeId: input.storeId,
      name: input.name.trim(),
      tokenHash: hashStationToken(token),
      tokenHint: token.slice(-4),
      tokenRotatedAt: new Date(),
      connected: false,
      createdAt: new Date(),
    });
    this.em.persist(station);
    return { ...(await this.views([station]))[0], token };
  }

  async update(id: string, input: UpdateStationDto): Promise<StationResponse> {
    const station = await this.load(id);
    if (input.name !== undefined) station.name = input.name.trim();
    return (await this.views([station]))[0];
  }

  /** A new token; the old one stops working when this commits, and its sockets are closed then. */
  async rotateToken(id: string): Promise<string> {
    const station = await this.load(id);
    const token = newStationToken();
    Object.assign(station, { tokenHash: hashStationToken(token), tokenHint: token.slice(-4), tokenRotatedAt: new Date(), revokedAt: null });
    this.afterCommit.add(async () => this.hub.disconnectStation(station.id));
    return token;
  }

  async revoke(id: string): Promise<StationResponse> {
    const station = await this.load(id);
    station.revokedAt ??= new Date();
    this.afterCommit.add(async () => this.hub.disconnectStation(station.id));
    return (await this.views([station]))[0];
  }

  /** The station a device token belongs to, unless revoked; the caller's entity manager must be unscoped. */
  async byToken(token: unknown): Promise<Station | null> {
    if (!isStationToken(token)) return null;
    return this.em.findOne(Station, { tokenHash: hashStationToken(token), revokedAt: null });
  }

  async load(id: string): Promise<Station> {
    const station = await this.em.findOne(Station, { id });
    if (!station) throw PrintingError.notFound(PrintingErrorCode.STATION_NOT_FOUND, 'Station', id);
    return station;
  }

  private async views(stations: readonly Station[]): Promise<StationResponse[]> {
    const printers = stations.length === 0 ? [] : await this.em.find(Printer, { stationId: { $in: stations.map((s) => s.id) } }, { orderBy: { createdAt: 'ASC', id: 'ASC' } });
    const queues = await this.queues.of(printers.map((p) => p.id));
    return stations.map((s) => ({
      id: s.id,
      storeId: s.storeId,
      name: s.name,
      connected: s.connected,
      lastSeenAt: s.lastSeenAt,
      tokenHint: s.tokenHint,
      revoked: s.revokedAt !== null,
      createdAt: s.createdAt,
      printers: printers
        .filter((p) => p.stationId === s.id)
        .map((p) => ({ id: p.id, name: p.name, online: p.online, lastError: p.lastError, queueLength: queues.get(p.id) ?? 0 })),
    }));
  }
}
