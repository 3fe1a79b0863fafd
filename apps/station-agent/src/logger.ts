// One line per event on stdout (errors on stderr): time, level, message, then key=value pairs,
// so `journalctl -u kassa-station | grep job=…` finds a job's whole story.

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Only with --verbose. */
  debug(message: string, fields?: LogFields): void;
}

function formatValue(value: string | number | boolean | null): string {
  const text = String(value);
  return /^[^\s"=]+$/.test(text) ? text : JSON.stringify(text);
}

export function formatLine(level: string, message: string, fields: LogFields = {}): string {
  const pairs = Object.entries(fields)
    .filter((entry): entry is [string, string | number | boolean | null] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${formatValue(value)}`);
  return [new Date().toISOString(), level.padEnd(5), message, ...pairs].join(' ');
}

export function createLogger(options: { verbose: boolean; out?: NodeJS.WritableStream; err?: NodeJS.WritableStream }): Logger {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  return {
    info: (message, fields) => out.write(`${formatLine('info', message, fields)}\n`),
    warn: (message, fields) => err.write(`${formatLine('warn', message, fields)}\n`),
    error: (message, fields) => err.write(`${formatLine('error', message, fields)}\n`),
    debug: (message, fields) => {
      if (options.verbose) out.write(`${formatLine('debug', message, fields)}\n`);
    },
  };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
