import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'agent.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the state directory for this process: two agents sharing one would both print every
 * job. A lock left by a process that is gone (killed, power cut) is taken over.
 */
export function lockStateDir(stateDir: string): () => void {
  const file = join(stateDir, LOCK_FILE);
  try {
    writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      throw new Error(`another station agent (pid ${holder}) is using ${stateDir}; give each agent its own --state-dir`);
    }
    writeFileSync(file, `${process.pid}\n`);
  }
  return () => rmSync(file, { force: true });
}
