import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeviceOutput } from './device-output';
import { FolderOutput, jobFileName } from './folder-output';
import { parseTcpAddress, TcpOutput } from './tcp-output';

const job = { id: 'job-1', sequence: 7 };

async function listen(onConnection: (socket: Socket) => void): Promise<{ server: Server; port: number }> {
  // Half-open allowed, like a printer: it decides when to close after the client's FIN.
  const server = createServer({ allowHalfOpen: true }, onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

const close = (server: Server) => new Promise((resolve) => server.close(resolve));

describe('TCP output (port 9100)', () => {
  it('resolves once the printer has read every byte and closed, one connection per job', async () => {
    const received: Buffer[] = [];
    let closedByPrinter = false;
    const { server, port } = await listen((socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => {
        received.push(Buffer.concat(chunks));
        // A slow printer: the job counts only once it lets go.
        setTimeout(() => {
          closedByPrinter = true;
          socket.end();
        }, 200);
      });
    });
    const bytes = Buffer.concat([Buffer.from([0x1b, 0x40]), Buffer.from('Kvitto åäö\n', 'latin1'), Buffer.alloc(200_000, 0x2d)]);
    const output = new TcpOutput('127.0.0.1', port);
    await output.write(bytes);
    expect(closedByPrinter).toBe(true);
    await output.write(Buffer.from('second'));
    expect(received).toEqual([bytes, Buffer.from('second')]);
    await close(server);
  });

  it('rejects when nothing listens, so the job stays queued', async () => {
    const { server, port } = await listen(() => undefined);
    await close(server);
    await expect(new TcpOutput('127.0.0.1', port).write(Buffer.from('x'))).rejects.toThrow(/ECONNREFUSED/);
  });

  it('rejects when the printer resets the connection', async () => {
    const { server, port } = await listen((socket) => socket.resetAndDestroy());
    await expect(new TcpOutput('127.0.0.1', port).write(Buffer.alloc(1_000_000, 0x41))).rejects.toThrow();
    await close(server);
  });

  it('rejects on timeout when the printer does not take the bytes', async () => {
    const sockets: Socket[] = [];
    const { server, port } = await listen((socket) => {
      socket.pause();
      sockets.push(socket);
    });
    await expect(new TcpOutput('127.0.0.1', port, 500).write(Buffer.alloc(64 * 1024 * 1024))).rejects.toThrow(/did not take the job/);
    for (const socket of sockets) socket.destroy();
    await close(server);
  });

  it('counts a job as taken when every byte went out but the printer keeps the connection open', async () => {
    const sockets: Socket[] = [];
    const { server, port } = await listen((socket) => {
      socket.resume();
      sockets.push(socket);
    });
    await expect(new TcpOutput('127.0.0.1', port, 300).write(Buffer.from('x'))).resolves.toBeUndefined();
    for (const socket of sockets) socket.destroy();
    await close(server);
  });

  it('reads host:port addresses', () => {
    expect(parseTcpAddress('192.168.1.50:9100')).toEqual({ host: '192.168.1.50', port: 9100 });
    expect(parseTcpAddress('printer.local')).toEqual({ host: 'printer.local', port: 9100 });
    expect(parseTcpAddress('[fe80::1]:9101')).toEqual({ host: 'fe80::1', port: 9101 });
    expect(() => parseTcpAddress('host:99999')).toThrow(/port/);
    expect(() => parseTcpAddress('a:b:c')).toThrow(/host:port/);
  });
});

describe('device file output', () => {
  it('appends every job to the device', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kassa-device-'));
    const device = join(dir, 'lp0');
    writeFileSync(device, 'before|');
    const output = new DeviceOutput(device);
    await output.write(Buffer.from('one|'));
    await output.write(Buffer.from('two'));
    appendFileSync(device, '');
    expect(readFileSync(device, 'utf8')).toBe('before|one|two');
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects when the device cannot be opened', async () => {
    await expect(new DeviceOutput('/nonexistent-dir/lp0').write(Buffer.from('x'))).rejects.toThrow(/ENOENT/);
  });
});

describe('folder output', () => {
  it('writes one <sequence>-<job id>.bin per job and leaves no temp file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kassa-folder-'));
    const folder = join(dir, 'out', 'kitchen');
    const output = new FolderOutput(folder);
    await output.write(Buffer.from([0x1b, 0x40, 0x41]), job);
    await output.write(Buffer.from('B'), { id: 'job-2', sequence: 12 });
    expect(readdirSync(folder).sort()).toEqual(['00000007-job-1.bin', '00000012-job-2.bin']);
    expect(readFileSync(join(folder, '00000007-job-1.bin'))).toEqual(Buffer.from([0x1b, 0x40, 0x41]));
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a job id from naming a path outside the folder', () => {
    expect(jobFileName({ id: '../../etc/passwd', sequence: 1 })).toBe('00000001-______etc_passwd.bin');
  });

  it('rejects when the folder cannot be written, leaving nothing half-written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kassa-folder-'));
    writeFileSync(join(dir, 'file'), '');
    await expect(new FolderOutput(join(dir, 'file', 'out')).write(Buffer.from('x'), job)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['file']);
    rmSync(dir, { recursive: true, force: true });
  });
});
