import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAgent, until, type AgentProcess } from './agent-process';
import { FakePrinter } from './fake-printer';
import { FakeStationServer } from './fake-station-server';

const TOKEN = 'kst_test_token';

/**
 * The agent is killed (SIGKILL) the moment its acknowledgement reaches the server, before the
 * server confirms it: the job is on paper but the server still thinks it unprinted. After a
 * restart the server replays it, and the agent acknowledges it without printing it again.
 * (A kill while the printer is still taking a job, before it confirms, prints that job again
 * after the restart — the agent cannot know whether it came out, and a lost ticket is worse.)
 */
describe('station agent killed between printing and the confirmed ack', () => {
  let dir: string;
  let printer: FakePrinter;
  let server: FakeStationServer;
  const agents: AgentProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kassa-agent-crash-'));
    printer = await FakePrinter.start();
    server = await FakeStationServer.start(TOKEN, [{ id: 'receipt', name: 'Kassa', roles: ['receipt', 'kitchen'] }]);
  });
  afterAll(async () => {
    await Promise.all(agents.map((agent) => agent.stop('SIGKILL')));
    await server.close();
    await printer.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the job once and acknowledges it after the restart', async () => {
    const config = join(dir, 'station.json');
    writeFileSync(config, JSON.stringify({ server: server.url, token: TOKEN, stateDir: join(dir, 'state'), printers: { receipt: { tcp: printer.address } } }));
    let killed = false;
    const crashing = startAgent(['--config', config]);
    agents.push(crashing);
    server.onAck = () => {
      if (killed) return true;
      killed = true;
      crashing.process.kill('SIGKILL');
      return false;
    };
    await until(() => server.resumes.length === 1, 20_000, () => crashing.output());
    const job = server.push('receipt');
    expect(await crashing.exited).toBe('SIGKILL');
    expect(printer.texts()).toEqual([job.text]);
    expect(job.status).toBe('queued');

    const restarted = startAgent(['--config', config]);
    agents.push(restarted);
    await until(() => server.resumes.length === 2, 20_000, () => restarted.output());
    server.push('receipt');
    server.push('receipt');
    await until(() => server.jobs.every((j) => j.status === 'printed'), 20_000, () => restarted.output());
    expect(printer.texts()).toEqual(server.jobs.map((j) => j.text));
    expect(restarted.output()).toMatch(new RegExp(`job already printed, acknowledged again job=${job.id} printer=Kassa seq=1`));
    expect(await restarted.stop('SIGINT')).toBe(0);
  }, 60_000);
});
