import cluster, { Worker } from 'node:cluster';

/** What a worker tells the primary once it listens. */
export interface Listening {
  readonly kassa: 'listening';
  readonly port: number;
  readonly banner: string;
}

const RESTART_DELAY_MS = 1000;

export function isListening(message: unknown): message is Listening {
  return typeof message === 'object' && message !== null && (message as { kassa?: unknown }).kassa === 'listening';
}

/** In a worker of `runProcesses`: tells the primary the api is serving. */
export function reportListening(port: number, banner: string): void {
  if (cluster.isWorker) process.send?.({ kassa: 'listening', port, banner } satisfies Listening);
}

/**
 * The primary of KASSA_PROCESSES > 1: `count` copies of the api in worker processes that share
 * the port (node:cluster hands each new connection to one of them), so one box uses all its
 * cores. Each worker is a full replica, as behind any load balancer: PostgreSQL rows decide who
 * delivers an outbox message or sends a notification, and Redis carries socket events between
 * workers. The first worker boots alone (migrations, first-start seeding), the rest after it
 * listens. A worker that dies is replaced; SIGTERM or SIGINT drains them all. Answers the port
 * they share.
 */
export async function runProcesses(count: number, announce: (banner: string) => void): Promise<number> {
  let stopping = false;
  const log = (line: string) => process.stdout.write(`${line}\n`);

  const start = (index: number): Promise<Listening> =>
    new Promise((resolve, reject) => {
      const worker: Worker = cluster.fork({ KASSA_PROCESS_INDEX: String(index) });
      let up = false;
      worker.on('message', (message: unknown) => {
        if (!isListening(message)) return;
        up = true;
        resolve(message);
      });
      worker.on('exit', (code, signal) => {
        if (!up) {
          reject(new Error(`Api process ${index} stopped before it listened (${signal ?? `exit code ${code}`})`));
          return;
        }
        if (stopping) return;
        log(`Api process ${index} (pid ${worker.process.pid}) stopped (${signal ?? `exit code ${code}`}); starting another`);
        setTimeout(() => {
          if (!stopping) start(index).catch((error: Error) => log(error.message));
        }, RESTART_DELAY_MS);
      });
    });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    let left = workers.length;
    if (left === 0) process.exit(0);
    for (const worker of workers) {
      worker.once('exit', () => {
        left -= 1;
        if (left === 0) process.exit(0);
      });
      worker.process.kill(signal);
    }
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGTERM'));

  const first = await start(0);
  await Promise.all(Array.from({ length: count - 1 }, (_, i) => start(i + 1)));
  announce(`${first.banner}\n  Processes:      ${count} (pids ${Object.values(cluster.workers ?? {}).map((w) => w?.process.pid).join(', ')})`);
  return first.port;
}
