import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

export interface AgentProcess {
  readonly process: ChildProcess;
  output(): string;
  /** Resolves when the output matches, rejects after the timeout with the output so far. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code, or the signal's name. */
  stop(signal: NodeJS.Signals): Promise<number | string>;
  exited: Promise<number | string>;
}

/** Runs the station agent as its own process, the way a store runs it. */
export function startAgent(args: string[]): AgentProcess {
  let output = '';
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(root, 'apps/station-agent/src/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', KASSA_STATION_SERVER: '', KASSA_STATION_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return {
    process: child,
    output: () => output,
    exited,
    async waitFor(pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (Date.now() > deadline) throw new Error(`agent output never matched ${pattern}:\n${output}`);
        if (child.exitCode !== null) throw new Error(`agent exited (${child.exitCode}) before ${pattern}:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export async function until(condition: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
