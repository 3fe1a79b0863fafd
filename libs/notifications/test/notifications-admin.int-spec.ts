import { createStore, createUser, demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { eventually, notificationsOf, openAllDay, placePaidOrder, product, SmtpSink, startSmtpSink } from './notifications.factory';

/** The admin's notification log, templates with preview, and settings. */
describe('notifications in the admin', () => {
  let smtp: SmtpSink;
  let kassa: TestApp;
  let owner: string;
  let storeA: string;
  let storeB: string;
  let managerB: string;
  let staffA: string;
  let bun: { id: string };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    kassa = await startTestApp({ KASSA_DEMO_DATA: 'false', KASSA_TEST_PAYMENTS: 'true', SMTP_URL: smtp.url, SMTP_FROM: 'order@kassa.example' });
    owner = await kassa.login();
    storeA = await demoStoreId(kassa.http);
    storeB = (await createStore(kassa.http, owner, { name: 'Bageri Ölands' })).id;
    const manager = await createUser(kassa.http, owner, { email: 'manager.b@example.com', role: 'manager', storeIds: [storeB] });
    managerB = await kassa.login(manager.email, manager.password);
    const staff = await createUser(kassa.http, owner, { email: 'staff.a@example.com', role: 'staff', storeIds: [storeA] });
    staffA = await kassa.login(staff.email, staff.password);
    await openAllDay(kassa.http, owner, storeA);
    bun = await product(kassa.http, owner, { nameSv: 'Kanelbulle', nameEn: 'Cinnamon bun', price: 3500 });
  });
  afterAll(async () => {
    await kassa.close();
    await smtp.close();
  });

  const get = (path: string, auth = owner) => kassa.http.get(`/api/v1/admin/${path}`).set('Authorization', auth);
  const order = (email: string) => placePaidOrder(kassa.http, { storeId: storeA, items: [{ productId: bun.id, quantity: 2 }], customer: { name: 'Åsa Öberg', email, phone: '070-123 45 67' } });

  describe('the log', () => {
    it('lists messages with masked recipients, filters them, and shows one in full', async () => {
      const placed = await order('asa.oberg@example.se');
      const rows = await eventually(() => notificationsOf(kassa.http, owner, placed.id), (r) => r.filter((x) => x.status === 'sent' || x.status === 'logged').length === 2);
      expect(rows.map((r) => [r.kind, r.channel, r.recipient, r.status]).sort()).toEqual([
        ['order_confirmed', 'email', 'a***@example.se', 'sent'],
        ['order_confirmed', 'sms', '+46 70 *** ** 67', 'logged'],
      ]);
      const list = await get('notifications').query({ filter: JSON.stringify({ channel: ['email'], kind: ['order_confirmed'], q: 'asa.oberg' }) }).expect(200);
      expect(list.headers['content-range']).toBe('notifications 0-0/1');
      expect(list.body[0]).toMatchObject({ orderId: placed.id, orderNumber: placed.number, storeId: storeA, recipient: 'a***@example.se', subject: `Orderbekräftelse ${placed.number} från Kassa Demo Café`, provider: 'smtp' });
      expect(JSON.stringify(list.body)).not.toContain('asa.oberg@');

      const detail = await get(`notifications/${list.body[0].id}`).expect(200);
      expect(detail.body).toMatchObject({ id: list.body[0].id, recipient: 'a***@example.se', text: expect.stringContaining('Hej Åsa Öberg!'), html: expect.stringContaining('<!doctype html>') });

      await get('notifications').query({ filter: JSON.stringify({ status: ['delivered'] }) }).expect(400);
      const logged = await get('notifications').query({ filter: JSON.stringify({ status: ['logged'], orderId: placed.id }) }).expect(200);
      expect(logged.body.map((r: { channel: string }) => r.channel)).toEqual(['sms']);
    });

    it('resends a message as a new notification', async () => {
      const placed = await order('again@example.se');
      const [sent] = await eventually(async () => (await notificationsOf(kassa.http, owner, placed.id)).filter((r) => r.channel === 'email' && r.status === 'sent'), (r) => r.length === 1);
      const resent = await kassa.http.post(`/api/v1/admin/notifications/${sent.id}/resend`).set('Authorization', staffA).expect(201);
      expect(resent.body).toMatchObject({ id: expect.not.stringMatching(sent.id), resentFrom: sent.id, status: 'queued', kind: 'order_confirmed', channel: 'email', recipient: 'a***@example.se' });
      await eventually(() => smtp.mails.filter((m) => m.envelopeTo.includes('again@example.se')), (m) => m.length === 2);
      const after = await eventually(() => get(`notifications/${resent.body.id}`).then((r) => r.body), (b) => b.status === 'sent');
      expect(after).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('keeps another store’s manager out: nothing listed, 404 on the message and on resending it', async () => {
      const mine = await get('notifications', managerB).expect(200);
      expect(mine.body).toEqual([]);
      const [any] = (await get('notifications').expect(200)).body;
      await get(`notifications/${any.id}`, managerB).expect(404);
      await kassa.http.post(`/api/v1/admin/notifications/${any.id}/resend`).set('Authorization', managerB).expect(404);
      await get('notifications').query({ filter: JSON.stringify({ storeId: storeB }) }).expect(200).expect((r) => expect(r.body).toEqual([]));
    });
  });

  describe('templates', () => {
    it('lists every kind, channel and language, each with its placeholders', async () => {
      const all = await get('notification-templates').query({ range: '[0,99]' }).expect(200);
      expect(all.headers['content-range']).toBe('notification-templates 0-29/30');
      expect(all.body[0]).toMatchObject({ id: 'order_confirmed.email.sv', customised: false, subject: 'Orderbekräftelse {{orderNumber}} från {{storeName}}', placeholders: expect.arrayContaining(['customerName', 'pickupCode', 'qrCode', 'items']), itemPlaceholders: ['name', 'options', 'quantity', 'price', 'note'] });
      const sms = await get('notification-templates').query({ filter: JSON.stringify({ channel: ['sms'], locale: ['en'] }) }).expect(200);
      expect(sms.body.map((t: { id: string }) => t.id)).toEqual(['order_confirmed.sms.en', 'order_reminder.sms.en', 'order_ready.sms.en', 'order_delayed.sms.en', 'order_cancelled.sms.en', 'order_expired.sms.en', 'order_refunded.sms.en']);
      expect(sms.body[0]).toMatchObject({ subject: null, placeholders: expect.not.arrayContaining(['qrCode']) });
      await get('notification-templates/staff_alert.sms.sv').expect(404);
    });

    it('previews an edit with a sample order, refuses unknown placeholders by name, saves it, uses it, and resets it', async () => {
      const edit = { subject: 'Tack för din order {{orderNumber}}!', body: 'Hej {{customerName}}! Vi ses {{pickupTime}}.\n{{#items}}{{quantity}} st {{name}}\n{{/items}}Kod: {{pickupCode}}' };
      const preview = await kassa.http.post('/api/v1/admin/notification-templates/preview').set('Authorization', staffA).send({ kind: 'order_confirmed', channel: 'email', locale: 'sv', ...edit }).expect(200);
      expect(preview.body.subject).toBe('Tack för din order A-042!');
      expect(preview.body.text).toMatch(/^Hej Åsa Öberg! Vi ses \S+ \d+ \S+ \d\d:\d\d–\d\d:\d\d\.\n2 st Kanelbulle\n1 st Cappuccino\nKod: K7MX4P$/);
      expect(preview.body.html).toContain('Hej Åsa Öberg!');

      const unknown = await kassa.http
        .post('/api/v1/admin/notification-templates/preview')
        .set('Authorization', owner)
        .send({ kind: 'order_confirmed', channel: 'sms', locale: 'sv', body: 'Hej {{kundnamn}}, rabattkod {{discountCode}} {{qrCode}}' })
        .expect(400);
      expect(unknown.body).toMatchObject({ code: 'INVALID_TEMPLATE', details: [{ field: 'body', reason: expect.stringMatching(/^unknown placeholders \{\{kundnamn\}\}, \{\{discountCode\}\}, \{\{qrCode\}\}; use customerName, /) }] });
      const refused = await kassa.http.put('/api/v1/admin/notification-templates/order_confirmed.email.sv').set('Authorization', owner).send({ subject: 'Order {{ordernummer}}', body: '{{#items}}{{name}}' }).expect(400);
      expect(refused.body.details).toEqual([
        { field: 'subject', reason: expect.stringContaining('unknown placeholder {{ordernummer}}') },
        { field: 'body', reason: '{{#items}} is never closed with {{/items}}' },
      ]);
      await kassa.http.put('/api/v1/admin/notification-templates/order_confirmed.email.sv').set('Authorization', staffA).send(edit).expect(403);

      const saved = await kassa.http.put('/api/v1/admin/notification-templates/order_confirmed.email.sv').set('Authorization', owner).send(edit).expect(200);
      expect(saved.body).toMatchObject({ id: 'order_confirmed.email.sv', customised: true, ...edit });
      const placed = await order('edited@example.se');
      const [mail] = await eventually(() => smtp.mails.filter((m) => m.envelopeTo.includes('edited@example.se')), (m) => m.length === 1);
      expect(mail.subject).toBe(`Tack för din order ${placed.number}!`);
      expect(mail.text).toContain('2 st Kanelbulle');

      const reset = await kassa.http.delete('/api/v1/admin/notification-templates/order_confirmed.email.sv').set('Authorization', owner).expect(200);
      expect(reset.body).toMatchObject({ customised: false, subject: 'Orderbekräftelse {{orderNumber}} från {{storeName}}' });
      expect((await get('notification-templates/order_confirmed.email.sv').expect(200)).body.customised).toBe(false);
    });

    it('refuses a subject on an SMS template and an SMS staff alert preview', async () => {
      const sms = await kassa.http.put('/api/v1/admin/notification-templates/order_ready.sms.en').set('Authorization', owner).send({ subject: 'Ready', body: 'Ready: {{orderNumber}}' }).expect(400);
      expect(sms.body.details).toEqual([{ field: 'subject', reason: 'an SMS has no subject; leave it out' }]);
      await kassa.http.post('/api/v1/admin/notification-templates/preview').set('Authorization', owner).send({ kind: 'staff_alert', channel: 'sms', locale: 'sv', body: '{{alertTitle}}' }).expect(400);
    });
  });

  describe('settings', () => {
    it('shows the defaults and what the server can do, and takes changes from owners and managers only', async () => {
      const initial = await get('notification-settings', staffA).expect(200);
      expect(initial.body).toEqual({
        smsProvider: 'none',
        smsAvailable: { '46elks': false, twilio: false },
        emailAvailable: true,
        customerChannels: ['email', 'sms'],
        staffAlertsToManagers: true,
        staffAlertEmails: [],
        reminderMinutes: 15,
      });
      await kassa.http.put('/api/v1/admin/notification-settings').set('Authorization', staffA).send({ customerChannels: ['email'] }).expect(403);
      const refused = await kassa.http.put('/api/v1/admin/notification-settings').set('Authorization', owner).send({ smsProvider: '46elks', customerChannels: ['email', 'fax'], staffAlertEmails: ['ok@example.se', 'nope'] }).expect(400);
      expect(refused.body.details).toEqual([
        { field: 'smsProvider', reason: '46elks has no credentials on this server (ELKS_USERNAME, ELKS_PASSWORD)' },
        { field: 'customerChannels', reason: 'must be among email, sms' },
        { field: 'staffAlertEmails.1', reason: 'must be an email address' },
      ]);
      const changed = await kassa.http.put('/api/v1/admin/notification-settings').set('Authorization', owner).send({ customerChannels: ['email'], staffAlertEmails: ['Kock@Example.se'] }).expect(200);
      expect(changed.body).toMatchObject({ customerChannels: ['email'], staffAlertEmails: ['kock@example.se'], staffAlertsToManagers: true });

      const placed = await order('email-only@example.se');
      await eventually(() => notificationsOf(kassa.http, owner, placed.id), (r) => r.length > 0);
      expect((await notificationsOf(kassa.http, owner, placed.id)).map((r) => r.channel)).toEqual(['email']);
      await kassa.http.put('/api/v1/admin/notification-settings').set('Authorization', owner).send({ customerChannels: ['email', 'sms'], staffAlertEmails: [] }).expect(200);
    });
  });
});
