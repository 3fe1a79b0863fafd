import { connect } from 'node:net';
import type { PrinterOutput } from './printer-output';

export const DEFAULT_PRINTER_PORT = 9100;
export const TCP_TIMEOUT_MS = 10_000;

/** `host`, `host:port`, `[v6]` or `[v6]:port`; the port defaults to 9100 (raw printing). */
export function parseTcpAddress(address: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(address.trim());
  if (!match) throw new Error(`"${address}" is not host:port`);
  const port = match[3] === undefined ? DEFAULT_PRINTER_PORT : Number(match[3]);
  if (port < 1 || port > 65535) throw new Error(`"${address}" has no valid port`);
  return { host: match[1] ?? match[2] ?? '', port };
}

/**
 * Raw TCP printing (JetDirect / port 9100): one connection per job. Connect, write every byte,
 * half-close, and wait for the printer to close its side — that is the printer having taken
 * the job. A job the printer may not have taken (refused, reset, timed out before our side was
 * flushed) rejects and is retried by the queue.
 */
export class TcpOutput implements PrinterOutput {
  readonly description: string;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly timeoutMs = TCP_TIMEOUT_MS,
  ) {
    this.description = `tcp ${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  write(bytes: Buffer): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port });
      let flushed = false;
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        if (error) reject(error);
        else resolve();
      };
      // Every byte flushed and our FIN sent, but the printer never closed: it has the data (a
      // retry would print it twice), so this counts as taken.
      const timer = setTimeout(
        () => settle(flushed ? undefined : new Error(`printer did not take the job within ${this.timeoutMs / 1000} s`)),
        this.timeoutMs,
      );
      socket.setNoDelay(true);
      socket.on('connect', () => socket.end(bytes));
      socket.on('finish', () => (flushed = true));
      // Printers may answer with status bytes; read and drop them so the close arrives.
      socket.resume();
      socket.on('error', (error: NodeJS.ErrnoException) => settle(new Error(error.code ? `${error.code} ${error.message}` : error.message)));
      socket.on('close', (hadError) => settle(hadError || !flushed ? new Error('printer closed the connection before taking the job') : undefined));
    });
  }
}
