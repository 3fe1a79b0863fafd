import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { applyTenancy, domainEvent, STORE_SCOPE_FILTER, UNSCOPED } from '@kassa/shared';
import { DeliveryContext, EventPublisher, OutboxConsumers, OutboxMessage, OutboxStatus, PermanentDeliveryError } from '@kassa/platform';
import { STORE_UPDATED } from '@kassa/stores';
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

describe('transactional outbox', () => {
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let em: EntityManager;
  const received: Array<{ payload: object; context: DeliveryContext }> = [];
  const phoneChanges: object[] = [];
  let failuresLeft = 0;
  let failPermanently = false;

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_OUTBOX_RETRY_BASE_MS: '20', KASSA_OUTBOX_MAX_ATTEMPTS: '3' });
    kassa.app.get(OutboxConsumers).register({
      name: 'test.store-updated',
      eventType: STORE_UPDATED,
      handle: async (event, context) => {
        if (failPermanently) throw new PermanentDeliveryError('address rejected');
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('provider unavailable');
        }
        received.push({ payload: event.payload, context });
      },
    });
    // Wants only events that change the phone: the rest get no row for it.
    kassa.app.get(OutboxConsumers).register<{ changed: string[] }>({
      name: 'test.store-phone-changed',
      eventType: STORE_UPDATED,
      wants: (payload) => payload.changed.includes('phone'),
      handle: async (event) => void phoneChanges.push(event.payload),
    });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    em = kassa.app.get(MikroORM).em.fork() as EntityManager;
    applyTenancy(em, 'unscoped');
  });
  afterAll(() => kassa.close());
  beforeEach(() => {
    received.length = 0;
    failuresLeft = 0;
    failPermanently = false;
    phoneChanges.length = 0;
  });

  const rename = (name: string) =>
    kassa.http.put(`/api/v1/admin/stores/${storeId}`).set('Authorization', owner).send({ name }).expect(200);

  it('delivers an event after its transaction commits, once', async () => {
    await rename('Kafé Åtta');
    await eventually(async () => received.length, (n) => n > 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([
      { payload: { storeId, changed: ['name'] }, context: { messageId: expect.any(String), attempt: 1 } },
    ]);
  });

  it('writes no row for a consumer that does not want the event', async () => {
    const publisher = kassa.app.get(EventPublisher);
    const ids = await em.transactional(async (tx) => {
      publisher.publish(domainEvent(STORE_UPDATED, { storeId, changed: ['name'] }, storeId));
      publisher.publish(domainEvent(STORE_UPDATED, { storeId, changed: ['name', 'phone'] }, storeId));
      await tx.flush();
      return tx.getUnitOfWork().getIdentityMap().values().filter((e) => e instanceof OutboxMessage).map((e) => e as OutboxMessage);
    });
    expect(ids.map((m) => [m.consumer, (m.payload as { changed: string[] }).changed.join('+')]).sort()).toEqual([
      ['test.store-phone-changed', 'name+phone'],
      ['test.store-updated', 'name'],
      ['test.store-updated', 'name+phone'],
    ]);
    await eventually(async () => phoneChanges.length + received.length, (n) => n >= 3);
    expect(phoneChanges).toEqual([{ storeId, changed: ['name', 'phone'] }]);
  });

  it('marks a burst of deliveries done, each once', async () => {
    const publisher = kassa.app.get(EventPublisher);
    await em.transactional(async () => {
      for (let i = 0; i < 40; i++) publisher.publish(domainEvent(STORE_UPDATED, { storeId, changed: [`burst-${i}`] }, storeId));
    });
    await eventually(async () => received.length, (n) => n >= 40);
    const ids = received.map((r) => r.context.messageId);
    const rows = await eventually(
      () => em.fork().find(OutboxMessage, { id: { $in: ids } }, { filters: { [STORE_SCOPE_FILTER]: UNSCOPED } }),
      (found) => found.every((m) => m.status === OutboxStatus.DONE),
    );
    expect(rows).toHaveLength(40);
    expect(rows.every((m) => m.status === OutboxStatus.DONE && m.processedAt !== null && m.lockedUntil === null && m.attempts === 1)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(new Set(ids).size).toBe(40);
    expect(received).toHaveLength(40);
  });

  it('publishes nothing when the transaction rolls back', async () => {
    const before = await em.count(OutboxMessage, {});
    await expect(
      em.transactional(async () => {
        kassa.app.get(EventPublisher).publish(domainEvent(STORE_UPDATED, { storeId, changed: ['name'] }, storeId));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await em.count(OutboxMessage, {})).toBe(before);
  });

  it('retries a failing consumer with backoff and delivers with the same message id', async () => {
    failuresLeft = 2;
    await rename('Kafé Nio');
    await eventually(async () => received.length, (n) => n > 0);
    expect(received).toHaveLength(1);
    expect(received[0].context.attempt).toBe(3);
    // The consumer has run; the row is marked done just after it returns.
    const row = await eventually(
      () => em.fork().findOneOrFail(OutboxMessage, received[0].context.messageId, { filters: { [STORE_SCOPE_FILTER]: UNSCOPED } }),
      (message) => message.status !== OutboxStatus.PROCESSING,
    );
    expect(row).toMatchObject({ status: OutboxStatus.DONE, attempts: 3, lastError: 'provider unavailable' });
  });

  it('dead-letters after the last attempt, shows it to admins, and delivers it on retry', async () => {
    failuresLeft = 3;
    await rename('Kafé Tio');
    const dead = await eventually(
      () => kassa.http.get('/api/v1/admin/outbox-messages').query({ filter: JSON.stringify({ status: 'dead' }) }).set('Authorization', owner),
      (r) => r.body.length > 0,
    );
    expect(dead.headers['content-range']).toBe('outbox-messages 0-0/1');
    expect(dead.body[0]).toMatchObject({ consumer: 'test.store-updated', status: 'dead', attempts: 3, lastError: 'provider unavailable', storeId });
    expect(received).toHaveLength(0);

    await kassa.http.post(`/api/v1/admin/outbox-messages/${dead.body[0].id}/retry`).set('Authorization', owner).expect(200);
    await eventually(async () => received.length, (n) => n > 0);
    expect(received[0].context).toEqual({ messageId: dead.body[0].id, attempt: 1 });
    const again = await kassa.http.post(`/api/v1/admin/outbox-messages/${dead.body[0].id}/retry`).set('Authorization', owner);
    expect(again.status).toBe(409);
  });

  it('does not retry a permanent failure', async () => {
    failPermanently = true;
    await rename('Kafé Elva');
    const rows = await eventually(
      () => em.fork().find(OutboxMessage, { status: OutboxStatus.DEAD, lastError: 'address rejected' }, { filters: { [STORE_SCOPE_FILTER]: UNSCOPED } }),
      (r) => r.length > 0,
    );
    expect(rows[0].attempts).toBe(1);
  });

  it('re-delivers a message whose worker died mid-delivery once its lease runs out', async () => {
    const orphan = em.create(OutboxMessage, {
      eventType: STORE_UPDATED,
      consumer: 'test.store-updated',
      payload: { storeId, changed: ['orphaned'] },
      storeId,
      status: OutboxStatus.PROCESSING,
      attempts: 1,
      lockedUntil: new Date(Date.now() - 1000),
      availableAt: new Date(),
      createdAt: new Date(),
    });
    await em.flush();
    await eventually(async () => received.length, (n) => n > 0);
    expect(received[0]).toEqual({ payload: { storeId, changed: ['orphaned'] }, context: { messageId: orphan.id, attempt: 2 } });
  });
});
