import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PostgreSQL in-process: PGlite behind its wire-protocol socket on a loopback port, so the
 * ordinary PostgreSQL driver (and every query we write) is the same as in production.
 */
export class EmbeddedPostgres {
  private static readonly logger = new Logger('EmbeddedPostgres');

  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  static async start(dataDir: string, maxConnections: number): Promise<EmbeddedPostgres> {
    const inMemory = dataDir.startsWith('memory://');
    const location = inMemory ? 'memory://' : join(dataDir, 'pglite');
    if (!inMemory) mkdirSync(location, { recursive: true });
    const db = await PGlite.create(location);
    // The socket server multiplexes connections onto PGlite's single session and keeps a
    // transaction on its own connection; its default of one connection breaks any pool.
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
    await server.start();
    const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres`;
    EmbeddedPostgres.logger.log(`Embedded PostgreSQL (PGlite) ready, data in ${location}`);
    return new EmbeddedPostgres(db, server, url);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
