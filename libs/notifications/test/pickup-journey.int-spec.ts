import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { NotificationSender } from '@kassa/notifications';
import { eventually, FakeClock, fakeClock, notificationsOf, openAllDay, placeOrder, product, settle, slotFrom, SmsGateway, SmtpSink, startSmsGateway, startSmtpSink } from './notifications.factory';

/**
 * The storefront journey as the customer's phone and inbox see it: paid → confirmation, before
 * pickup → reminder, a busy kitchen → delay notice, ready → "come and get it", handed over with
 * the code from the e-mail. E-mail over SMTP on loopback, SMS through a local 46elks.
 */
describe('a customer orders, is reminded, waits a little, and collects', () => {
  let smtp: SmtpSink;
  let sms: SmsGateway;
  let kassa: TestApp;
  let clock: FakeClock;
  let owner: string;
  let storeId: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    sms = await startSmsGateway();
    kassa = await startTestApp({
      KASSA_DEMO_DATA: 'false',
      KASSA_TEST_PAYMENTS: 'true',
      SMTP_URL: smtp.url,
      SMTP_FROM: 'order@kassa.example',
      ELKS_USERNAME: 'elks',
      ELKS_PASSWORD: 'secret',
      ELKS_BASE_URL: sms.baseUrl,
      KASSA_PUBLIC_URL: 'https://kafe.example',
    });
    clock = fakeClock([kassa]);
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId);
  });
  afterAll(async () => {
    await kassa.close();
    await smtp.close();
    await sms.close();
  });

  const inbox = () => smtp.mails.filter((m) => m.envelopeTo.includes('asa@example.se'));
  const texts = () => sms.delivered.filter((r) => r.form.to === '+46701234567').map((r) => r.form.message);
  const staff = (path: string, body: object = {}) => kassa.http.post(`/api/v1/admin/orders/${path}`).set('Authorization', owner).send(body).expect(200);

  it('hears from the store at every step, once', async () => {
    const bun = await product(kassa.http, owner, { nameSv: 'Kanelbulle', nameEn: 'Cinnamon bun', price: 3500 });
    const slot = await slotFrom(kassa.http, storeId, 90);
    const order = await placeOrder(kassa.http, { storeId, slotStart: slot.start, items: [{ productId: bun.id, quantity: 2, note: 'Värm gärna' }] });
    await settle(500);
    expect(inbox()).toEqual([]); // not paid yet: nothing to confirm

    await kassa.http.post(`/api/v1/payments/test/${order.payment?.id}/approve`).expect(200);
    const [confirmation] = await eventually(inbox, (m) => m.length === 1);
    expect(confirmation.subject).toBe(`Orderbekräftelse ${order.number} från Kassa Demo Café`);
    expect(confirmation.text).toMatch(/2 × Kanelbulle – 70,00\skr/);
    expect(confirmation.attachments.map((a) => a.cid)).toEqual(['pickup-qr@kassa']);
    const code = /Din upphämtningskod: ([A-Z0-9]{6})/.exec(confirmation.text)?.[1];
    expect(code).toBeDefined();
    await eventually(texts, (t) => t.length === 1);
    expect(texts()[0]).toContain(`Order ${order.number} är bekräftad`);
    expect(texts()[0]).toContain(`Kod: ${code}`);
    await staff(`${order.id}/accept`);

    // Fifteen minutes before the pickup window.
    clock.set(Date.parse(slot.start) - 15 * 60_000);
    await kassa.app.get(NotificationSender).run();
    await eventually(inbox, (m) => m.length === 2);
    expect(inbox()[1].subject).toBe(`Snart dags att hämta order ${order.number}`);
    expect(inbox()[1].attachments.map((a) => a.cid)).toEqual(['pickup-qr@kassa']);
    await eventually(texts, (t) => t.length === 2);
    expect(texts()[1]).toContain(`Påminnelse! Order ${order.number} hämtas`);

    // The kitchen falls behind.
    await kassa.http.put(`/api/v1/admin/stores/${storeId}/busy-mode`).set('Authorization', owner).send({ paused: false, delayMinutes: 15 }).expect(200);
    await eventually(inbox, (m) => m.length === 3);
    expect(inbox()[2].subject).toBe(`Din beställning ${order.number} blir försenad`);
    expect(inbox()[2].text).toContain('blir ungefär 15 minuter försenad');
    await eventually(texts, (t) => t.length === 3);
    await kassa.http.put(`/api/v1/admin/stores/${storeId}/busy-mode`).set('Authorization', owner).send({ paused: false, delayMinutes: 0 }).expect(200);

    await staff(`${order.id}/ready`);
    await eventually(inbox, (m) => m.length === 4);
    expect(inbox()[3].subject).toBe(`Din beställning ${order.number} är klar att hämta`);
    expect(inbox()[3].text).toContain(`Visa upphämtningskoden ${code} eller QR-koden i kassan.`);
    await eventually(texts, (t) => t.length === 4);
    expect(texts()[3]).toBe(`Kassa Demo Café: Din order ${order.number} är klar att hämta! Kod: ${code}.`);

    const handed = await staff(`${order.id}/hand-over`, { code });
    expect(handed.body.status).toBe('picked_up');

    await kassa.app.get(NotificationSender).run();
    await settle(1200);
    expect(inbox()).toHaveLength(4);
    expect(texts()).toHaveLength(4);
    const log = await notificationsOf(kassa.http, owner, order.id);
    expect(log.map((r) => `${r.kind} ${r.channel} ${r.status}`).sort()).toEqual([
      'order_confirmed email sent',
      'order_confirmed sms sent',
      'order_delayed email sent',
      'order_delayed sms sent',
      'order_ready email sent',
      'order_ready sms sent',
      'order_reminder email sent',
      'order_reminder sms sent',
    ]);
  });
});
