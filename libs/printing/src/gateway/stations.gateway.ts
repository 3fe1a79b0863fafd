import { Logger, OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { MikroORM, RequestContext, TransactionContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Namespace, Socket } from 'socket.io';
import type { OrderActor } from '@kassa/orders';
import { systemEntityManager, uuidArray } from '@kassa/platform';
import { applyTenancy, canAccessStore, KassaError, StaffActor } from '@kassa/shared';
import { StoresService } from '@kassa/stores';
import { Station } from '../entities/station.entity';
import { OrdersReader } from '../jobs/orders-reader';
import { PrintDelivery } from '../jobs/print-delivery';
import { inSystemContext } from '../jobs/system-context';
import { StationsService } from '../stations/stations.service';
import { PrintingStatus } from './printing-status';
import { isRefusal, parseAck, parseOrderAction, parsePrinterStatus, parseResume, Refusal, refusal } from './socket-messages';
import { StaffTokens } from './staff-tokens';
import { StationWelcome } from './station-welcome';
import { StationsHub, stationRoom, storeRoom } from './stations-hub';

/** Who is on the other end of a socket, settled at the handshake. */
export type SocketIdentity =
  | { readonly kind: 'station'; readonly stationId: string; readonly stationName: string; readonly storeId: string; readonly organisationId: string }
  | { readonly kind: 'board'; readonly actor: StaffActor; readonly storeId: string };

/** Handshake refusals, as `connect_error` messages. */
export const STATION_TOKEN_INVALID = 'STATION_TOKEN_INVALID';
export const STAFF_TOKEN_INVALID = 'STAFF_TOKEN_INVALID';
export const STORE_NOT_ALLOWED = 'STORE_NOT_ALLOWED';

const HEARTBEAT_MS = 20_000;

/**
 * The `/stations` namespace. Stations sign in with their device token, join their own room and
 * their store's, get `welcome` and then their jobs; staff boards sign in with an access token
 * and watch their store's room. Every handler answers through the acknowledgement callback and
 * runs in a transaction narrowed to the socket's store.
 */
@WebSocketGateway({ namespace: '/stations' })
export class StationsGateway implements OnGatewayInit<Namespace>, OnGatewayConnection<Socket>, OnGatewayDisconnect<Socket>, OnModuleDestroy {
  private readonly logger = new Logger('Stations');
  /** This replica's station sockets: socket id → station id. */
  private readonly local = new Map<string, string>();
  private heartbeat?: NodeJS.Timeout;
  private closing = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly em: EntityManager,
    private readonly hub: StationsHub,
    private readonly stations: StationsService,
    private readonly stores: StoresService,
    private readonly delivery: PrintDelivery,
    private readonly welcome: StationWelcome,
    private readonly status: PrintingStatus,
    private readonly orders: OrdersReader,
    private readonly staff: StaffTokens,
  ) {}

  afterInit(namespace: Namespace): void {
    this.hub.attach(namespace);
    // A namespace middleware, so a refused handshake reaches the client as `connect_error`.
    namespace.use((socket, next) => {
      this.identify(socket).then(
        (identity) => {
          socket.data.identity = identity;
          next();
        },
        (error: unknown) => next(new Error(error instanceof HandshakeRefused ? error.message : 'UNAVAILABLE')),
      );
    });
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async handleConnection(socket: Socket): Promise<void> {
    const identity = socket.data.identity as SocketIdentity | undefined;
    if (!identity) {
      socket.disconnect(true);
      return;
    }
    if (identity.kind === 'board') {
      await socket.join(storeRoom(identity.storeId));
      return;
    }
    try {
      const em = systemEntityManager(this.orm);
      // Its printers count as offline until the station's `resume`: nothing may reach it before the
      // replay, or it would print later jobs first and report them as its last printed sequence.
      // The update waits for any send in progress (it holds the printer rows), and the socket joins
      // the station's room only after, so such a send cannot reach it either.
      const printers = await em.execute<Array<{ id: string }>>(
        `update printer set online = false, offline_since = coalesce(offline_since, now()) where station_id = ? and connection = 'agent' returning id`,
        [identity.stationId],
      );
      await em.nativeUpdate(Station, { id: identity.stationId }, { connected: true, connectionId: socket.id, lastSeenAt: new Date() });
      await socket.join([stationRoom(identity.stationId), storeRoom(identity.storeId)]);
      this.local.set(socket.id, identity.stationId);
      const station = await em.findOneOrFail(Station, { id: identity.stationId });
      socket.emit('welcome', await this.welcome.of(station));
      await this.status.stations([station.id]);
      await this.status.printers(printers.map((p) => p.id));
    } catch (error) {
      this.logger.error(`Station ${identity.stationId} could not be welcomed: ${String(error)}`);
      socket.disconnect(true);
    }
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    const identity = socket.data.identity as SocketIdentity | undefined;
    this.local.delete(socket.id);
    if (this.closing || identity?.kind !== 'station') return;
    try {
      const em = systemEntityManager(this.orm);
      // Only the socket that set `connected` clears it: a quick reconnect may already have replaced it.
      const [row] = await em.execute<Array<{ id: string }>>(
        `update station set connected = false, connection_id = null, last_seen_at = now() where id = ? and connection_id = ? returning id`,
        [identity.stationId, socket.id],
      );
      if (!row) return;
      const printers = await em.execute<Array<{ id: string }>>(
        `update printer set online = false, offline_since = coalesce(offline_since, now()) where station_id = ? returning id`,
        [identity.stationId],
      );
      await this.status.stations([identity.stationId]);
      await this.status.printers(printers.map((p) => p.id));
    } catch (error) {
      this.logger.warn(`Could not record that station ${identity.stationId} left: ${String(error)}`);
    }
  }

  @SubscribeMessage('resume')
  async resume(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ replayed: number; held: number } | Refusal> {
    return this.asStation(socket, async (station) => {
      const message = parseResume(body);
      if (isRefusal(message)) return message;
      const current = await this.em.findOne(Station, { id: station.stationId });
      if (!current || current.revokedAt) {
        socket.disconnect(true);
        return refusal(STATION_TOKEN_INVALID, 'This station was revoked');
      }
      const offline = this.reportedOffline(socket);
      let replayed = 0;
      let held = 0;
      const printers = await this.delivery.printersOf(current.id);
      // One transaction per printer, so one printer's trouble never holds back another.
      for (const printer of printers) {
        const result = await this.em.transactional(() => this.delivery.resumePrinter(printer.id, message.printers.get(printer.id), offline.has(printer.id)));
        replayed += result.sent;
        held += result.held;
      }
      socket.data.resumed = true;
      await this.status.printers(printers.map((p) => p.id));
      return { replayed, held };
    });
  }

  @SubscribeMessage('ack')
  async ack(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: true } | Refusal> {
    return this.asStation(socket, async (station) => {
      const message = parseAck(body);
      if (isRefusal(message)) return message;
      const printer = await this.delivery.acknowledge(station.stationId, message.jobId, message.status, message.error);
      if (!printer) return refusal('PRINT_JOB_NOT_FOUND', `Print job ${message.jobId} is not a job of this station`);
      this.status.printer(printer);
      return { ok: true as const };
    });
  }

  @SubscribeMessage('printer-status')
  async printerStatus(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: true } | Refusal> {
    return this.asStation(socket, async (station) => {
      const message = parsePrinterStatus(body);
      if (isRefusal(message)) return message;
      const resumed = socket.data.resumed === true;
      const printer = await this.em.transactional(() => this.delivery.printerStatus(station.stationId, message.printerId, message.online, message.error, resumed));
      if (!printer) return refusal('PRINTER_NOT_FOUND', `Printer ${message.printerId} is not a printer of this station`);
      if (!resumed) {
        const offline = this.reportedOffline(socket);
        if (message.online) offline.delete(printer.id);
        else offline.add(printer.id);
      }
      await this.status.printers([printer.id]);
      return { ok: true as const };
    });
  }

  /** Accept, start, ready or hand over an order, from a station (actor "station") or a board (the staff member). */
  @SubscribeMessage('order-action')
  async orderAction(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<{ ok: true; status: string } | Refusal> {
    const identity = socket.data.identity as SocketIdentity | undefined;
    if (!identity) return refusal('UNAUTHENTICATED', 'Not signed in');
    const message = parseOrderAction(body);
    if (isRefusal(message)) return message;
    const actor: OrderActor =
      identity.kind === 'station'
        ? { kind: 'station', id: identity.stationId, name: identity.stationName }
        : { kind: 'staff', id: identity.actor.userId, name: identity.actor.name };
    return this.inScope(identity, async () => {
      const orders = this.orders.service();
      if (message.action === 'hand_over') {
        // Its own transaction, committed even when the code is wrong, so the wrong try is counted.
        const outcome = await this.em.transactional(() => orders.handOver(message.orderId, { code: message.code, qr: message.qr }, actor));
        if (!outcome.ok) return refusal(outcome.error.code, outcome.error.message);
        return { ok: true as const, status: outcome.order.status };
      }
      const action = message.action;
      const order = await this.em.transactional(() => orders.act(message.orderId, action, actor));
      return { ok: true as const, status: order.status };
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    this.hub.detach();
    clearInterval(this.heartbeat);
    const sockets = [...this.local.keys()];
    const stationIds = [...new Set(this.local.values())];
    if (sockets.length === 0) return;
    try {
      // This replica is going away with its sockets: record it now, while the database is open.
      const em = systemEntityManager(this.orm);
      await em.execute(`update station set connected = false, connection_id = null, last_seen_at = now() where connection_id = any(?::text[])`, [`{${sockets.join(',')}}`]);
      await em.execute(`update printer set online = false, offline_since = coalesce(offline_since, now()) where station_id = any(?::uuid[])`, [uuidArray(stationIds)]);
    } catch (error) {
      this.logger.warn(`Could not record the stations of this replica as gone: ${String(error)}`);
    }
  }

  /** Keeps `last_seen_at` of this replica's stations fresh; the watcher treats silence as gone. */
  private async beat(): Promise<void> {
    const stationIds = [...new Set(this.local.values())];
    if (this.closing || stationIds.length === 0) return;
    try {
      const em = systemEntityManager(this.orm);
      await em.execute(`update station set last_seen_at = now() where id = any(?::uuid[]) and connected`, [uuidArray(stationIds)]);
      await em.execute(`update printer set last_seen_at = now() where station_id = any(?::uuid[]) and online`, [uuidArray(stationIds)]);
    } catch (error) {
      this.logger.warn(`Station heartbeat failed: ${String(error)}`);
    }
  }

  /** Printers the station reported offline before its resume (kept with the socket). */
  private reportedOffline(socket: Socket): Set<string> {
    socket.data.offlineBeforeResume ??= new Set<string>();
    return socket.data.offlineBeforeResume as Set<string>;
  }

  private async identify(socket: Socket): Promise<SocketIdentity> {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    if (typeof auth.jwt === 'string') {
      const jwt = auth.jwt;
      const actor = await inSystemContext(this.orm, () => this.staff.actorFor(jwt)).catch((error: unknown) => {
        if (error instanceof KassaError) throw new HandshakeRefused(STAFF_TOKEN_INVALID);
        throw error;
      });
      if (typeof auth.storeId !== 'string' || !canAccessStore(actor, auth.storeId)) throw new HandshakeRefused(STORE_NOT_ALLOWED);
      return { kind: 'board', actor, storeId: auth.storeId };
    }
    const station = await inSystemContext(this.orm, () => this.stations.byToken(auth.token));
    if (!station) throw new HandshakeRefused(STATION_TOKEN_INVALID);
    const store = await inSystemContext(this.orm, () => this.stores.get(station.storeId));
    return { kind: 'station', stationId: station.id, stationName: station.name, storeId: station.storeId, organisationId: store.organisationId };
  }

  private async asStation<T extends object>(socket: Socket, work: (station: Extract<SocketIdentity, { kind: 'station' }>) => Promise<T | Refusal>): Promise<T | Refusal> {
    const identity = socket.data.identity as SocketIdentity | undefined;
    if (identity?.kind !== 'station') return refusal('FORBIDDEN', 'Only a station may send this');
    return this.inScope(identity, () => work(identity));
  }

  /** Runs `work` with every query narrowed to the socket's store; domain errors become refusals. */
  private async inScope<T extends object>(identity: SocketIdentity, work: () => Promise<T | Refusal>): Promise<T | Refusal> {
    const em = this.orm.em.fork() as EntityManager;
    applyTenancy(
      em,
      identity.kind === 'station'
        ? { organisationId: identity.organisationId, storeIds: [identity.storeId] }
        : { organisationId: identity.actor.organisationId, storeIds: [identity.storeId] },
    );
    try {
      return await TransactionContext.create(em, () => RequestContext.create(em, work));
    } catch (error) {
      if (error instanceof KassaError) return refusal(error.code, error.message);
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      return refusal('INTERNAL_ERROR', 'Something went wrong on our side');
    }
  }
}

class HandshakeRefused extends Error {}
