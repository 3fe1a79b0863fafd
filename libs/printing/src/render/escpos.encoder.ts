import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { memoiseCodepageDefinitions } from './codepage-memo';
import type { PrinterProfile } from './print-content';
import type { PrintLine } from './print-document';

/** Codepages a printer may be set to; `auto` lets the encoder switch per character. */
export const CODEPAGES = ['auto', 'cp437', 'cp850', 'cp858', 'cp865', 'windows1252'] as const;
export type Codepage = (typeof CODEPAGES)[number];

memoiseCodepageDefinitions();

// StarPRNT printers have no cp850 table.
const UNSUPPORTED: Readonly<Record<PrinterProfile['language'], readonly string[]>> = { escpos: [], starprnt: ['cp850'] };

export function codepageSupported(language: PrinterProfile['language'], codepage: string): boolean {
  return (CODEPAGES as readonly string[]).includes(codepage) && !UNSUPPORTED[language].includes(codepage);
}

/**
 * The only place that knows the encoder library (it ships a CommonJS build, so a plain import
 * works): turns laid-out lines into ESC/POS or StarPRNT bytes in the printer's codepage.
 */
export function encodeLines(lines: readonly PrintLine[], profile: PrinterProfile): Buffer {
  const encoder = new ReceiptPrinterEncoder({
    language: profile.language === 'starprnt' ? 'star-prnt' : 'esc-pos',
    columns: profile.columns,
    feedBeforeCut: 3,
  });
  encoder.initialize().codepage(profile.codepage as Codepage);
  for (const line of lines) {
    switch (line.type) {
      case 'text':
        // Styles are set before every line and never reset after: the encoder emits only changes.
        encoder.size(line.size, line.size).bold(line.bold).line(line.text);
        break;
      case 'qr':
        encoder.align('center').qrcode(line.payload, { model: 2, size: 6, errorlevel: 'm' }).align('left');
        break;
      case 'drawer':
        if (profile.cashDrawer) encoder.pulse();
        break;
      case 'cut':
        encoder.cut('partial');
        break;
    }
  }
  return Buffer.from(encoder.encode());
}
