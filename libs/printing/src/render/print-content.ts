/**
 * What a job prints, before layout: plain data, stored with the job, so the same content can be
 * laid out again for a preview, a copy or another printer.
 */
export type PrintLocale = 'sv' | 'en';

export interface ReceiptLineContent {
  readonly name: string;
  readonly quantity: number;
  /** Minor units, VAT included. */
  readonly amount: number;
  readonly modifiers: readonly string[];
  readonly note: string | null;
}

export interface VatRowContent {
  /** Basis points: 1200 = 12 %. */
  readonly rate: number;
  readonly base: number;
  readonly amount: number;
}

export interface ReceiptContent {
  readonly kind: 'receipt';
  readonly locale: PrintLocale;
  readonly timeZone: string;
  /** ISO instant the receipt was issued. */
  readonly issuedAt: string;
  readonly receiptNumber: number;
  readonly store: { readonly name: string; readonly addressLines: readonly string[]; readonly organisationNumber: string };
  readonly order: {
    readonly id: string;
    readonly number: string;
    readonly pickupStart: string;
    readonly pickupEnd: string;
    readonly customerName: string;
    readonly currency: string;
    readonly subtotal: number;
    readonly discount: number;
    readonly total: number;
    readonly vat: readonly VatRowContent[];
    readonly paymentMethod: string;
    readonly pickupCode: string;
    /** The QR payload of the pickup pass. */
    readonly passToken: string;
    readonly lines: readonly ReceiptLineContent[];
  };
  readonly footer: string | null;
  /** Open the cash drawer after printing (cash sales at the counter; never for online orders). */
  readonly openDrawer: boolean;
}

export interface KitchenLineContent {
  readonly name: string;
  readonly quantity: number;
  readonly modifiers: readonly string[];
  readonly note: string | null;
}

export interface KitchenTicketContent {
  readonly kind: 'kitchen';
  readonly locale: PrintLocale;
  readonly timeZone: string;
  readonly issuedAt: string;
  readonly order: {
    readonly id: string;
    readonly number: string;
    readonly pickupStart: string;
    readonly pickupEnd: string;
    readonly customerName: string;
    readonly placedAt: string;
    readonly lines: readonly KitchenLineContent[];
  };
}

export interface TestPageContent {
  readonly kind: 'test';
  readonly locale: PrintLocale;
  readonly timeZone: string;
  readonly issuedAt: string;
  readonly storeName: string;
  readonly printerName: string;
  readonly stationName: string | null;
}

export type PrintContent = ReceiptContent | KitchenTicketContent | TestPageContent;

/** How a printer takes its paper: what layout and encoding depend on. */
export interface PrinterProfile {
  readonly columns: number;
  readonly language: 'escpos' | 'starprnt';
  readonly codepage: string;
  readonly cashDrawer: boolean;
}

/** Stored with each job: the content and the printer profile it was laid out for. */
export interface PrintSource {
  readonly content: PrintContent;
  readonly profile: PrinterProfile;
}
