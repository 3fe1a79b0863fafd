import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../apps/api/src/bootstrap';
import { parseEnvironment } from '../../apps/api/src/config/environment';
import { buildConfig } from '../../apps/api/src/config/kassa-config';
import { createTestDatabase, TestDatabase } from './test-database';

export const OWNER_EMAIL = 'owner@example.com';
export const OWNER_PASSWORD = 'owner-password-åäö-1';

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly http: TestAgent;
  readonly baseUrl: string;
  /** Signs in and returns an Authorization header value. */
  login(email?: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** Boots the real app (same bootstrap as main.ts) on a fresh database and a loopback port. */
export async function startTestApp(env: Record<string, string> = {}, shared?: TestDatabase): Promise<TestApp> {
  const database: TestDatabase = shared ?? (await createTestDatabase());
  const config = buildConfig(
    parseEnvironment({
      KASSA_ADMIN_EMAIL: OWNER_EMAIL,
      KASSA_ADMIN_PASSWORD: OWNER_PASSWORD,
      KASSA_OUTBOX_POLL_MS: '50',
      // KASSA_TEST_LOG_LEVEL=error shows the app's logs (a 500's stack) while a test is being debugged.
      LOG_LEVEL: process.env.KASSA_TEST_LOG_LEVEL ?? 'silent',
      ...database.env,
      ...env,
    }),
  );
  const { app } = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const http = request(baseUrl);
  return {
    app,
    http,
    baseUrl,
    async login(email = OWNER_EMAIL, password = OWNER_PASSWORD) {
      const response = await http.post('/api/v1/auth/login').send({ email, password });
      if (response.status !== 200) throw new Error(`login ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return `Bearer ${response.body.accessToken as string}`;
    },
    async close() {
      await app.close();
      if (!shared) await database.drop();
    },
  };
}
