import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { NotificationSender } from '@kassa/notifications';
import { eventually, FakeClock, fakeClock, LogRow, notificationsOf, openAllDay, placePaidOrder, product, settle, SmsGateway, startSmsGateway } from './notifications.factory';

const RETRY_BASE_MS = 60_000;

/** SMS through local servers speaking the 46elks and Twilio APIs: sent, retried on outages, failed on refusals. */
describe('SMS to customers', () => {
  let gateway: SmsGateway;
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let bun: { id: string };
  let clock: FakeClock;

  beforeAll(async () => {
    gateway = await startSmsGateway();
    kassa = await startTestApp({
      KASSA_DEMO_DATA: 'false',
      KASSA_TEST_PAYMENTS: 'true',
      ELKS_USERNAME: 'u-elks',
      ELKS_PASSWORD: 'elks-secret',
      ELKS_BASE_URL: gateway.baseUrl,
      TWILIO_ACCOUNT_SID: 'AC0123456789',
      TWILIO_AUTH_TOKEN: 'twilio-secret',
      TWILIO_BASE_URL: `${gateway.baseUrl}/`,
      KASSA_OUTBOX_RETRY_BASE_MS: String(RETRY_BASE_MS),
    });
    clock = fakeClock([kassa]);
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId);
    bun = await product(kassa.http, owner, { nameSv: 'Kanelbulle', nameEn: 'Cinnamon bun', price: 3500 });
  });
  afterAll(async () => {
    await kassa.close();
    await gateway.close();
  });

  const useProvider = (smsProvider: string) => kassa.http.put('/api/v1/admin/notification-settings').set('Authorization', owner).send({ smsProvider }).expect(200);
  const order = (phone: string) => placePaidOrder(kassa.http, { storeId, items: [{ productId: bun.id, quantity: 1 }], customer: { name: 'Åsa Öberg', email: 'asa@example.se', phone } });
  const smsOf = async (orderId: string, done: (row: LogRow) => boolean): Promise<LogRow> => {
    const rows = await eventually(
      async () => (await notificationsOf(kassa.http, owner, orderId)).filter((r) => r.channel === 'sms' && r.kind === 'order_confirmed'),
      (r) => r.length === 1 && done(r[0]),
    );
    return rows[0];
  };
  const requestsTo = (to: string) => gateway.requests.filter((r) => (r.form.to ?? r.form.To) === to);

  it('sends through 46elks: basic auth, the store as sender, the number in E.164, the Swedish text', async () => {
    const placed = await order('070-111 22 33');
    const row = await smsOf(placed.id, (r) => r.status === 'sent');
    expect(requestsTo('+46701112233')).toEqual([
      {
        provider: '46elks',
        path: '/a1/sms',
        user: 'u-elks',
        password: 'elks-secret',
        form: { from: 'KassaDemo', to: '+46701112233', message: expect.stringMatching(new RegExp(`^Kassa Demo Café: Tack Åsa Öberg! Order ${placed.number} är bekräftad\\. Hämta .+ Kod: [A-Z0-9]{6}\\. Följ ordern: http://localhost:\\d+/orders/${placed.id}\\?token=`)) },
      },
    ]);
    expect(row).toMatchObject({ status: 'sent', provider: '46elks', providerMessageId: expect.stringMatching(/elks$/), recipient: '+46 70 *** ** 33', attempts: 1 });
    // No SMTP server here: the e-mail is logged, clearly not sent.
    const [email] = (await notificationsOf(kassa.http, owner, placed.id)).filter((r) => r.channel === 'email' && r.kind === 'order_confirmed');
    expect(email).toMatchObject({ status: 'logged', provider: 'log', sentAt: expect.any(String) });
  });

  it('retries an outage (503) with backoff, not before the delay, and sends once it is back', async () => {
    gateway.script({ status: 503, body: 'Service Unavailable' });
    const placed = await order('070-222 33 44');
    const failed = await smsOf(placed.id, (r) => r.attempts === 1 && r.status === 'queued');
    expect(failed.error).toBe('46elks 503: Service Unavailable');
    await settle(1500);
    await kassa.app.get(NotificationSender).run();
    expect(requestsTo('+46702223344')).toHaveLength(1);

    clock.advance(RETRY_BASE_MS * 1.25);
    await kassa.app.get(NotificationSender).run();
    const sent = await smsOf(placed.id, (r) => r.status === 'sent');
    expect(sent).toMatchObject({ attempts: 2, provider: '46elks' });
    expect(requestsTo('+46702223344')).toHaveLength(2);
    expect(gateway.delivered.filter((r) => r.form.to === '+46702223344')).toHaveLength(1);
  });

  it('does not retry a number the gateway refuses (4xx), and keeps its answer', async () => {
    gateway.script({ status: 400, body: 'Invalid to number' });
    const placed = await order('+46 70 999 99 99');
    const row = await smsOf(placed.id, (r) => r.status === 'failed');
    expect(row).toMatchObject({ attempts: 1, error: '46elks 400: Invalid to number' });
    clock.advance(60 * 60_000);
    await kassa.app.get(NotificationSender).run();
    expect(requestsTo('+46709999999')).toHaveLength(1);
  });

  it('sends through Twilio when the organisation chooses it, and reads Twilio’s errors', async () => {
    await useProvider('twilio');
    const placed = await order('070-333 44 55');
    const row = await smsOf(placed.id, (r) => r.status === 'sent');
    expect(requestsTo('+46703334455')).toEqual([
      { provider: 'twilio', path: '/2010-04-01/Accounts/AC0123456789/Messages.json', user: 'AC0123456789', password: 'twilio-secret', form: { From: 'KassaDemo', To: '+46703334455', Body: expect.stringContaining(`Order ${placed.number} är bekräftad`) } },
    ]);
    expect(row).toMatchObject({ provider: 'twilio', providerMessageId: expect.stringMatching(/^SM\d{32}$/) });

    gateway.script({ status: 400, body: { code: 21211, message: "The 'To' number +46704445566 is not a valid phone number.", more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 } });
    const refused = await smsOf((await order('070-444 55 66')).id, (r) => r.status === 'failed');
    expect(refused.error).toBe("twilio 400: The 'To' number +46704445566 is not a valid phone number. (code 21211)");

    gateway.script({ status: 500, body: { code: 20500, message: 'Internal Server Error', status: 500 } });
    const retried = await order('070-555 66 77');
    expect((await smsOf(retried.id, (r) => r.status === 'queued' && r.attempts === 1)).error).toBe('twilio 500: Internal Server Error (code 20500)');
    clock.advance(RETRY_BASE_MS * 1.25);
    await kassa.app.get(NotificationSender).run();
    expect(await smsOf(retried.id, (r) => r.status === 'sent')).toMatchObject({ attempts: 2, provider: 'twilio' });
  });

  it('logs instead of sending when the organisation switches SMS off', async () => {
    await useProvider('none');
    const placed = await order('070-666 77 88');
    expect(await smsOf(placed.id, (r) => r.status === 'logged')).toMatchObject({ provider: 'log' });
    expect(requestsTo('+46706667788')).toEqual([]);
  });
});
