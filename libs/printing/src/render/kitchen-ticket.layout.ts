import { formatDate, formatTime, formatWindow, LABELS } from './formatting';
import type { KitchenTicketContent } from './print-content';
import { LayoutBuilder, PrintLine } from './print-document';

/** What the kitchen needs, big enough to read from a step away: number, pickup time, lines, modifiers and notes; no prices. */
export function kitchenTicketLayout(content: KitchenTicketContent, columns: number, copy: boolean): PrintLine[] {
  const t = LABELS[content.locale];
  const { order, timeZone } = content;
  const paper = new LayoutBuilder(columns);

  if (copy) paper.text(t.copy, { align: 'center', size: 2, bold: true }).blank();
  paper.text(order.number, { align: 'center', size: 2, bold: true });
  paper.text(formatWindow(order.pickupStart, order.pickupEnd, timeZone), { align: 'center', size: 2, bold: true });
  paper.text(`${t.pickup} ${formatDate(order.pickupStart, timeZone)}`, { align: 'center' });
  paper.text(order.customerName, { align: 'center' });
  paper.rule('=');
  for (const line of order.lines) {
    paper.text(`${line.quantity} x ${line.name}`, { bold: true });
    for (const modifier of line.modifiers) paper.indented(modifier, 3, '+ ');
    if (line.note) paper.indented(line.note, 3, '! ');
  }
  paper.rule('=');
  paper.pair(t.kitchenTicket, `${t.placed} ${formatTime(order.placedAt, timeZone)}`);
  paper.blank();
  return paper.cut().build();
}
