import IORedis, { Redis } from 'ioredis';

/** BullMQ needs `maxRetriesPerRequest: null` on connections its workers block on. */
export function createRedis(url: string): Redis {
  return new IORedis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
}
