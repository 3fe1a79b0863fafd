import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type { AgentConfig } from './agent-config';
import { backoffDelay } from './backoff';
import type { Logger } from './logger';
import { createOutput } from './outputs/create-output';
import type { PrinterOutput } from './outputs/printer-output';
import { PrintedJobs } from './printed-jobs';
import { PrinterQueue } from './printer-queue';
import {
  parseJob,
  parseWelcome,
  STATIONS_NAMESPACE,
  TOKEN_INVALID,
  isRefusal,
  type AckMessage,
  type PrinterStatusMessage,
  type ResumeMessage,
  type WelcomeMessage,
} from './protocol';
import { lockStateDir } from './state-lock';

export interface StationAgentOptions extends Omit<AgentConfig, 'verbose'> {
  log: Logger;
  /** Reconnect backoff, and the slow retry while the server refuses the token. */
  reconnect?: { minMs: number; maxMs: number; refusedMs: number };
  /** Backoff between attempts to print on a failing printer. */
  printRetry?: { minMs: number; maxMs: number };
  /** How long the server has to confirm an `ack` or answer `resume`. */
  replyTimeoutMs?: number;
}

const DEFAULT_RECONNECT = { minMs: 500, maxMs: 30_000, refusedMs: 60_000 };
/** A connection that lasted this long starts the backoff afresh when it drops. */
const STABLE_CONNECTION_MS = 10_000;
const WELCOME_TIMEOUT_MS = 15_000;
const STOP_ACK_GRACE_MS = 3000;
const ACK_RETRY_MS = 5000;
/** Refusals that will not change on a retry: the ack is dropped (the server has no such job). */
const PERMANENT_REFUSALS = new Set(['PRINT_JOB_NOT_FOUND', 'VALIDATION_FAILED', 'FORBIDDEN']);

/**
 * The station's side of the `/stations` namespace: keeps one connection to the server alive,
 * feeds each announced printer's queue, and gets every acknowledgement confirmed — resending
 * unconfirmed ones after a reconnect, together with a `resume` that tells the server the last
 * sequence printed per printer so it replays the rest.
 */
