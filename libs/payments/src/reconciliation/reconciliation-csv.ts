import type { ReconciliationReport } from './reconciliation.types';

export const RECONCILIATION_CSV_COLUMNS = [
  'date',
  'store_id',
  'method',
  'payment_id',
  'provider_reference',
  'order_number',
  'order_id',
  'order_status',
  'payment_status',
  'currency',
  'kassa_captured',
  'kassa_refunded',
  'provider_captured',
  'provider_refunded',
  'mismatch',
  'detail',
] as const;

/**
 * The report as CSV for Excel as Swedish offices have it: UTF-8 with a byte-order mark (so å, ä,
 * ö show), `;` between fields, decimal comma in amounts (kronor, not öre), CRLF line ends. One row
 * per payment that moved money in the day or disagrees; `mismatch` holds the kinds, space-separated
 * (`provider_unreachable` when the provider could not be asked), empty when both sides agree.
 */
export function reconciliationCsv(report: ReconciliationReport): string {
  const lines = [RECONCILIATION_CSV_COLUMNS.join(';')];
  for (const provider of report.providers) {
    for (const payment of provider.payments) {
      const details = provider.mismatches.filter((m) => m.paymentId === payment.paymentId && (m.paymentId !== null || m.orderId === payment.orderId)).map((m) => m.detail);
      const kinds = [...payment.mismatches, ...(provider.reachable ? [] : ['provider_unreachable'])];
      lines.push(
        [
          report.date,
          report.storeId,
          provider.method,
          payment.paymentId ?? '',
          payment.providerReference ?? '',
          payment.orderNumber ?? '',
          payment.orderId ?? '',
          payment.orderStatus ?? '',
          payment.paymentStatus ?? '',
          payment.currency,
          kronor(payment.kassa.captured),
          kronor(payment.kassa.refunded),
          payment.provider ? kronor(payment.provider.captured) : '',
          payment.provider ? kronor(payment.provider.refunded) : '',
          kinds.join(' '),
          [...details, ...(provider.reachable ? [] : [provider.error ?? 'the provider could not be asked'])].join(' / '),
        ]
          .map(field)
          .join(';'),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** 12900 → "129,00". */
function kronor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** Quotes what needs it and defuses text a spreadsheet would run as a formula. */
function field(value: string): string {
  const safe = /^[=+@\t\r-]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
