import { DomainEvent, domainEvent } from '@kassa/shared';

/** A printer has been offline (or its station away) longer than the alert threshold. Published once per outage. */
export const PRINTER_FAILED = 'PrinterFailed';

export interface PrinterFailedPayload {
  readonly printerId: string;
  readonly printerName: string;
  readonly storeId: string;
  readonly stationId: string | null;
  /** What the station reported ("paper out"), or why we think it is away. */
  readonly error: string;
  readonly offlineSince: string;
  /** Jobs waiting for it (queued, sent, failed or held). */
  readonly queueLength: number;
  /** The printer its jobs were moved to, when it has a fallback that is online. */
  readonly reroutedTo: string | null;
}

export function printerFailed(payload: PrinterFailedPayload): DomainEvent<PrinterFailedPayload> {
  return domainEvent(PRINTER_FAILED, payload, payload.storeId);
}

/** A paid order whose paper cannot come out now: every printer its jobs wait for is offline. */
export const ORDER_NOT_PRINTED = 'OrderNotPrinted';

export interface OrderNotPrintedPayload {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly storeId: string;
  readonly reason: 'no_station_online';
  /** The printers its jobs wait for. */
  readonly printers: readonly string[];
}

export function orderNotPrinted(payload: OrderNotPrintedPayload): DomainEvent<OrderNotPrintedPayload> {
  return domainEvent(ORDER_NOT_PRINTED, payload, payload.storeId);
}
