export const PRINTING_OPTIONS = Symbol('PRINTING_OPTIONS');

/** Typed options the app hands to the printing lib; the lib never reads the environment. */
export interface PrintingOptions {
  /** Seconds a printer may stay offline (or its station away) before it counts as failed: alert, PrinterFailed, fallback. */
  readonly offlineAlertSeconds: number;
}
