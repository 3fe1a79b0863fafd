// The /stations Socket.IO protocol as the agent speaks it (server side: libs/printing).
// Messages from the server are checked before use: a malformed one is logged, never trusted.

export const STATIONS_NAMESPACE = '/stations';
/** `connect_error` message when the handshake refuses the token (wrong, revoked or rotated). */
export const TOKEN_INVALID = 'STATION_TOKEN_INVALID';

export interface WelcomePrinter {
  id: string;
  name: string;
  roles: string[];
  columns?: number;
  language?: string;
  codepage?: string | number;
  cashDrawer?: boolean;
}

/** Server → agent, once per connection. */
export interface WelcomeMessage {
  stationId: string;
  storeId: string;
  storeName: string;
  printers: WelcomePrinter[];
}

/** Server → agent; at-least-once, possibly replayed after a reconnect. */
export interface JobMessage {
  id: string;
  printerId: string;
  sequence: number;
  kind?: string;
  copy?: boolean;
  orderId?: string | null;
  orderNumber?: string | number | null;
  createdAt?: string;
  /** base64 of the raw printer bytes */
  bytes: string;
}

/** Agent → server, answered with `{ replayed, held }`. */
export interface ResumeMessage {
  printers: Record<string, number>;
}

export type AckStatus = 'printed' | 'failed';

/** Agent → server, answered with `{ ok: true }`. */
export interface AckMessage {
  jobId: string;
  status: AckStatus;
  error?: string;
}

/** Agent → server, when a printer goes offline or comes back. */
export interface PrinterStatusMessage {
  printerId: string;
  online: boolean;
  error?: string;
}

/** How the server answers a message it will not take: `{ ok: false, code, message }`. */
export interface Refusal {
  ok: false;
  code: string;
  message: string;
}

export function isRefusal(value: unknown): value is Refusal {
  return isRecord(value) && value.ok === false && typeof value.code === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The welcome, or the reason it is unusable. */
export function parseWelcome(value: unknown): WelcomeMessage | string {
  if (!isRecord(value)) return 'not an object';
  const { stationId, storeId, storeName, printers } = value;
  if (!isNonEmptyString(stationId)) return 'stationId missing';
  if (!isNonEmptyString(storeId)) return 'storeId missing';
  if (!Array.isArray(printers)) return 'printers is not a list';
  const parsed: WelcomePrinter[] = [];
  for (const printer of printers) {
    if (!isRecord(printer) || !isNonEmptyString(printer.id)) return 'a printer has no id';
    parsed.push({
      id: printer.id,
      name: typeof printer.name === 'string' ? printer.name : printer.id,
      roles: Array.isArray(printer.roles) ? printer.roles.filter((r): r is string => typeof r === 'string') : [],
      columns: typeof printer.columns === 'number' ? printer.columns : undefined,
      language: typeof printer.language === 'string' ? printer.language : undefined,
      codepage: typeof printer.codepage === 'string' || typeof printer.codepage === 'number' ? printer.codepage : undefined,
      cashDrawer: typeof printer.cashDrawer === 'boolean' ? printer.cashDrawer : undefined,
    });
  }
  return { stationId, storeId, storeName: typeof storeName === 'string' ? storeName : '', printers: parsed };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The job, or the reason it is unusable (with its id when it has one, so it can be refused). */
export function parseJob(value: unknown): JobMessage | { error: string; id?: string } {
  if (!isRecord(value)) return { error: 'not an object' };
  const id = isNonEmptyString(value.id) ? value.id : undefined;
  if (!id) return { error: 'id missing' };
  if (!isNonEmptyString(value.printerId)) return { error: 'printerId missing', id };
  if (typeof value.sequence !== 'number' || !Number.isSafeInteger(value.sequence) || value.sequence < 0) return { error: 'sequence is not a whole number', id };
  if (typeof value.bytes !== 'string' || !BASE64.test(value.bytes) || value.bytes.length % 4 !== 0) return { error: 'bytes is not base64', id };
  return {
    id,
    printerId: value.printerId,
    sequence: value.sequence,
    kind: typeof value.kind === 'string' ? value.kind : undefined,
    copy: typeof value.copy === 'boolean' ? value.copy : undefined,
    orderId: typeof value.orderId === 'string' ? value.orderId : null,
    orderNumber: typeof value.orderNumber === 'string' || typeof value.orderNumber === 'number' ? value.orderNumber : null,
    createdAt: typeof value.createdAt === 'string' ? value.createdAt : undefined,
    bytes: value.bytes,
  };
}
