import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { applyTenancy, domainEvent, STORE_SCOPE_FILTER, UNSCOPED } from '@kassa/shared';
import { EventPublisher, OUTBOX_MESSAGE_DEAD, OutboxConsumers, OutboxMessage, OutboxMessageDeadPayload, OutboxStatus, PermanentDeliveryError } from '@kassa/platform';
import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A message that goes to the dead-letter state announces it (staff alerts listen), once, and never about itself. */
describe('outbox dead-letter hook', () => {
  let kassa: TestApp;
  let storeId: string;
  let em: EntityManager;
  const announced: OutboxMessageDeadPayload[] = [];
  let failAnnouncements = false;

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_OUTBOX_RETRY_BASE_MS: '20', KASSA_OUTBOX_MAX_ATTEMPTS: '2' });
    const consumers = kassa.app.get(OutboxConsumers);
    consumers.register({
      name: 'test.doomed',
      eventType: 'Doomed',
      handle: async (event) => {
        if ((event.payload as { permanent?: boolean }).permanent) throw new PermanentDeliveryError('number does not exist');
        throw new Error('provider down');
      },
    });
    consumers.register<OutboxMessageDeadPayload>({
      name: 'test.dead-letters',
      eventType: OUTBOX_MESSAGE_DEAD,
      handle: async (event) => {
        if (failAnnouncements) throw new PermanentDeliveryError('alerting is broken too');
        announced.push(event.payload);
      },
    });
    storeId = await demoStoreId(kassa.http);
    em = kassa.app.get(MikroORM).em.fork() as EntityManager;
    applyTenancy(em, 'unscoped');
  });
  afterAll(() => kassa.close());
  beforeEach(() => {
    announced.length = 0;
    failAnnouncements = false;
  });

  const publish = (payload: object) => em.fork().transactional(async () => kassa.app.get(EventPublisher).publish(domainEvent('Doomed', payload, storeId)));
  const rows = (where: object) => em.fork().find(OutboxMessage, where, { filters: { [STORE_SCOPE_FILTER]: UNSCOPED } });

  it('publishes OutboxMessageDead when retries run out, with the message, its consumer and the error', async () => {
    await publish({ n: 1 });
    await eventually(async () => announced.length, (n) => n > 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [dead] = await rows({ consumer: 'test.doomed', status: OutboxStatus.DEAD });
    expect(announced).toEqual([
      { messageId: dead.id, eventType: 'Doomed', consumer: 'test.doomed', storeId, attempts: 2, lastError: 'provider down', at: expect.any(String) },
    ]);
  });

  it('publishes it at once for a permanent failure', async () => {
    await publish({ permanent: true });
    await eventually(async () => announced.length, (n) => n > 0);
    expect(announced).toMatchObject([{ consumer: 'test.doomed', attempts: 1, lastError: 'number does not exist' }]);
  });

  it('does not announce a dead announcement, so alerts cannot loop', async () => {
    failAnnouncements = true;
    const before = (await rows({ eventType: OUTBOX_MESSAGE_DEAD })).length;
    await publish({ permanent: true });
    const deadAnnouncements = await eventually(
      () => rows({ eventType: OUTBOX_MESSAGE_DEAD, consumer: 'test.dead-letters', status: OutboxStatus.DEAD }),
      (r) => r.length > 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(deadAnnouncements).toHaveLength(1);
    // One announcement per listener of the first death (ours, and the app's staff alerts), none about the dead announcement.
    const listeners = kassa.app.get(OutboxConsumers).forEvent(OUTBOX_MESSAGE_DEAD).length;
    expect((await rows({ eventType: OUTBOX_MESSAGE_DEAD })).length - before).toBe(listeners);
    expect(announced).toEqual([]);
  });
});
