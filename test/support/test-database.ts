import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Where tests keep data. `npm test` uses an in-memory PGlite per test file; with
 * KASSA_TEST_DATABASE_URL (CI's second run) each file gets a fresh database on that server.
 */
export interface TestDatabase {
  readonly env: Record<string, string>;
  drop(): Promise<void>;
}

export const realDatabaseUrl = process.env.KASSA_TEST_DATABASE_URL;
export const realRedisUrl = process.env.KASSA_TEST_REDIS_URL;

export async function createTestDatabase(dataDir = 'memory://'): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  const redis: Record<string, string> = realRedisUrl
    ? { REDIS_URL: realRedisUrl, KASSA_QUEUE_PREFIX: `kassa-test-${suffix}` }
    : {};
  if (!realDatabaseUrl) {
    return { env: { KASSA_DATA_DIR: dataDir, ...redis }, drop: async () => undefined };
  }
  const name = `kassa_test_${suffix}`;
  const admin = new Client({ connectionString: realDatabaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(realDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), JWT_SECRET: randomBytes(32).toString('hex'), KASSA_DATA_DIR: dataDir, ...redis },
    drop: async () => {
      const client = new Client({ connectionString: realDatabaseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
