import { composeMessage } from './message-composer';
import { allTemplateKeys, defaultTemplate, parseTemplateId, templateId } from './template-catalogue';
import { templateProblems } from './notification-templates.service';

const values = {
  customerName: 'Åsa Öberg',
  orderNumber: 'A-042',
  storeName: 'Kassa Demo Café',
  storeAddress: 'Drottninggatan 12, 111 51 Stockholm',
  storePhone: null,
  pickupTime: 'måndag 23 november 12:15–12:30',
  pickupCode: 'K7MX4P',
  statusUrl: 'http://localhost:3000/orders/1?token=t',
  total: '112,00\u00a0kr',
  itemCount: 3,
  items: [
    { name: 'Kanelbulle', options: '', quantity: 2, price: '70,00\u00a0kr', note: 'Värm gärna' },
    { name: 'Cappuccino', options: 'Havremjölk', quantity: 1, price: '42,00\u00a0kr', note: null },
  ],
};

describe('default templates', () => {
  it('exist for every kind, channel and language, and use only their own placeholders', () => {
    const keys = allTemplateKeys();
    expect(keys).toHaveLength(30);
    for (const key of keys) expect({ id: templateId(key), problems: templateProblems(key, defaultTemplate(key)) }).toEqual({ id: templateId(key), problems: [] });
  });

  it('round-trip their ids, and know there is no staff alert by SMS', () => {
    expect(parseTemplateId('order_confirmed.email.sv')).toEqual({ kind: 'order_confirmed', channel: 'email', locale: 'sv' });
    expect(parseTemplateId('staff_alert.sms.sv')).toBeNull();
    expect(parseTemplateId('order_confirmed.email.de')).toBeNull();
    expect(parseTemplateId('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('write the Swedish confirmation with its lines, total, pickup time and the QR code in the HTML part', () => {
    const key = { kind: 'order_confirmed' as const, channel: 'email' as const, locale: 'sv' as const };
    const message = composeMessage({ ...key, template: defaultTemplate(key), values, heading: 'Kassa Demo Café', footer: 'Kassa Demo Café · Drottninggatan 12' });
    expect(message.subject).toBe('Orderbekräftelse A-042 från Kassa Demo Café');
    expect(message.text).toContain('2 × Kanelbulle – 70,00\u00a0kr\n   Kommentar: Värm gärna\n1 × Cappuccino (Havremjölk) – 42,00\u00a0kr\nTotalt: 112,00\u00a0kr');
    expect(message.text).toContain('Upphämtning: måndag 23 november 12:15–12:30\nKassa Demo Café, Drottninggatan 12, 111 51 Stockholm');
    expect(message.text).not.toMatch(/\n{3,}/);
    expect(message.html).toContain('<img src="cid:pickup-qr@kassa"');
    expect(message.html).toContain('<a href="http://localhost:3000/orders/1?token=t"');
    expect(message.html).toContain('Hej Åsa Öberg!');
  });

  it('keeps SMS in the GSM alphabet where it costs nothing', () => {
    const key = { kind: 'order_confirmed' as const, channel: 'sms' as const, locale: 'sv' as const };
    const message = composeMessage({ ...key, template: defaultTemplate(key), values, heading: '', footer: '' });
    expect(message.subject).toBeNull();
    expect(message.html).toBeNull();
    expect(message.text).toBe('Kassa Demo Café: Tack Åsa Öberg! Order A-042 är bekräftad. Hämta måndag 23 november 12:15-12:30. Kod: K7MX4P. Följ ordern: http://localhost:3000/orders/1?token=t');
  });
});
