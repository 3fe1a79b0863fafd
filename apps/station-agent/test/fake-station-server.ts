import { createServer, type Server as HttpServer } from 'node:http';
import { Server, type Namespace, type Socket } from 'socket.io';
import type { AckMessage, PrinterStatusMessage, ResumeMessage, WelcomePrinter } from '../src/protocol';

export interface FakeJob {
  id: string;
  printerId: string;
  sequence: number;
  text: string;
  status: 'queued' | 'printed' | 'failed';
}

/**
 * The server side of the /stations protocol, as small as it can be and as unkind as the real
 * one may be: it answers a wrong token with STATION_TOKEN_INVALID, replays on resume every job
 * not acknowledged as printed (also those at or below the station's last sequence, whose ack
 * was lost), and can send every live job twice.
 */
export class FakeStationServer {
  readonly jobs: FakeJob[] = [];
  readonly acks: AckMessage[] = [];
  readonly resumes: ResumeMessage[] = [];
  readonly statuses: PrinterStatusMessage[] = [];
  handshakes = 0;
  connections = 0;
  /** send each live job a second time, 60 ms later */
  duplicateLiveJobs = false;
  /** return false to leave an ack unconfirmed (and the job unprinted on the server) */
  onAck: (ack: AckMessage) => boolean = () => true;
  private station: Socket | undefined;
  private resumed = false;
  private readonly sequences = new Map<string, number>();
  private nextId = 0;

  private constructor(
    private readonly http: HttpServer,
    private readonly io: Server,
    readonly url: string,
    private readonly token: string,
    private readonly printers: WelcomePrinter[],
  ) {
    this.setUp(io.of('/stations'));
  }

  static async start(token: string, printers: WelcomePrinter[]): Promise<FakeStationServer> {
    const http = createServer();
    const io = new Server(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as { port: number };
    return new FakeStationServer(http, io, `http://127.0.0.1:${port}`, token, printers);
  }

  /** A new job for a printer; sent at once if the station is connected and has resumed. */
  push(printerId: string): FakeJob {
    const sequence = (this.sequences.get(printerId) ?? 0) + 1;
    this.sequences.set(printerId, sequence);
    this.nextId += 1;
    const id = `job-${String(this.nextId).padStart(4, '0')}`;
    const job: FakeJob = { id, printerId, sequence, text: `JOB ${id} ${printerId} #${sequence} åäö\n`, status: 'queued' };
    this.jobs.push(job);
    const station = this.station;
    if (station && this.resumed) {
      this.send(station, job);
      // The copy comes once the first is likely printed, so only the remembered id stops it.
      if (this.duplicateLiveJobs) setTimeout(() => station.connected && this.send(station, job), 60);
    }
    return job;
  }

  /** Cuts the station off from the server side, as a rotated token or a restart would. */
  disconnectStation(): void {
    this.station?.disconnect(true);
  }

  get connected(): boolean {
    return this.station?.connected ?? false;
  }

  async close(): Promise<void> {
    await new Promise((resolve) => this.io.close(() => resolve(undefined)));
    this.http.closeAllConnections();
  }

  private setUp(stations: Namespace): void {
    stations.use((socket, next) => {
      this.handshakes += 1;
      if (socket.handshake.auth?.token === this.token) next();
      else next(new Error('STATION_TOKEN_INVALID'));
    });
    stations.on('connection', (socket) => {
      this.connections += 1;
      this.station = socket;
      this.resumed = false;
      socket.emit('welcome', { stationId: 'station-1', storeId: 'store-1', storeName: 'Kafé Åkern', printers: this.printers });
      socket.on('resume', (resume: ResumeMessage, reply: (answer: { replayed: number; held: number }) => void) => {
        this.resumes.push(resume);
        const unprinted = this.jobs.filter((job) => job.status !== 'printed').sort((a, b) => a.sequence - b.sequence);
        for (const job of unprinted) this.send(socket, job);
        this.resumed = true;
        reply({ replayed: unprinted.length, held: 0 });
      });
      socket.on('ack', (ack: AckMessage, reply: (answer: { ok: true }) => void) => {
        this.acks.push(ack);
        if (!this.onAck(ack)) return;
        const job = this.jobs.find((j) => j.id === ack.jobId);
        if (job) job.status = ack.status;
        reply({ ok: true });
      });
      socket.on('printer-status', (status: PrinterStatusMessage, reply?: (answer: { ok: true }) => void) => {
        this.statuses.push(status);
        reply?.({ ok: true });
      });
      socket.on('disconnect', () => {
        if (this.station === socket) this.station = undefined;
      });
    });
  }

  private send(socket: Socket, job: FakeJob): void {
    socket.emit('job', {
      id: job.id,
      printerId: job.printerId,
      sequence: job.sequence,
      kind: 'receipt',
      copy: false,
      orderId: `order-${job.id}`,
      orderNumber: job.sequence,
      createdAt: new Date().toISOString(),
      bytes: Buffer.from(job.text, 'latin1').toString('base64'),
    });
  }
}
