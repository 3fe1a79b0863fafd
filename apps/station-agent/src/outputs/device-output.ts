import { open } from 'node:fs/promises';
import type { PrinterOutput } from './printer-output';

/** A printer device file such as /dev/usb/lp0 (or any file): every job is appended. */
export class DeviceOutput implements PrinterOutput {
  readonly description: string;

  constructor(private readonly path: string) {
    this.description = `device ${path}`;
  }

  async write(bytes: Buffer): Promise<void> {
    const handle = await open(this.path, 'a');
    try {
      // A character device may take fewer bytes than offered; keep writing until all are in.
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
      }
    } finally {
      await handle.close();
    }
  }
}
