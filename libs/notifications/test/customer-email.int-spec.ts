import { demoStoreId } from '../../../test/support/fixtures';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { eventually, modifierGroup, notificationsOf, openAllDay, placeOrder, placePaidOrder, product, settle, slotFrom, SmtpSink, startSmtpSink } from './notifications.factory';

const ZONE = 'Europe/Stockholm';

/** What the customer should read as the pickup time: the slot's weekday and date in the store's zone, and its clock times. */
function pickupTime(slot: { start: string; end: string }, locale: 'sv-SE' | 'en-GB'): string {
  const day = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: ZONE }).format(new Date(slot.start));
  return `${day} ${slot.start.slice(11, 16)}–${slot.end.slice(11, 16)}`;
}

/** The confirmation e-mail, received by a real SMTP server on loopback, in Swedish and in English. */
describe('the confirmation e-mail', () => {
  let smtp: SmtpSink;
  let kassa: TestApp;
  let owner: string;
  let storeId: string;
  let bun: { id: string };
  let coffee: { id: string };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    kassa = await startTestApp({
      KASSA_DEMO_DATA: 'false',
      KASSA_TEST_PAYMENTS: 'true',
      SMTP_URL: smtp.url,
      SMTP_FROM: 'order@kassa.example',
      KASSA_PUBLIC_URL: 'https://shop.example/',
      KASSA_OUTBOX_RETRY_BASE_MS: '20',
      LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent',
    });
    owner = await kassa.login();
    storeId = await demoStoreId(kassa.http);
    await openAllDay(kassa.http, owner, storeId);
    bun = await product(kassa.http, owner, { nameSv: 'Kanelbulle', nameEn: 'Cinnamon bun', price: 3500 });
    coffee = await product(kassa.http, owner, { nameSv: 'Bryggkaffe', nameEn: 'Filter coffee', price: 2450 });
  });
  afterAll(async () => {
    await kassa.close();
    await smtp.close();
  });

  const mailTo = async (address: string, count = 1) => (await eventually(() => smtp.mails.filter((m) => m.envelopeTo.includes(address)), (m) => m.length >= count)).slice(0, count);

  it('tells a Swedish customer everything about the order, in Swedish', async () => {
    const slot = await slotFrom(kassa.http, storeId, 30);
    const order = await placePaidOrder(kassa.http, {
      storeId,
      slotStart: slot.start,
      items: [{ productId: bun.id, quantity: 2, note: 'Värm gärna' }, { productId: coffee.id, quantity: 1 }],
      customer: { name: 'Åsa Öberg', email: 'asa@example.se' },
    });
    const [mail] = await mailTo('asa@example.se');

    expect(mail.from).toMatch(/^"?Kassa Demo Café"? <order@kassa\.example>$/);
    expect(mail.envelopeFrom).toBe('order@kassa.example');
    expect(mail.subject).toBe(`Orderbekräftelse ${order.number} från Kassa Demo Café`);
    const text = mail.text.replace(/\r\n/g, '\n');
    expect(text).toContain('Hej Åsa Öberg!');
    expect(text).toMatch(/2 × Kanelbulle – 70,00\skr\n\s+Kommentar: Värm gärna\n1 × Bryggkaffe – 24,50\skr\nTotalt: 94,50\skr/);
    expect(text).toContain(`Upphämtning: ${pickupTime(slot, 'sv-SE')}\nKassa Demo Café, Kungsportsavenyen 1, 411 36 Göteborg`);
    const pass = await kassa.http.get(`/api/v1/orders/${order.id}/pickup-pass`).set('X-Order-Token', order.token).expect(200);
    expect(text).toContain(`Din upphämtningskod: ${pass.body.code}`);
    expect(text).toContain(`Följ din beställning: https://shop.example/orders/${order.id}?token=${order.token}`);

    // The HTML part: the same, escaped, with the link clickable and the QR code inline from the attachment.
    expect(mail.html).toContain('Hej Åsa Öberg!');
    expect(mail.html).toContain(`<a href="https://shop.example/orders/${order.id}?token=${order.token}"`);
    expect(mail.html).toContain('src="cid:pickup-qr@kassa"');
    expect(mail.attachments).toEqual([expect.objectContaining({ contentType: 'image/png', cid: 'pickup-qr@kassa' })]);
    expect(mail.attachments[0].content.subarray(1, 4).toString()).toBe('PNG');

    const rows = await notificationsOf(kassa.http, owner, order.id);
    expect(rows.find((r) => r.kind === 'order_confirmed' && r.channel === 'email')).toMatchObject({ status: 'sent', provider: 'smtp', recipient: 'a***@example.se', attempts: 1 });
    expect(mail.messageId).toBe(`<${rows.find((r) => r.kind === 'order_confirmed')?.id}@kassa.example>`);
  });

  it('writes to an English customer in English', async () => {
    const slot = await slotFrom(kassa.http, storeId, 30);
    const order = await placePaidOrder(kassa.http, { storeId, slotStart: slot.start, items: [{ productId: bun.id, quantity: 1 }], customer: { name: 'Oliver Smith', email: 'oliver@example.com' }, locale: 'en' });
    const [mail] = await mailTo('oliver@example.com');
    expect(mail.subject).toBe(`Order confirmation ${order.number} from Kassa Demo Café`);
    const text = mail.text.replace(/\r\n/g, '\n');
    expect(text).toContain('Hi Oliver Smith,');
    expect(text).toMatch(/1 × Cinnamon bun – SEK\s35\.00\nTotal: SEK\s35\.00/);
    expect(text).toContain(`Pickup: ${pickupTime(slot, 'en-GB')}`);
    expect(text).toContain('Your pickup code: ');
    expect(text).toContain(`Track your order: https://shop.example/orders/${order.id}?token=${order.token}`);
    expect(mail.html).toContain('<html lang="en">');
  });

  it("names the options the customer chose, in the customer's language", async () => {
    const size = await modifierGroup(kassa.http, owner, { nameSv: 'Storlek', nameEn: 'Size', options: [{ nameSv: 'Liten', nameEn: 'Small', priceDelta: 0 }, { nameSv: 'Stor', nameEn: 'Large', priceDelta: 1000 }] });
    const milk = await modifierGroup(kassa.http, owner, { nameSv: 'Mjölk', nameEn: 'Milk', options: [{ nameSv: 'Mellanmjölk', nameEn: 'Dairy', priceDelta: 0 }, { nameSv: 'Havremjölk', nameEn: 'Oat milk', priceDelta: 500 }] });
    const latte = await product(kassa.http, owner, { nameSv: 'Latte', nameEn: 'Latte', price: 4000, modifierGroupIds: [size.id, milk.id] });
    const large = size.options.find((o) => o.nameSv === 'Stor')?.id ?? '';
    const oat = milk.options.find((o) => o.nameSv === 'Havremjölk')?.id ?? '';
    const items = [{ productId: bun.id, quantity: 1 }, { productId: latte.id, quantity: 2, modifierOptionIds: [large, oat] }];
    await placePaidOrder(kassa.http, { storeId, items, customer: { name: 'Stina', email: 'stina@example.se' } });
    await placePaidOrder(kassa.http, { storeId, items, customer: { name: 'Sam', email: 'sam@example.com' }, locale: 'en' });

    const [swedish] = await mailTo('stina@example.se');
    expect(swedish.text.replace(/\r\n/g, '\n')).toMatch(/1 × Kanelbulle – 35,00\skr\n2 × Latte \(Stor, Havremjölk\) – 110,00\skr\nTotalt: 145,00\skr/);
    const [english] = await mailTo('sam@example.com');
    expect(english.text.replace(/\r\n/g, '\n')).toMatch(/1 × Cinnamon bun – SEK\s35\.00\n2 × Latte \(Large, Oat milk\) – SEK\s110\.00\nTotal: SEK\s145\.00/);
  });

  it('confirms a pay-in-store order when it is placed, since there is no payment to wait for', async () => {
    const order = await placeOrder(kassa.http, { storeId, items: [{ productId: bun.id, quantity: 1 }], customer: { name: 'Kim Berg', email: 'kim@example.se' }, payment: 'in_store' });
    const [mail] = await mailTo('kim@example.se');
    expect(mail.subject).toBe(`Orderbekräftelse ${order.number} från Kassa Demo Café`);
  });

  it('does not retry an address the server rejects, and retries a deferral until it goes through', async () => {
    smtp.rejectRecipient('nobody@example.se');
    const rejected = await placePaidOrder(kassa.http, { storeId, items: [{ productId: bun.id, quantity: 1 }], customer: { name: 'Ingen', email: 'nobody@example.se' } });
    const [failed] = await eventually(
      async () => (await notificationsOf(kassa.http, owner, rejected.id)).filter((r) => r.kind === 'order_confirmed'),
      (rows) => rows[0]?.status === 'failed',
    );
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringContaining('550') });

    smtp.deferNext(2, 'pal@example.se');
    const deferred = await placePaidOrder(kassa.http, { storeId, items: [{ productId: bun.id, quantity: 1 }], customer: { name: 'Pål', email: 'pal@example.se' } });
    await mailTo('pal@example.se');
    const [sent] = (await notificationsOf(kassa.http, owner, deferred.id)).filter((r) => r.kind === 'order_confirmed');
    expect(sent).toMatchObject({ status: 'sent', attempts: 3, error: null });
    await settle();
    expect(smtp.mails.filter((m) => m.envelopeTo.includes('pal@example.se'))).toHaveLength(1);
  });
});
