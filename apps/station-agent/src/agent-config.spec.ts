import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './agent-config';

describe('station agent configuration', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kassa-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes flags, with a default state directory in the working directory', () => {
    expect(loadConfig(['--server', 'http://kassa.local:3000/', '--token', 'kst_abc', '--verbose'], {}, '/srv/station')).toEqual({
      server: 'http://kassa.local:3000',
      token: 'kst_abc',
      stateDir: '/srv/station/station-state',
      printers: {},
      defaultOutput: undefined,
      verbose: true,
    });
  });

  it('reads a config file with per-printer outputs, paths relative to the file, flags and env winning', () => {
    const file = join(dir, 'station.json');
    writeFileSync(
      file,
      JSON.stringify({
        server: 'http://file:3000',
        token: 'kst_file',
        stateDir: './state',
        printers: { p1: { tcp: '192.168.1.50:9100' }, p2: { device: '/dev/usb/lp0' }, p3: { folder: 'out' } },
        defaultOutput: { folder: './rest' },
      }),
    );
    const config = loadConfig(['--config', file, '--token', 'kst_flag'], { KASSA_STATION_SERVER: 'https://env.example' }, '/elsewhere');
    expect(config).toEqual({
      server: 'https://env.example',
      token: 'kst_flag',
      stateDir: join(dir, 'state'),
      printers: { p1: { tcp: '192.168.1.50:9100' }, p2: { device: '/dev/usb/lp0' }, p3: { folder: join(dir, 'out') } },
      defaultOutput: { folder: join(dir, 'rest') },
      verbose: false,
    });
  });

  it.each([
    [[], /--server is required/],
    [['--server', 'http://x'], /--token is required/],
    [['--server', 'ftp://x', '--token', 't'], /must start with http/],
    [['--server', 'http://x', '--token', 't', '--prnter', 'x'], /Unknown option '--prnter'/],
  ])('refuses %j naming the problem', (argv, message) => {
    expect(() => loadConfig(argv, {}, dir)).toThrow(message);
  });

  it.each([
    [{ printer: {} }, /unknown key "printer"/],
    [{ printers: { p1: { tcp: 'a:b:c' } } }, /printers\.p1\.tcp: "a:b:c" is not host:port/],
    [{ printers: { p1: { tcp: 'x', folder: 'y' } } }, /printers\.p1: must be exactly one of/],
    [{ defaultOutput: { usb: 'x' } }, /defaultOutput: must be exactly one of/],
    [{ token: 3 }, /"token" must be a non-empty string/],
  ])('refuses config file %j naming the field', (content, message) => {
    const file = join(dir, 'station.json');
    writeFileSync(file, JSON.stringify({ server: 'http://x', token: 't', ...content }));
    expect(() => loadConfig(['--config', file], {}, dir)).toThrow(ConfigError);
    expect(() => loadConfig(['--config', file], {}, dir)).toThrow(message);
  });
});
