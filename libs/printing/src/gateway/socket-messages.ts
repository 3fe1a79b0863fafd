import { isUuid } from '@kassa/shared';

/** The answer a handler gives instead of throwing: the agent and the board read `code`. */
export interface Refusal {
  readonly ok: false;
  readonly code: string;
  readonly message: string;
}

export const refusal = (code: string, message: string): Refusal => ({ ok: false, code, message });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ResumeMessage {
  readonly printers: ReadonlyMap<string, number>;
}

export function parseResume(body: unknown): ResumeMessage | Refusal {
  const printers = isObject(body) ? (body.printers ?? {}) : undefined;
  if (!isObject(printers)) return refusal('VALIDATION_FAILED', 'resume: printers must be an object of printer id to last printed sequence');
  const map = new Map<string, number>();
  for (const [id, sequence] of Object.entries(printers)) {
    if (!isUuid(id) || !Number.isSafeInteger(sequence) || (sequence as number) < 0) {
      return refusal('VALIDATION_FAILED', `resume: printers.${id} must be a printer id with a whole number ≥ 0`);
    }
    map.set(id.toLowerCase(), sequence as number);
  }
  return { printers: map };
}

export interface AckMessage {
  readonly jobId: string;
  readonly status: 'printed' | 'failed';
  readonly error: string | null;
}

export function parseAck(body: unknown): AckMessage | Refusal {
  if (!isObject(body) || typeof body.jobId !== 'string' || !isUuid(body.jobId)) return refusal('VALIDATION_FAILED', 'ack: jobId must be a job id');
  if (body.status !== 'printed' && body.status !== 'failed') return refusal('VALIDATION_FAILED', 'ack: status must be printed or failed');
  if (body.error !== undefined && body.error !== null && typeof body.error !== 'string') return refusal('VALIDATION_FAILED', 'ack: error must be text');
  return { jobId: body.jobId, status: body.status, error: typeof body.error === 'string' ? body.error : null };
}

export interface PrinterStatusReport {
  readonly printerId: string;
  readonly online: boolean;
  readonly error: string | null;
}

export function parsePrinterStatus(body: unknown): PrinterStatusReport | Refusal {
  if (!isObject(body) || typeof body.printerId !== 'string' || !isUuid(body.printerId)) return refusal('VALIDATION_FAILED', 'printer-status: printerId must be a printer id');
  if (typeof body.online !== 'boolean') return refusal('VALIDATION_FAILED', 'printer-status: online must be true or false');
  if (body.error !== undefined && body.error !== null && typeof body.error !== 'string') return refusal('VALIDATION_FAILED', 'printer-status: error must be text');
  return { printerId: body.printerId, online: body.online, error: typeof body.error === 'string' ? body.error : null };
}

export const STATION_ORDER_ACTIONS = ['accept', 'start', 'ready', 'hand_over'] as const;
export type StationOrderAction = (typeof STATION_ORDER_ACTIONS)[number];

export interface OrderActionMessage {
  readonly orderId: string;
  readonly action: StationOrderAction;
  readonly code?: string;
  readonly qr?: string;
}

export function parseOrderAction(body: unknown): OrderActionMessage | Refusal {
  if (!isObject(body) || typeof body.orderId !== 'string' || !isUuid(body.orderId)) return refusal('VALIDATION_FAILED', 'order-action: orderId must be an order id');
  if (!(STATION_ORDER_ACTIONS as readonly unknown[]).includes(body.action)) {
    return refusal('VALIDATION_FAILED', `order-action: action must be one of ${STATION_ORDER_ACTIONS.join(', ')}`);
  }
  for (const field of ['code', 'qr'] as const) {
    const value = body[field];
    if (value !== undefined && value !== null && (typeof value !== 'string' || value.length > 200)) return refusal('VALIDATION_FAILED', `order-action: ${field} must be text`);
  }
  return {
    orderId: body.orderId,
    action: body.action as StationOrderAction,
    ...(typeof body.code === 'string' ? { code: body.code } : {}),
    ...(typeof body.qr === 'string' ? { qr: body.qr } : {}),
  };
}

export const isRefusal = (value: object): value is Refusal => 'ok' in value && (value as { ok: unknown }).ok === false;
