import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { OutputConfig } from './outputs/printer-output';
import { parseTcpAddress } from './outputs/tcp-output';

/** Everything the agent needs, validated; paths are absolute. */
export interface AgentConfig {
  server: string;
  token: string;
  stateDir: string;
  /** printer id (as the server announces it) → where its jobs go */
  printers: Record<string, OutputConfig>;
  /** for printers the server announces but `printers` does not map */
  defaultOutput?: OutputConfig;
  verbose: boolean;
}

export class ConfigError extends Error {}

export const USAGE = `Usage: npm run station -- --server <url> --token <kst_…> [options]

Connects this station to a Kassa server and prints its jobs.

Options:
  --server <url>       the Kassa server, e.g. https://kassa.example.se  (env KASSA_STATION_SERVER)
  --token <token>      the station's device token from the admin           (env KASSA_STATION_TOKEN)
  --state-dir <dir>    where printed job ids are remembered (default ./station-state)
  --config <file>      JSON config: server, token, stateDir, printers, defaultOutput
  --folder <dir>       write jobs of printers without an output to <dir>/<printer id>/
  --verbose            log every event, not only prints and problems
  --help               show this help

Config file:
  { "server": "http://kassa.local:3000", "token": "kst_…", "stateDir": "./station-state",
    "printers": { "<printer id>": { "tcp": "192.168.1.50:9100" },
                  "<printer id>": { "device": "/dev/usb/lp0" },
                  "<printer id>": { "folder": "./out" } },
    "defaultOutput": { "folder": "./out" } }
Flags win over the environment, which wins over the file. Relative paths in the file are
relative to the file.`;

const FILE_KEYS = new Set(['server', 'token', 'stateDir', 'printers', 'defaultOutput']);

/** Reads flags, environment and the config file into one checked config, or throws ConfigError. */
export function loadConfig(argv: string[], env: NodeJS.ProcessEnv, cwd: string): AgentConfig | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        server: { type: 'string' },
        token: { type: 'string' },
        'state-dir': { type: 'string' },
        config: { type: 'string' },
        folder: { type: 'string' },
        verbose: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';

  const file = values.config ? readConfigFile(resolve(cwd, values.config)) : undefined;
  const server = values.server ?? (env.KASSA_STATION_SERVER || undefined) ?? file?.server;
  const token = values.token ?? (env.KASSA_STATION_TOKEN || undefined) ?? file?.token;
  if (!server) throw new ConfigError('--server is required (or "server" in the config file)');
  if (!token) throw new ConfigError('--token is required (or "token" in the config file)');
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new ConfigError(`--server: "${server}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`--server: "${server}" must start with http:// or https://`);

  return {
    server: url.origin,
    token,
    stateDir: values['state-dir'] ? resolve(cwd, values['state-dir']) : (file?.stateDir ?? resolve(cwd, 'station-state')),
    printers: file?.printers ?? {},
    defaultOutput: values.folder ? { folder: resolve(cwd, values.folder) } : file?.defaultOutput,
    verbose: values.verbose ?? false,
  };
}

interface FileConfig {
  server?: string;
  token?: string;
  stateDir?: string;
  printers?: Record<string, OutputConfig>;
  defaultOutput?: OutputConfig;
}

function readConfigFile(path: string): FileConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`--config ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${path}: must hold a JSON object`);
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!FILE_KEYS.has(key)) throw new ConfigError(`${path}: unknown key "${key}" (known: ${[...FILE_KEYS].join(', ')})`);
  const base = dirname(path);
  const config: FileConfig = {};
  for (const key of ['server', 'token', 'stateDir'] as const) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') throw new ConfigError(`${path}: "${key}" must be a non-empty string`);
    config[key] = key === 'stateDir' ? resolve(base, value) : value;
  }
  if (record.printers !== undefined) {
    if (typeof record.printers !== 'object' || record.printers === null || Array.isArray(record.printers)) throw new ConfigError(`${path}: "printers" must map printer ids to outputs`);
    config.printers = {};
    for (const [printerId, output] of Object.entries(record.printers)) config.printers[printerId] = parseOutput(output, `${path}: printers.${printerId}`, base);
  }
  if (record.defaultOutput !== undefined) config.defaultOutput = parseOutput(record.defaultOutput, `${path}: defaultOutput`, base);
  return config;
}

function parseOutput(value: unknown, where: string, base: string): OutputConfig {
  const keys = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
  if (keys.length !== 1 || !['tcp', 'device', 'folder'].includes(keys[0] ?? '')) {
    throw new ConfigError(`${where}: must be exactly one of { "tcp": "host:port" }, { "device": "/dev/usb/lp0" }, { "folder": "./out" }`);
  }
  const [[kind, target]] = Object.entries(value as Record<string, unknown>) as [[string, unknown]];
  if (typeof target !== 'string' || target === '') throw new ConfigError(`${where}.${kind}: must be a non-empty string`);
  if (kind === 'tcp') {
    try {
      parseTcpAddress(target);
    } catch (error) {
      throw new ConfigError(`${where}.tcp: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { tcp: target };
  }
  return kind === 'device' ? { device: resolve(base, target) } : { folder: resolve(base, target) };
}
