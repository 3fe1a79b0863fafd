import { formatAmount, formatDate, formatDateTime, formatVatRate, formatWindow, LABELS } from './formatting';
import type { ReceiptContent } from './print-content';
import { LayoutBuilder, PrintLine } from './print-document';

/**
 * The customer receipt, with what a Swedish receipt must show: seller, organisation number,
 * date and time, a gapless receipt number, each line, VAT per rate and in total, and how it was
 * paid; then the pickup pass (QR and code). A copy says KOPIA in large letters first.
 */
export function receiptLayout(content: ReceiptContent, columns: number, copy: boolean): PrintLine[] {
  const t = LABELS[content.locale];
  const { order, store, timeZone, locale } = content;
  const amount = (minor: number) => formatAmount(minor, order.currency, locale);
  const paper = new LayoutBuilder(columns);

  if (copy) paper.text(t.copy, { align: 'center', size: 2, bold: true }).blank();
  paper.text(store.name, { align: 'center', bold: true });
  for (const line of store.addressLines) paper.text(line, { align: 'center' });
  paper.text(`${t.organisationNumber} ${store.organisationNumber}`, { align: 'center' });
  paper.rule('=');
  paper.pair(`${t.receipt} ${content.receiptNumber}`, formatDateTime(content.issuedAt, timeZone));
  paper.rule();

  paper.text(`${t.order} ${order.number}`, { align: 'center', size: 2, bold: true });
  paper.text(`${t.pickup} ${formatDate(order.pickupStart, timeZone)}`, { align: 'center' });
  paper.text(formatWindow(order.pickupStart, order.pickupEnd, timeZone), { align: 'center', size: 2, bold: true });
  paper.text(`${t.customer}: ${order.customerName}`);
  paper.rule();

  for (const line of order.lines) {
    paper.pair(`${line.quantity} x ${line.name}`, amount(line.amount));
    for (const modifier of line.modifiers) paper.indented(modifier, 2, '+ ');
    if (line.note) paper.indented(line.note, 2, `${t.note}: `);
  }
  paper.rule();

  if (order.discount !== 0) {
    paper.pair(t.subtotal, amount(order.subtotal));
    paper.pair(t.discount, amount(-Math.abs(order.discount)));
  }
  paper.pair(`${t.total} ${order.currency}`, amount(order.total), { bold: true });
  paper.rule();

  const valueWidth = Math.min(12, Math.floor(columns / 3));
  const widths = [columns - 2 * valueWidth, valueWidth, valueWidth];
  paper.row([t.vatRate, t.vatBase, t.vat], widths);
  for (const row of order.vat) paper.row([formatVatRate(row.rate, locale), amount(row.base), amount(row.amount)], widths);
  paper.pair(t.vatTotal, amount(order.vat.reduce((sum, row) => sum + row.amount, 0)));
  paper.rule();

  if (order.paymentMethod === 'in_store') paper.text(t.payAtPickup, { bold: true });
  else paper.text(`${t.payment}: ${t.paymentMethods[order.paymentMethod] ?? order.paymentMethod}`);
  paper.rule();

  paper.qr(order.passToken);
  paper.text(t.pickupCode, { align: 'center' });
  paper.text(order.pickupCode, { align: 'center', size: 2, bold: true });
  if (content.footer) {
    paper.rule();
    for (const paragraph of content.footer.split(/\r?\n/)) paper.text(paragraph, { align: 'center' });
  }
  paper.blank();
  if (content.openDrawer) paper.drawer();
  return paper.cut().build();
}
