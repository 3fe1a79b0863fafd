import type { PrinterLanguage } from '../entities/printer.entity';

/** What a poll tells us about the printer. Star's status codes: 2xx online, 4xx printer error (paper, cover), 5xx client error (a job it could not take). */
export interface PollReport {
  /** The status code and its text as sent, e.g. `410 Out of paper`. */
  readonly statusCode: string;
  readonly kind: 'ok' | 'printer-error' | 'client-error';
  readonly printingInProgress: boolean;
}

/** The poll's answer (`deleteMethod` DELETE: the printer confirms with an http DELETE). */
export interface PollAnswer {
  readonly jobReady: boolean;
  readonly mediaTypes?: string[];
  readonly jobToken?: string;
  readonly deleteMethod?: 'DELETE';
}

export const STARPRNT_MEDIA_TYPE = 'application/vnd.star.starprnt';

/** The media type a printer's bytes are in, or null when CloudPRNT has none for its language. */
export function mediaTypeOf(language: PrinterLanguage): string | null {
  return language === 'starprnt' ? STARPRNT_MEDIA_TYPE : null;
}

// Printers URL-encode the code's text ("200%20OK") in the JSON; a bad escape is kept as sent.
function decoded(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = Array.from(decoded(value), (c) => (c < ' ' || c === '\u007f' ? ' ' : c)).join('').trim();
  return text === '' ? null : text.slice(0, 200);
}

/** Reads a poll body; anything missing or malformed counts as a printer that is fine and idle. */
export function readPoll(body: unknown): PollReport {
  const fields = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const statusCode = clean(fields.statusCode) ?? '200 OK';
  return { statusCode, kind: kindOf(statusCode), printingInProgress: fields.printingInProgress === true };
}

function kindOf(code: string): PollReport['kind'] {
  if (code.startsWith('4')) return 'printer-error';
  if (code.startsWith('5')) return 'client-error';
  return 'ok';
}

/** A confirmation's `code`: `OK` (current firmware) or `200 OK`/any 2xx (older) means printed; anything else is the printer's error. */
export function readConfirmation(code: unknown): { printed: true } | { printed: false; error: string } {
  const text = clean(code);
  if (text !== null && /^(ok\b|2\d\d\b)/i.test(text)) return { printed: true };
  return { printed: false, error: text ?? 'no code' };
}

/** Seconds before a job the printer refused goes again: 10, 20, 40 … up to 5 minutes. */
export function retryAfterSeconds(attempts: number): number {
  return Math.min(300, 10 * 2 ** Math.max(0, attempts - 1));
}
