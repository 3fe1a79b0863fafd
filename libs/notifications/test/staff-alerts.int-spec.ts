import { randomUUID } from 'node:crypto';
import { OutboxConsumers, PermanentDeliveryError } from '@kassa/platform';
import { STORE_UPDATED } from '@kassa/stores';
import { createStore, createUser, demoStoreId } from '../../../test/support/fixtures';
import { OWNER_EMAIL, startTestApp, TestApp } from '../../../test/support/test-app';
import { eventually, openAllDay, placeOrder, placePaidOrder, settle, SmtpSink, startSmtpSink } from './notifications.factory';

/** Staff alerts by e-mail to the owners and the store's managers (and extra addresses), in the store's language. */
describe('staff alerts', () => {
  let smtp: SmtpSink;
  let kassa: TestApp;
  let owner: string;
  let storeA: string;
  let storeB: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true', SMTP_URL: smtp.url, SMTP_FROM: 'kassa@kassa.example', KASSA_OUTBOX_MAX_ATTEMPTS: '1' });
    kassa.app.get(OutboxConsumers).register({
      name: 'test.always-fails',
      eventType: STORE_UPDATED,
      handle: async () => {
        throw new PermanentDeliveryError('the printer said no');
      },
    });
    owner = await kassa.login();
    storeA = await demoStoreId(kassa.http);
    storeB = (await createStore(kassa.http, owner, { name: 'Butik B' })).id;
    await createUser(kassa.http, owner, { email: 'manager.a@example.com', role: 'manager', storeIds: [storeA] });
    await createUser(kassa.http, owner, { email: 'manager.b@example.com', role: 'manager', storeIds: [storeB] });
    await createUser(kassa.http, owner, { email: 'staff.a@example.com', role: 'staff', storeIds: [storeA] });
    await kassa.http.put('/api/v1/admin/notification-settings').set('Authorization', owner).send({ staffAlertEmails: ['inkop@example.se'] }).expect(200);
    await openAllDay(kassa.http, owner, storeA);
  });
  afterAll(async () => {
    await kassa.close();
    await smtp.close();
  });

  const alerts = (subject: RegExp) => smtp.mails.filter((m) => subject.test(m.subject));

  it('e-mails low stock to the owner, the store’s manager and the extra address, not to other stores’ managers or staff', async () => {
    const created = await kassa.http
      .post('/api/v1/admin/products')
      .set('Authorization', owner)
      .send({ sku: `LOW-${randomUUID().slice(0, 6)}`, nameSv: 'Semla', nameEn: 'Semla bun', price: 4500, vatRate: 12, stock: { mode: 'tracked', allowBackorder: false } })
      .expect(201);
    const [item] = (await kassa.http.get('/api/v1/admin/stock-items').query({ filter: JSON.stringify({ productId: created.body.id }) }).set('Authorization', owner).expect(200)).body;
    await kassa.http.post('/api/v1/admin/stock-movements').set('Authorization', owner).send({ storeId: storeA, stockItemId: item.id, kind: 'delivery', quantity: 10, reason: 'Leverans' }).expect(201);
    const levels = (await kassa.http.get('/api/v1/admin/stock-levels').query({ filter: JSON.stringify({ storeId: storeA }), range: '[0,499]' }).set('Authorization', owner).expect(200)).body;
    const level = levels.find((l: { stockItemId: string }) => l.stockItemId === item.id);
    await kassa.http.put(`/api/v1/admin/stock-levels/${level.id}`).set('Authorization', owner).send({ lowStockThreshold: 5, parLevel: 30 }).expect(200);

    await placeOrder(kassa.http, { storeId: storeA, items: [{ productId: created.body.id, quantity: 6 }], customer: { name: 'Kund', phone: '070-765 43 21' } });
    const mails = await eventually(() => alerts(/Lågt lager: Semla/), (m) => m.length >= 3);
    await settle(500);
    expect(alerts(/Lågt lager: Semla/).flatMap((m) => m.envelopeTo).sort()).toEqual(['inkop@example.se', 'manager.a@example.com', OWNER_EMAIL].sort());
    expect(mails[0].subject).toBe('[Kassa Demo Café] Lågt lager: Semla');
    expect(mails[0].text).toContain('är nere i 4, vid eller under gränsen 5. Fyll på upp till 30.');
    expect(mails[0].text).toMatch(/Administrationen: http:\/\/localhost:\d+\/admin/);
  });

  it('e-mails a side effect that went to the dead-letter state', async () => {
    await kassa.http.put(`/api/v1/admin/stores/${storeA}`).set('Authorization', owner).send({ phone: '031-12 34 56' }).expect(200);
    const mails = await eventually(() => alerts(/Ett bakgrundsjobb gav upp: test\.always-fails/), (m) => m.length >= 3);
    expect(mails[0].text).toContain('Händelsen StoreUpdated kunde inte hanteras av test.always-fails efter 1 försök. Senaste fel: the printer said no.');
    const dead = await kassa.http.get('/api/v1/admin/outbox-messages').query({ filter: JSON.stringify({ status: 'dead' }) }).set('Authorization', owner).expect(200);
    expect(mails[0].text).toContain(`(id ${dead.body.find((m: { consumer: string }) => m.consumer === 'test.always-fails').id})`);
  });

  it('e-mails a paid order that no station is online to print, naming the printer it waits for', async () => {
    const station = await kassa.http.post('/api/v1/admin/stations').set('Authorization', owner).send({ storeId: storeA, name: 'Disken' }).expect(201);
    await kassa.http
      .post('/api/v1/admin/printers')
      .set('Authorization', owner)
      .send({ stationId: station.body.id, name: 'Kvittoskrivare', roles: ['receipt'], paperWidth: 80, columns: 48, language: 'escpos', codepage: 'cp865', cashDrawer: false, connection: 'agent' })
      .expect(201);
    const product = await kassa.http
      .post('/api/v1/admin/products')
      .set('Authorization', owner)
      .send({ sku: `KAF-${randomUUID().slice(0, 6)}`, nameSv: 'Bryggkaffe', nameEn: 'Filter coffee', price: 3200, vatRate: 12 })
      .expect(201);
    const order = await placePaidOrder(kassa.http, { storeId: storeA, items: [{ productId: product.body.id, quantity: 1 }] });
    const subject = new RegExp(`Order ${order.number} är betald men inte utskriven`);
    const mails = await eventually(() => alerts(subject), (m) => m.length >= 3);
    expect(mails[0].text).toContain(`Order ${order.number} är betald, men ingen station är online för att skriva ut den (Kvittoskrivare).`);
  });
});