export class StationAgent {
  private readonly socket: Socket;
  private readonly queues = new Map<string, PrinterQueue>();
  private readonly unconfirmedAcks = new Map<string, AckMessage>();
  private readonly statuses = new Map<string, PrinterStatusMessage>();
  private readonly unsentStatuses = new Set<string>();
  private readonly reconnect: { minMs: number; maxMs: number; refusedMs: number };
  private readonly replyTimeoutMs: number;
  private welcome: WelcomeMessage | undefined;
  /** welcomed on the current connection: acks and statuses may go out */
  private ready = false;
  private attempt = 0;
  private connectedAt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private welcomeTimer: NodeJS.Timeout | undefined;
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly options: StationAgentOptions,
    private readonly printed: PrintedJobs,
    private readonly unlock: () => void,
  ) {
    this.reconnect = options.reconnect ?? DEFAULT_RECONNECT;
    this.replyTimeoutMs = options.replyTimeoutMs ?? 10_000;
    // Reconnection is ours (backoff with jitter, slow retry on a refused token), not the client's.
    // WebSocket only: no long-polling session to keep on one replica, and real error causes.
    this.socket = io(`${options.server}${STATIONS_NAMESPACE}`, { auth: { token: options.token }, transports: ['websocket'], reconnection: false, autoConnect: false });
    this.socket.on('connect', () => this.onConnect());
    this.socket.on('connect_error', (error: Error & { data?: { code?: string } }) => this.onConnectError(error));
    this.socket.on('disconnect', (reason: string) => this.onDisconnect(reason));
    this.socket.on('welcome', (message: unknown) => this.onWelcome(message));
    this.socket.on('job', (message: unknown, reply?: unknown) => {
      this.onJob(message);
      if (typeof reply === 'function') reply({ ok: true });
    });
    this.socket.on('order', (order: unknown) => options.log.debug('order event', summarize(order, ['type', 'orderId', 'orderNumber', 'status'])));
    this.socket.on('printer-status', (status: unknown) => options.log.debug('printer status event', summarize(status, ['printerId', 'online', 'error'])));
  }

  /** Opens the state directory (refusing one another agent holds) and starts connecting. */
  static async start(options: StationAgentOptions): Promise<StationAgent> {
    await mkdir(options.stateDir, { recursive: true });
    const unlock = lockStateDir(options.stateDir);
    let printed: PrintedJobs;
    try {
      printed = await PrintedJobs.open(options.stateDir);
    } catch (error) {
      unlock();
      throw error;
    }
    const last = printed.lastSequences();
    options.log.info('state loaded', { stateDir: options.stateDir, printers: Object.keys(last).length, skippedLines: printed.skippedLines || undefined });
    for (const [printerId, sequence] of Object.entries(last)) options.log.debug('last printed', { printerId, seq: sequence });
    const agent = new StationAgent(options, printed, unlock);
    options.log.info('connecting', { server: options.server });
    agent.socket.connect();
    return agent;
  }

  /** Finishes the job in flight on every printer, gives the last acks a moment, disconnects. */
  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.welcomeTimer);
    await Promise.all([...this.queues.values()].map((queue) => queue.stop()));
    const deadline = Date.now() + STOP_ACK_GRACE_MS;
    while (this.unconfirmedAcks.size > 0 && this.ready && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    this.socket.disconnect();
    await this.printed.close();
    this.unlock();
    // Unconfirmed acks are safe: the ids are on disk, so the resent jobs are only acknowledged.
    this.options.log.info('stopped', { unconfirmedAcks: this.unconfirmedAcks.size || undefined });
  }

  private onConnect(): void {
    this.connectedAt = Date.now();
    this.options.log.info('connected, waiting for welcome', { socket: this.socket.id });
    clearTimeout(this.welcomeTimer);
    this.welcomeTimer = setTimeout(() => {
      this.options.log.warn('no welcome from the server, reconnecting', { waitedMs: WELCOME_TIMEOUT_MS });
      this.socket.disconnect();
      this.scheduleReconnect(this.nextBackoff());
    }, WELCOME_TIMEOUT_MS);
  }

  private onConnectError(error: Error & { data?: { code?: string } }): void {
    if (this.stopping) return;
    if (error.message === TOKEN_INVALID || error.data?.code === TOKEN_INVALID) {
      this.options.log.error('the server refused the station token (wrong, revoked or rotated); issue a new one in the admin', {
        retryInMs: this.reconnect.refusedMs,
      });
      this.scheduleReconnect(this.reconnect.refusedMs);
      return;
    }
    const delay = this.nextBackoff();
    this.options.log.warn('cannot connect to the server', { error: describeConnectError(error), retryInMs: delay });
    this.scheduleReconnect(delay);
  }

  private onDisconnect(reason: string): void {
    this.ready = false;
    clearTimeout(this.welcomeTimer);
    if (this.stopping || reason === 'io client disconnect') return;
    if (Date.now() - this.connectedAt >= STABLE_CONNECTION_MS) this.attempt = 0;
    // A server-side disconnect may be a rotated token: the next handshake says so, and from
    // then on the slow retry applies. A restart or a network cut gets the ordinary backoff.
    const delay = this.nextBackoff();
    this.options.log.warn('disconnected', { reason, unconfirmedAcks: this.unconfirmedAcks.size, retryInMs: delay });
    this.scheduleReconnect(delay);
  }

  private nextBackoff(): number {
    const delay = backoffDelay(this.attempt, this.reconnect.minMs, this.reconnect.maxMs);
    this.attempt += 1;
    return delay;
  }

  private scheduleReconnect(delayMs: number): void {
    if (this.stopping) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      if (this.stopping || this.socket.connected) return;
      this.options.log.debug('reconnecting', { server: this.options.server });
      this.socket.connect();
    }, delayMs);
  }

  private onWelcome(message: unknown): void {
    clearTimeout(this.welcomeTimer);
    const welcome = parseWelcome(message);
    if (typeof welcome === 'string') {
      this.options.log.error('unusable welcome from the server', { error: welcome });
      return;
    }
    this.welcome = welcome;
    const { log, printers: mapped } = this.options;
    log.info('welcome', { station: welcome.stationId, store: welcome.storeName || welcome.storeId, printers: welcome.printers.length });
    for (const printer of welcome.printers) {
      const queue = this.queueFor(printer.id);
      const output = this.outputFor(printer.id);
      queue.configure(printer.name, output);
      log.info('printer', {
        printer: printer.name,
        printerId: printer.id,
        roles: printer.roles.join('+') || undefined,
        output: output?.description ?? 'none (map it under "printers" in the config file, or set "defaultOutput")',
        lastSeq: this.printed.lastSequence(printer.id),
        queued: queue.length || undefined,
      });
    }
    const announced = new Set(welcome.printers.map((p) => p.id));
    for (const printerId of Object.keys(mapped)) if (!announced.has(printerId)) log.warn('configured printer is not one of this station\'s printers', { printerId });

    this.ready = true;
    const resume: ResumeMessage = { printers: {} };
    for (const printerId of new Set([...announced, ...Object.keys(this.printed.lastSequences())])) resume.printers[printerId] = this.printed.lastSequence(printerId);
    this.socket.timeout(this.replyTimeoutMs).emit('resume', resume, (error: Error | null, reply: unknown) => {
      if (error) log.warn('the server did not answer resume', { error: error.message });
      else if (isRefusal(reply)) log.warn('the server refused resume', { code: reply.code, error: reply.message });
      else {
        const { replayed, held } = (typeof reply === 'object' && reply !== null ? reply : {}) as { replayed?: unknown; held?: unknown };
        log.info('resumed', { replayed: typeof replayed === 'number' ? replayed : undefined, held: typeof held === 'number' ? held : undefined });
        if (typeof held === 'number' && held > 0) log.warn('old jobs are held on the server for staff to release (order board)', { held });
      }
      // After the resume, which marks the station's printers online: a printer that is still
      // failing here then reads offline, not the other way round.
      if (!this.ready) return;
      for (const [printerId, status] of this.statuses) {
        if (this.unsentStatuses.has(printerId) || !status.online) this.sendStatus(status);
      }
      this.unsentStatuses.clear();
    });
    for (const ack of this.unconfirmedAcks.values()) this.sendAck(ack);
  }

  private onJob(message: unknown): void {
    const job = parseJob(message);
    if ('error' in job) {
      this.options.log.error('unusable job from the server', { job: job.id, error: job.error });
      if (job.id) this.acknowledge({ jobId: job.id, status: 'failed', error: `invalid job: ${job.error}` });
      return;
    }
    // Once stopping, leave it to the server: it resends what was not acknowledged.
    if (this.stopping) return;
    this.options.log.debug('job received', { job: job.id, printerId: job.printerId, seq: job.sequence });
    this.queueFor(job.printerId).enqueue(job);
  }

  private queueFor(printerId: string): PrinterQueue {
    let queue = this.queues.get(printerId);
    if (!queue) {
      queue = new PrinterQueue({
        printerId,
        printed: this.printed,
        log: this.options.log,
        acknowledge: (ack) => this.acknowledge(ack),
        reportStatus: (status) => this.reportStatus(status),
        retry: this.options.printRetry,
      });
      this.queues.set(printerId, queue);
      // A job for a printer the welcome did not announce (added since): print it all the same.
      if (!this.welcome?.printers.some((p) => p.id === printerId)) queue.configure(printerId, this.outputFor(printerId));
    }
    return queue;
  }

  private outputFor(printerId: string): PrinterOutput | undefined {
    const own = this.options.printers[printerId];
    if (own) return createOutput(own);
    const fallback = this.options.defaultOutput;
    if (!fallback) return undefined;
    // One sub-folder per printer: sequences are per printer, so file names could clash.
    if ('folder' in fallback) return createOutput({ folder: join(fallback.folder, printerId.replace(/[^A-Za-z0-9_-]/g, '_')) });
    return createOutput(fallback);
  }

  private acknowledge(ack: AckMessage): void {
    this.unconfirmedAcks.set(ack.jobId, ack);
    if (this.ready) this.sendAck(ack);
  }

  private sendAck(ack: AckMessage): void {
    const { log } = this.options;
    this.socket.timeout(this.replyTimeoutMs).emit('ack', ack, (error: Error | null, reply: unknown) => {
      if (this.unconfirmedAcks.get(ack.jobId) !== ack) return;
      if (error) {
        log.warn('ack not confirmed, will resend', { job: ack.jobId, status: ack.status, error: error.message });
        if (this.ready) this.sendAck(ack);
        return;
      }
      if (isRefusal(reply) && !PERMANENT_REFUSALS.has(reply.code)) {
        log.warn('the server could not take an ack, will resend', { job: ack.jobId, status: ack.status, code: reply.code, retryInMs: ACK_RETRY_MS });
        setTimeout(() => {
          if (this.ready && this.unconfirmedAcks.get(ack.jobId) === ack) this.sendAck(ack);
        }, ACK_RETRY_MS).unref();
        return;
      }
      this.unconfirmedAcks.delete(ack.jobId);
      if (isRefusal(reply)) log.warn('the server refused an ack', { job: ack.jobId, status: ack.status, code: reply.code, error: reply.message });
      else log.debug('ack confirmed', { job: ack.jobId, status: ack.status });
    });
  }

  private reportStatus(status: PrinterStatusMessage): void {
    this.statuses.set(status.printerId, status);
    if (this.ready) this.sendStatus(status);
    else this.unsentStatuses.add(status.printerId);
  }

  private sendStatus(status: PrinterStatusMessage): void {
    this.socket.timeout(this.replyTimeoutMs).emit('printer-status', status, (error: Error | null, reply: unknown) => {
      if (error) {
        // Sent again with the next welcome if the connection dropped; otherwise it is only display.
        if (!this.ready) this.unsentStatuses.add(status.printerId);
        this.options.log.debug('printer status not confirmed', { printerId: status.printerId, error: error.message });
      } else if (isRefusal(reply)) {
        this.options.log.warn('the server refused a printer status', { printerId: status.printerId, code: reply.code, error: reply.message });
      }
    });
  }
}

/** Socket.IO says "websocket error"; the cause underneath (ECONNREFUSED, …) is what helps. */
function describeConnectError(error: Error & { description?: unknown }): string {
  const description = error.description as { error?: unknown; message?: unknown } | undefined;
  const cause = description?.error instanceof Error ? description.error : description instanceof Error ? description : undefined;
  if (cause) return `${error.message}: ${cause.message}`;
  if (typeof description?.message === 'string' && description.message) return `${error.message}: ${description.message}`;
  return error.message;
}

function summarize(value: unknown, keys: string[]): Record<string, string | number | boolean | undefined> {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, ['string', 'number', 'boolean'].includes(typeof record[key]) ? (record[key] as string | number | boolean) : undefined]));
}
