import { createServer, type Server, type Socket } from 'node:net';

export interface PrintedJob {
  bytes: Buffer;
  at: number;
}

/**
 * A network printer on 127.0.0.1: one raw TCP connection per job. A connection's bytes count
 * as printed when the client half-closes it (what a real printer acts on); a connection cut
 * before that prints nothing. `kill()` stops listening until `revive()` listens again on the
 * same port.
 */
export class FakePrinter {
  readonly printed: PrintedJob[] = [];
  /** how long the printer takes before closing a finished connection */
  closeDelayMs = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  private constructor(public port: number) {}

  static async start(port = 0): Promise<FakePrinter> {
    const printer = new FakePrinter(port);
    await printer.revive();
    return printer;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** The printed jobs as text (latin1, byte for byte). */
  texts(): string[] {
    return this.printed.map((job) => job.bytes.toString('latin1'));
  }

  async revive(): Promise<void> {
    const server = createServer({ allowHalfOpen: true }, (socket) => {
      this.sockets.add(socket);
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('end', () => {
        this.printed.push({ bytes: Buffer.concat(chunks), at: Date.now() });
        if (this.closeDelayMs > 0) setTimeout(() => socket.end(), this.closeDelayMs);
        else socket.end();
      });
      socket.on('error', () => undefined);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /**
   * Switches the printer off between two jobs: a connection cut while bytes are on the wire
   * may or may not have printed, which no client can know (the TCP output's unit tests cover
   * that case); here every job either came out or was refused.
   */
  async kill(): Promise<void> {
    const deadline = Date.now() + 2000;
    while (this.sockets.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
