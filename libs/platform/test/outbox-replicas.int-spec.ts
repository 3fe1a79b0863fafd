import { applyTenancy, domainEvent } from '@kassa/shared';
import { EventPublisher, OutboxConsumers } from '@kassa/platform';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { createTestDatabase, realDatabaseUrl, TestDatabase } from '../../../test/support/test-database';

const EVENTS = 200;

/**
 * Two replicas dispatch from one PostgreSQL database at the same time (through BullMQ when
 * Redis is configured): every message is delivered exactly once. Only meaningful on a real
 * server, where the replicas really race; the embedded database serves a single process.
 */
(realDatabaseUrl ? describe : describe.skip)('outbox with two replicas on one database', () => {
  let database: TestDatabase;
  const replicas: TestApp[] = [];
  const deliveries = new Map<string, number>();

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      const replica = await startTestApp({ KASSA_OUTBOX_POLL_MS: '20' }, database);
      replica.app.get(OutboxConsumers).register({
        name: 'test.tick',
        eventType: 'Ticked',
        handle: async (_event, context) => {
          deliveries.set(context.messageId, (deliveries.get(context.messageId) ?? 0) + 1);
        },
      });
      replicas.push(replica);
    }
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await database.drop();
  });

  it('delivers each of 200 events exactly once', async () => {
    // Published from both replicas in parallel transactions.
    await Promise.all(
      Array.from({ length: EVENTS }, async (_, i) => {
        const replica = replicas[i % 2];
        const em = replica.app.get(MikroORM).em.fork() as EntityManager;
        applyTenancy(em, 'unscoped');
        await em.transactional(async () => replica.app.get(EventPublisher).publish(domainEvent('Ticked', { i })));
      }),
    );
    const deadline = Date.now() + 30_000;
    while (deliveries.size < EVENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));
    expect(deliveries.size).toBe(EVENTS);
    expect([...deliveries.values()].filter((n) => n !== 1)).toEqual([]);
  });
});
