import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { NotificationSender } from '@kassa/notifications';
import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { createTestDatabase, realDatabaseUrl, TestDatabase } from '../../../test/support/test-database';
import { eventually, FakeClock, fakeClock, notificationsOf, openAllDay, placePaidOrder, product, settle, slotFrom, SmtpSink, startSmtpSink } from './notifications.factory';

const REMINDER_MINUTES = 15;

/**
 * The reminder goes out at pickup start − KASSA_REMINDER_MINUTES under a fake clock, exactly once
 * though two api instances share the database (and Redis, with KASSA_TEST_REDIS_URL) and race for
 * it, and not at all for an order cancelled meanwhile.
 */
describe('the pickup reminder across two api instances', () => {
  let smtp: SmtpSink;
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let clock: FakeClock;
  let owner: string;
  let storeId: string;
  let bun: { id: string };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    database = await createTestDatabase();
    const env = {
      KASSA_DEMO_DATA: 'false',
      KASSA_TEST_PAYMENTS: 'true',
      SMTP_URL: smtp.url,
      SMTP_FROM: 'order@kassa.example',
      KASSA_REMINDER_MINUTES: String(REMINDER_MINUTES),
      JWT_SECRET: database.env.JWT_SECRET ?? randomBytes(32).toString('hex'),
    };
    a = await startTestApp(env, database);
    // Embedded, the second instance connects to the first one's PGlite server like a replica would.
    const shared: Record<string, string> = realDatabaseUrl ? {} : { DATABASE_URL: String(a.app.get(MikroORM).config.get('clientUrl')), DATABASE_POOL_SIZE: '2' };
    b = await startTestApp({ ...env, ...shared }, database);
    clock = fakeClock([a, b]);
    owner = await a.login();
    storeId = await demoStoreId(a.http);
    await openAllDay(a.http, owner, storeId);
    bun = await product(a.http, owner, { nameSv: 'Kanelbulle', nameEn: 'Cinnamon bun', price: 3500 });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await database.drop();
    await smtp.close();
  });

  const reminderOf = async (orderId: string) => (await notificationsOf(a.http, owner, orderId)).find((r) => r.kind === 'order_reminder' && r.channel === 'email');
  const reminders = (address: string) => smtp.mails.filter((m) => m.envelopeTo.includes(address) && /Snart dags/.test(m.subject));
  const race = () => Promise.all([a, b, a, b].map((app) => app.app.get(NotificationSender).run()));

  it('is scheduled when the order is paid, sent at its time by one instance only, and skipped for a cancelled order', async () => {
    const slot = await slotFrom(a.http, storeId, 120);
    const kept = await placePaidOrder(a.http, { storeId, slotStart: slot.start, items: [{ productId: bun.id, quantity: 1 }], customer: { name: 'Åsa Öberg', email: 'kept@example.se' } });
    const called = await placePaidOrder(b.http, { storeId, slotStart: slot.start, items: [{ productId: bun.id, quantity: 1 }], customer: { name: 'Bo Ek', email: 'called-off@example.se' } });
    const due = Date.parse(slot.start) - REMINDER_MINUTES * 60_000;
    const scheduled = await eventually(() => reminderOf(kept.id), (r) => r !== undefined);
    expect(scheduled).toMatchObject({ status: 'scheduled', scheduledFor: new Date(due).toISOString() });
    await eventually(() => reminderOf(called.id), (r) => r !== undefined);
    // Confirmed first (a confirmation still queued when the order is cancelled is skipped).
    await eventually(() => smtp.mails.filter((m) => m.envelopeTo.includes('called-off@example.se')), (m) => m.length === 1);
    await a.http.post(`/api/v1/admin/orders/${called.id}/cancel`).set('Authorization', owner).send({ reason: 'Slut på kanelbullar' }).expect(200);

    clock.set(due - 60_000);
    await race();
    await settle(1200);
    expect(reminders('kept@example.se')).toHaveLength(0);
    expect((await reminderOf(kept.id))?.status).toBe('scheduled');

    clock.set(due + 1000);
    await race();
    await eventually(() => reminders('kept@example.se'), (m) => m.length > 0);
    await race();
    await settle(1500);
    expect(reminders('kept@example.se')).toHaveLength(1);
    expect(reminders('kept@example.se')[0].text).toContain(`din beställning ${kept.number} hos Kassa Demo Café hämtas`);
    expect(await reminderOf(kept.id)).toMatchObject({ status: 'sent', attempts: 1 });

    expect(await reminderOf(called.id)).toMatchObject({ status: 'skipped', error: 'the order is cancelled' });
    expect(reminders('called-off@example.se')).toHaveLength(0);
    // The cancelled order's customer was told instead, with the refund.
    expect(smtp.mails.filter((m) => m.envelopeTo.includes('called-off@example.se')).map((m) => m.subject)).toEqual([
      `Orderbekräftelse ${called.number} från Kassa Demo Café`,
      `Din beställning ${called.number} är avbokad och återbetald`,
    ]);
  });
});
