import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import { createRedis } from '../redis/redis';

/**
 * Socket.IO with, when Redis is configured, the Redis adapter: an event emitted on one replica
 * reaches a station connected to any other. Without Redis, rooms live in memory.
 */
export class KassaIoAdapter extends IoAdapter {
  private readonly connections: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl?: string,
    private readonly prefix = 'kassa',
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.redisUrl) {
      const pub = createRedis(this.redisUrl);
      const sub = pub.duplicate();
      this.connections.push(pub, sub);
      server.adapter(createAdapter(pub, sub, { key: `${this.prefix}:socket.io` }));
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    // QUIT runs after the adapter's pending UNSUBSCRIBEs; disconnect() would reject them ("Connection is closed").
    await Promise.all(this.connections.splice(0).map((connection) => connection.quit().catch(() => connection.disconnect())));
  }
}
