import { formatDateTime, LABELS } from './formatting';
import type { TestPageContent } from './print-content';
import { LayoutBuilder, PrintLine } from './print-document';

/** Proves a printer is set up right: its name, the column ruler, Swedish letters and a QR code. */
export function testPageLayout(content: TestPageContent, columns: number): PrintLine[] {
  const t = LABELS[content.locale];
  const paper = new LayoutBuilder(columns);
  paper.text(t.testPage, { align: 'center', size: 2, bold: true });
  paper.blank();
  paper.text(`${t.store}: ${content.storeName}`);
  paper.text(`${t.printer}: ${content.printerName}`);
  if (content.stationName) paper.text(`${t.station}: ${content.stationName}`);
  paper.text(formatDateTime(content.issuedAt, content.timeZone));
  paper.rule();
  paper.text(`${t.characters}: \u00e5 \u00e4 \u00f6 \u00c5 \u00c4 \u00d6`);
  paper.text(`${t.columns}: ${columns}`);
  paper.text(Array.from({ length: columns }, (_, i) => String((i + 1) % 10)).join(''));
  paper.rule();
  paper.qr(`KASSA-TEST ${content.printerName}`);
  paper.blank();
  return paper.cut().build();
}
