import { createServer as createHttpServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * What every local provider stand-in shares: a server on a free loopback port, failures set per
 * path prefix until healed, and answers held open ("timeout") until the server closes.
 */
export abstract class FakeProviderServer<Failure extends string> {
  url = '';
  private readonly failures = new Map<string, Failure>();
  private readonly hanging = new Set<ServerResponse>();
  private server: Server | null = null;

  async start(): Promise<void> {
    this.server = this.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `${this.protocol}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Calls to paths starting with `pathPrefix` misbehave this way until `heal`. */
  fail(pathPrefix: string, failure: Failure): void {
    this.failures.set(pathPrefix, failure);
  }

  heal(): void {
    this.failures.clear();
  }

  protected get protocol(): 'http' | 'https' {
    return 'http';
  }

  /** Plain HTTP; a provider spoken to over TLS brings its own server. */
  protected createServer(handler: Handler): Server {
    return createHttpServer(handler);
  }

  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>;

  protected failureFor(path: string): Failure | undefined {
    return [...this.failures.entries()].find(([prefix]) => path.startsWith(prefix))?.[1];
  }

  /** Never answers (until the server closes): the caller's timeout is what is tested. */
  protected hang(res: ServerResponse): void {
    this.hanging.add(res);
  }
}
