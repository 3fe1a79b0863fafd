/** Where one printer's bytes go. `write` resolves once the printer (or file) has taken them all. */
export interface PrinterOutput {
  /** e.g. `tcp 192.168.1.50:9100`, for logs */
  readonly description: string;
  write(bytes: Buffer, job: { id: string; sequence: number }): Promise<void>;
}

/** One printer's output as written in the config file. */
export type OutputConfig = { tcp: string } | { device: string } | { folder: string };
