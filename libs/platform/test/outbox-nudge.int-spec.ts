import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { applyTenancy, domainEvent } from '@kassa/shared';
import { EventPublisher, OutboxConsumers, OutboxDispatcher, OutboxMessage } from '@kassa/platform';
import { STORE_UPDATED } from '@kassa/stores';
import { startTestApp, TestApp } from '../../../test/support/test-app';

/**
 * Rows a commit wrote are delivered right after it — those this process published straight away
 * (claimed as they were written), others after a claim — and otherwise the dispatcher waits for
 * its poll. With the poll a minute away, anything delivered within seconds was started by a commit.
 */
describe('outbox dispatcher nudges', () => {
  let kassa: TestApp;
  let em: EntityManager;
  const received: string[] = [];

  beforeAll(async () => {
    kassa = await startTestApp({ KASSA_OUTBOX_POLL_MS: '60000' });
    kassa.app.get(OutboxConsumers).register({
      name: 'test.nudged',
      eventType: STORE_UPDATED,
      handle: async (event) => {
        received.push((event.payload as { marker: string }).marker);
      },
    });
    em = kassa.app.get(MikroORM).em.fork() as EntityManager;
    applyTenancy(em, 'unscoped');
  });
  afterAll(() => kassa.close());

  const event = (marker: string) => domainEvent(STORE_UPDATED, { marker }, undefined);
  const publisher = () => kassa.app.get(EventPublisher);
  const arrived = async (marker: string) => {
    const deadline = Date.now() + 5_000;
    while (!received.includes(marker) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return received.includes(marker);
  };

  it('delivers after the commit of a transaction that published', async () => {
    await em.transactional(async (tx) => {
      await tx.execute('select 1');
      publisher().publish(event('top-level'));
    });
    expect(await arrived('top-level')).toBe(true);
  });

  it('delivers after the root commit when the event was published inside a savepoint', async () => {
    await em.transactional(async (outer) => {
      await outer.execute('select 1');
      await outer.transactional(async () => publisher().publish(event('savepoint')));
      await outer.execute('select 1');
    });
    expect(await arrived('savepoint')).toBe(true);
  });

  it('claims after a flush that ran in a transaction of its own', async () => {
    const fork = em.fork();
    fork.persist(Object.assign(new OutboxMessage(), { eventType: STORE_UPDATED, consumer: 'test.nudged', payload: { marker: 'flush' } }));
    await fork.flush();
    expect(await arrived('flush')).toBe(true);
  });

  it('hands what a transaction published to its consumer at commit, without a claim', async () => {
    const nudge = jest.spyOn(kassa.app.get(OutboxDispatcher), 'nudge');
    try {
      await em.transactional(async () => publisher().publish(event('born-claimed')));
      expect(await arrived('born-claimed')).toBe(true);
      expect(nudge).not.toHaveBeenCalled();
    } finally {
      nudge.mockRestore();
    }
    const deadline = Date.now() + 5_000;
    let row: OutboxMessage | null = null;
    while (Date.now() < deadline && row?.status !== 'done') {
      row = await em.fork().findOne(OutboxMessage, { consumer: 'test.nudged', payload: { marker: 'born-claimed' } }, { filters: false });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(row).toMatchObject({ status: 'done', attempts: 1, lockedUntil: null });
  });

  it('delivers nothing of a savepoint that rolled back, though its root committed', async () => {
    await em.transactional(async (outer) => {
      await outer.execute('select 1');
      await outer
        .transactional(async (inner) => {
          publisher().publish(event('undone'));
          await inner.flush();
          throw new Error('the inner change failed');
        })
        .catch(() => undefined);
      publisher().publish(event('kept'));
    });
    expect(await arrived('kept')).toBe(true);
    expect(await arrived('undone')).toBe(false);
    const rows = await em.fork().find(OutboxMessage, { consumer: 'test.nudged', payload: { marker: 'undone' } }, { filters: false });
    expect(rows).toEqual([]);
  }, 10_000);

  it('does not claim after commits that wrote no outbox rows', async () => {
    const dispatcher = kassa.app.get(OutboxDispatcher);
    const nudge = jest.spyOn(dispatcher, 'nudge');
    try {
      await em.transactional(async (tx) => tx.execute('select 1'));
      await em.transactional(async (tx) => tx.execute("update outbox_message set last_error = last_error where consumer = 'test.nudged'"));
      expect(nudge).not.toHaveBeenCalled();
    } finally {
      nudge.mockRestore();
    }
  });

  it('does not claim when the transaction that published rolled back', async () => {
    const nudge = jest.spyOn(kassa.app.get(OutboxDispatcher), 'nudge');
    try {
      await expect(
        em.transactional(async (tx) => {
          publisher().publish(event('rolled-back'));
          await tx.flush();
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(nudge).not.toHaveBeenCalled();
      expect(await arrived('rolled-back')).toBe(false);
    } finally {
      nudge.mockRestore();
    }
  }, 10_000);
});
