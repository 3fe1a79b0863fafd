import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrinterOutput } from './printer-output';

/** `00000042-<job id>.bin`: sorts in print order; the id is reduced to safe characters. */
export function jobFileName(job: { id: string; sequence: number }): string {
  return `${String(job.sequence).padStart(8, '0')}-${job.id.replace(/[^A-Za-z0-9_-]/g, '_')}.bin`;
}

/**
 * One `.bin` file per job, for testing and for people without a printer (`cat` it to one
 * later). Written to a temp file, synced, then renamed, so a reader never sees half a job.
 */
export class FolderOutput implements PrinterOutput {
  readonly description: string;

  constructor(private readonly folder: string) {
    this.description = `folder ${folder}`;
  }

  async write(bytes: Buffer, job: { id: string; sequence: number }): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const name = jobFileName(job);
    const temp = join(this.folder, `.${name}.${process.pid}.tmp`);
    try {
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, join(this.folder, name));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    const directory = await open(this.folder, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  }
}
