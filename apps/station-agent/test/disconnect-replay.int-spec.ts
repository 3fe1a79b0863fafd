import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAgent, until, type AgentProcess } from './agent-process';
import { FakePrinter } from './fake-printer';
import { FakeStationServer } from './fake-station-server';

const TOKEN = 'kst_test_token';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The agent as a real process against a server that cuts it off in the middle of a burst,
 * replays everything unacknowledged and sends every live job twice, and a receipt printer
 * that dies for a while: every job comes out of its printer exactly once and in order, and
 * the kitchen printer keeps printing while the receipt printer is dead.
 */
describe('station agent through a disconnect and a dead printer', () => {
  let dir: string;
  let receipt: FakePrinter;
  let kitchen: FakePrinter;
  let server: FakeStationServer;
  let agent: AgentProcess | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kassa-agent-'));
    receipt = await FakePrinter.start();
    kitchen = await FakePrinter.start();
    server = await FakeStationServer.start(TOKEN, [
      { id: 'receipt', name: 'Kassa', roles: ['receipt'], columns: 48, language: 'escpos', codepage: 'cp858', cashDrawer: true },
      { id: 'kitchen', name: 'Kök', roles: ['kitchen'], columns: 42, language: 'escpos', codepage: 'cp858', cashDrawer: false },
    ]);
  });
  afterAll(async () => {
    await agent?.stop('SIGKILL');
    await server.close();
    await receipt.kill();
    await kitchen.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints every job exactly once, in order, per printer', async () => {
    const config = join(dir, 'station.json');
    writeFileSync(config, JSON.stringify({ server: server.url, token: TOKEN, stateDir: './state', printers: { receipt: { tcp: receipt.address }, kitchen: { tcp: kitchen.address } } }));
    agent = startAgent(['--config', config, '--verbose']);
    await until(() => server.resumes.length === 1, 20_000, () => `no resume:\n${agent?.output()}`);
    server.duplicateLiveJobs = true;
    const push = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        server.push(server.jobs.length % 3 === 2 ? 'kitchen' : 'receipt');
        await sleep(25);
      }
    };

    await push(15);
    server.disconnectStation();
    await push(10);
    await until(() => server.resumes.length === 2 && server.connected, 10_000, () => `no reconnect:\n${agent?.output()}`);
    await receipt.kill();
    const receiptDeadFrom = Date.now();
    await push(20);
    await sleep(1000);
    const receiptDeadUntil = Date.now();
    await receipt.revive();
    await push(15);

    await until(
      () => server.jobs.every((job) => job.status === 'printed'),
      30_000,
      () => `unprinted: ${server.jobs.filter((j) => j.status !== 'printed').map((j) => j.id).join(', ')}\n${agent?.output()}`,
    );
    await sleep(300);

    for (const [printerId, printer] of [['receipt', receipt], ['kitchen', kitchen]] as const) {
      const expected = server.jobs.filter((job) => job.printerId === printerId).sort((a, b) => a.sequence - b.sequence);
      expect(printer.texts()).toEqual(expected.map((job) => Buffer.from(job.text, 'latin1').toString('latin1')));
    }
    expect(server.jobs).toHaveLength(60);
    expect(server.acks.filter((ack) => ack.status !== 'printed')).toEqual([]);
    expect(server.connections).toBe(2);
    // The second resume told the server how far each printer had come.
    expect(server.resumes[1].printers.receipt).toBeGreaterThan(0);
    // The dead printer was reported, and reported back; the other one kept printing meanwhile.
    const receiptStatuses = server.statuses.filter((s) => s.printerId === 'receipt').map((s) => s.online);
    expect(receiptStatuses.slice(-2)).toEqual([false, true]);
    expect(kitchen.printed.some((job) => job.at > receiptDeadFrom && job.at < receiptDeadUntil)).toBe(true);
    // One log line per event, naming job, printer and sequence.
    expect(agent.output()).toMatch(/printed job=job-0001 printer=Kassa seq=1 /);
    expect(agent.output()).toMatch(/print failed, will retry job=job-\d+ printer=Kassa seq=\d+ .*ECONNREFUSED/);
    expect(agent.output()).toMatch(/disconnected reason="io server disconnect"/);

    expect(await agent.stop('SIGTERM')).toBe(0);
  }, 90_000);
});
