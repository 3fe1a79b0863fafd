import { MikroORM, RequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { OutboxConsumers, OutboxMessage, OutboxStatus } from '@kassa/platform';
import { applyTenancy } from '@kassa/shared';
import { NotificationSender } from '@kassa/notifications';
import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { DeliveryReceipt } from '../src/channels/delivery';
import { EmailChannel } from '../src/channels/email.channel';
import { LEASE_MS } from '../src/sending/notification-sender.job';
import { eventually, FakeClock, fakeClock, notificationsOf, openAllDay, placePaidOrder, product, settle, SmtpSink, startSmtpSink } from './notifications.factory';

/** Exactly one message per event per channel: when the event comes twice, and when a worker dies mid-send. */
describe('exactly one message', () => {
  let smtp: SmtpSink;
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let bun: { id: string };
  let em: EntityManager;
  let clock: FakeClock;
  let releaseDeadWorker: (receipt: DeliveryReceipt) => void = () => undefined;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true', SMTP_URL: smtp.url, SMTP_FROM: 'order@kassa.example' });
    clock = fakeClock([kassa]);
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId);
    bun = await product(kassa.http, owner, { nameSv: 'Kanelbulle', nameEn: 'Cinnamon bun', price: 3500 });
    em = kassa.app.get(MikroORM).em.fork() as EntityManager;
    applyTenancy(em, 'unscoped');
  });
  afterAll(async () => {
    // Should a test have failed midway, the stuck send must not hold the shutdown.
    releaseDeadWorker({ provider: 'smtp', providerMessageId: null });
    await kassa.close();
    await smtp.close();
  });

  const mailsTo = (address: string) => smtp.mails.filter((m) => m.envelopeTo.includes(address));
  const orderFor = (email: string) => placePaidOrder(kassa.http, { storeId, items: [{ productId: bun.id, quantity: 1 }], customer: { name: 'Åsa Öberg', email, phone: '070-123 45 67' } });

  it('writes one notification and sends one e-mail when the same OrderPaid is delivered again, and when two deliveries race', async () => {
    const order = await orderFor('twice@example.se');
    await eventually(() => mailsTo('twice@example.se'), (m) => m.length === 1);
    const delivery = await em.fork().findOneOrFail(OutboxMessage, { consumer: 'notifications.order-paid', payload: { orderId: order.id } });
    expect(delivery.status).toBe(OutboxStatus.DONE);

    // The outbox hands the same message over again (as after a crash between side effect and bookkeeping)…
    await em.fork().nativeUpdate(OutboxMessage, { id: delivery.id }, { status: OutboxStatus.PENDING, availableAt: new Date(0) });
    await eventually(async () => (await em.fork().findOneOrFail(OutboxMessage, delivery.id)).status, (s) => s === OutboxStatus.DONE);
    // …and two workers handle it at the same moment.
    const consumer = kassa.app.get(OutboxConsumers).get('notifications.order-paid');
    const event = { type: delivery.eventType, payload: delivery.payload, storeId: delivery.storeId ?? undefined };
    await Promise.all([1, 2, 3].map(() => RequestContext.create(em.fork(), async () => consumer?.handle(event, { messageId: delivery.id, attempt: 9 }))));
    await kassa.app.get(NotificationSender).run();
    await settle(1200);

    const rows = await notificationsOf(kassa.http, owner, order.id);
    const confirmations = rows.filter((r) => r.kind === 'order_confirmed').map((r) => `${r.channel} ${r.status}`);
    expect(confirmations.sort()).toEqual(['email sent', 'sms logged']);
    expect(mailsTo('twice@example.se')).toHaveLength(1);
  });

  it('sends once when the worker that claimed the message dies mid-send: the lease runs out and another worker sends it', async () => {
    const email = kassa.app.get(EmailChannel);
    const realSend = email.send.bind(email);
    // The first worker takes the message and never comes back (killed between claim and answer).
    const send = jest.spyOn(email, 'send').mockImplementationOnce(() => new Promise<DeliveryReceipt>((resolve) => (releaseDeadWorker = resolve)));

    const order = await orderFor('killed@example.se');
    await eventually(() => send.mock.calls.length, (n) => n === 1);
    send.mockImplementation(realSend);
    const stuck = (await notificationsOf(kassa.http, owner, order.id)).find((r) => r.kind === 'order_confirmed' && r.channel === 'email');
    expect(stuck).toMatchObject({ status: 'sending', attempts: 1 });

    // While the lease holds, nobody else touches it.
    clock.advance(LEASE_MS - 1000);
    await kassa.app.get(NotificationSender).run();
    expect(mailsTo('killed@example.se')).toHaveLength(0);

    // Past the lease it is claimed again and sent.
    clock.advance(2000);
    await kassa.app.get(NotificationSender).run();
    await eventually(() => mailsTo('killed@example.se'), (m) => m.length === 1);

    // The dead worker "wakes up" with an answer: the row is no longer its own, so nothing changes.
    releaseDeadWorker({ provider: 'smtp', providerMessageId: '<ghost@kassa.example>' });
    await settle(500);
    const row = (await notificationsOf(kassa.http, owner, order.id)).find((r) => r.kind === 'order_confirmed' && r.channel === 'email');
    expect(row).toMatchObject({ status: 'sent', attempts: 2, providerMessageId: expect.not.stringContaining('ghost') });
    expect(mailsTo('killed@example.se')).toHaveLength(1);
    send.mockRestore();
  });
});
