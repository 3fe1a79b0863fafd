import { resolve } from 'node:path';
import { DeviceOutput } from './device-output';
import { FolderOutput } from './folder-output';
import type { OutputConfig, PrinterOutput } from './printer-output';
import { parseTcpAddress, TcpOutput } from './tcp-output';

export function createOutput(config: OutputConfig): PrinterOutput {
  if ('tcp' in config) {
    const { host, port } = parseTcpAddress(config.tcp);
    return new TcpOutput(host, port);
  }
  if ('device' in config) return new DeviceOutput(resolve(config.device));
  return new FolderOutput(resolve(config.folder));
}
