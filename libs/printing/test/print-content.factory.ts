import type { KitchenTicketContent, PrinterProfile, ReceiptContent } from '../src/render/print-content';

export const PASS = 'KP1.bxwdLjpLTF2OnwobLD1OXw.s3cr3tMacOfTwentyTwo';

/** A paid order of two lines at two VAT rates with a discount, as the consumer builds it. */
export function receiptContent(overrides: Partial<ReceiptContent> = {}, order: Partial<ReceiptContent['order']> = {}): ReceiptContent {
  return {
    kind: 'receipt',
    locale: 'sv',
    timeZone: 'Europe/Stockholm',
    issuedAt: '2026-03-29T08:30:00.000Z',
    receiptNumber: 42,
    store: { name: 'Kafé Ölandsbröd', addressLines: ['Drottninggatan 12', '111 51 Stockholm'], organisationNumber: '556036-0793' },
    footer: 'Tack för ditt köp!',
    openDrawer: false,
    ...overrides,
    order: {
      id: '6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f',
      number: 'A-042',
      pickupStart: '2026-03-29T08:45:00.000Z',
      pickupEnd: '2026-03-29T09:00:00.000Z',
      customerName: 'Åsa Öberg',
      currency: 'SEK',
      subtotal: 12000,
      discount: 1000,
      total: 11000,
      vat: [
        { rate: 2500, base: 2000, amount: 500 },
        { rate: 1200, base: 8036, amount: 964 },
      ],
      paymentMethod: 'card',
      pickupCode: '7K3M9P',
      passToken: PASS,
      lines: [
        { name: 'Kanelbulle', quantity: 2, amount: 7000, modifiers: ['Extra pärlsocker'], note: 'Värm gärna' },
        { name: 'Smörgås med ägg och räkor', quantity: 1, amount: 5000, modifiers: [], note: null },
      ],
      ...order,
    },
  };
}

export function kitchenContent(overrides: Partial<KitchenTicketContent['order']> = {}): KitchenTicketContent {
  return {
    kind: 'kitchen',
    locale: 'sv',
    timeZone: 'Europe/Stockholm',
    issuedAt: '2026-03-29T08:30:00.000Z',
    order: {
      id: '6f1c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f',
      number: 'A-042',
      pickupStart: '2026-03-29T08:45:00.000Z',
      pickupEnd: '2026-03-29T09:00:00.000Z',
      customerName: 'Åsa Öberg',
      placedAt: '2026-03-29T08:29:00.000Z',
      lines: [
        { name: 'Kanelbulle', quantity: 2, modifiers: ['Extra pärlsocker'], note: 'Värm gärna' },
        { name: 'Smörgås med ägg och räkor', quantity: 1, modifiers: ['Utan lök'], note: null },
      ],
      ...overrides,
    },
  };
}

export function profile(columns: number, overrides: Partial<PrinterProfile> = {}): PrinterProfile {
  return { columns, language: 'escpos', codepage: 'cp865', cashDrawer: false, ...overrides };
}
