import type { PrintJobKind, PrintJobStatus } from '../types';

export const printerRoleChoices = [
  { id: 'receipt', name: 'kassa.printers.roles.receipt' },
  { id: 'kitchen', name: 'kassa.printers.roles.kitchen' },
];

export const languageChoices = [
  { id: 'escpos', name: 'kassa.printers.languages.escpos' },
  { id: 'starprnt', name: 'kassa.printers.languages.starprnt' },
];

export const connectionChoices = [
  { id: 'agent', name: 'kassa.printers.connections.agent' },
  { id: 'cloudprnt', name: 'kassa.printers.connections.cloudprnt' },
];

/**
 * The code pages the API encodes (libs/printing), Nordic first; `auto` lets the encoder switch
 * per character. StarPRNT printers have no cp850.
 */
export const codepageChoices = ['cp865', 'cp858', 'cp850', 'cp437', 'windows1252', 'auto'].map((id) => ({ id, name: id }));

export const PRINT_JOB_STATUSES: readonly PrintJobStatus[] = ['queued', 'sent', 'printed', 'failed', 'held'];
export const PRINT_JOB_KINDS: readonly PrintJobKind[] = ['receipt', 'kitchen', 'test'];

export const printJobStatusChoices = PRINT_JOB_STATUSES.map((id) => ({ id, name: `kassa.print_jobs.statuses.${id}` }));
export const printJobKindChoices = PRINT_JOB_KINDS.map((id) => ({ id, name: `kassa.print_jobs.kinds.${id}` }));

type ChipColour = 'default' | 'info' | 'success' | 'error' | 'warning';

export const printJobStatusColour: Record<PrintJobStatus, ChipColour> = {
  queued: 'default',
  sent: 'info',
  printed: 'success',
  failed: 'error',
  held: 'warning',
};

/**
 * What a printer's last error says, in the console's language when it is one the station or the
 * server sends as a phrase ("paper out", "station offline"); anything else as reported. Null when
 * there is nothing to add to "offline".
 */
export const printerErrorText = (translate: (key: string, options?: object) => string, error: string | null): string | null => {
  if (error === null || error.trim() === '' || error.trim().toLowerCase() === 'offline') return null;
  const key = error.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return /^[a-z_]+$/.test(key) ? translate(`kassa.printers.errors.${key}`, { _: error }) : error;
};
