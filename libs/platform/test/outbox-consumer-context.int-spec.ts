import { EntityManager } from '@mikro-orm/postgresql';
import { OutboxConsumers, OutboxMessage } from '@kassa/platform';
import { STORE_UPDATED } from '@kassa/stores';
import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';

/**
 * A consumer uses the app's injected EntityManager like any service. Deliveries are started by the
 * commit of some request's transaction; they must not run inside that finished transaction.
 */
describe('outbox consumers and the ORM context', () => {
  let kassa: TestApp;
  const outcomes: string[] = [];

  beforeAll(async () => {
    kassa = await startTestApp();
    const em = kassa.app.get(EntityManager);
    kassa.app.get(OutboxConsumers).register({
      name: 'test.reads-with-injected-em',
      eventType: STORE_UPDATED,
      handle: async () => {
        try {
          await em.count(OutboxMessage, {});
          await em.transactional(async (tx) => tx.count(OutboxMessage, {}));
          outcomes.push('ok');
        } catch (error) {
          outcomes.push(error instanceof Error ? error.message : String(error));
        }
      },
    });
  });
  afterAll(() => kassa.close());

  it('gives the consumer a fresh context, not the transaction whose commit woke the dispatcher', async () => {
    const owner = await kassa.login();
    const storeId = await demoStoreId(kassa.http);
    for (const name of ['Kafé Ett', 'Kafé Två']) {
      await kassa.http.put(`/api/v1/admin/stores/${storeId}`).set('Authorization', owner).send({ name }).expect(200);
    }
    const deadline = Date.now() + 10_000;
    while (outcomes.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(outcomes).toEqual(['ok', 'ok']);
  });
});
