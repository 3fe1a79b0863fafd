import * as QRCode from 'qrcode';
import { encodeLines } from './escpos.encoder';
import { kitchenTicketLayout } from './kitchen-ticket.layout';
import type { PrintSource } from './print-content';
import { PrintLine, toHtml, toPlainText } from './print-document';
import { receiptLayout } from './receipt.layout';
import { testPageLayout } from './test-page.layout';

export interface RenderedPrint {
  readonly lines: PrintLine[];
  /** The plain-text preview: the paper's layout, `columns` wide. */
  readonly text: string;
  /** The printer's command bytes. */
  readonly bytes: Buffer;
}

/** The one layout of a job's content for its printer: paper and preview both come from it. */
export function layoutOf(source: PrintSource, copy: boolean): PrintLine[] {
  const { content, profile } = source;
  switch (content.kind) {
    case 'receipt':
      return receiptLayout(content, profile.columns, copy);
    case 'kitchen':
      return kitchenTicketLayout(content, profile.columns, copy);
    case 'test':
      return testPageLayout(content, profile.columns);
  }
}

export function renderPrint(source: PrintSource, copy: boolean): RenderedPrint {
  const lines = layoutOf(source, copy);
  return { lines, text: toPlainText(lines, source.profile.columns), bytes: encodeLines(lines, source.profile) };
}

/** The preview the admin shows: the same lines as text and as HTML with the QR code drawn. */
export async function renderPreview(source: PrintSource, copy: boolean): Promise<{ text: string; html: string }> {
  const lines = layoutOf(source, copy);
  const html = await toHtml(lines, source.profile.columns, (payload) => QRCode.toString(payload, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }));
  return { text: toPlainText(lines, source.profile.columns), html };
}
