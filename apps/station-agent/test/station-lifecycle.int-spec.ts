import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAgent, until, type AgentProcess } from './agent-process';
import { FakePrinter } from './fake-printer';
import { FakeStationServer } from './fake-station-server';

const TOKEN = 'kst_test_token';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Start, refusal and stop of the agent process: what a store sees when it runs the service. */
describe('station agent process', () => {
  let dir: string;
  let printer: FakePrinter;
  let server: FakeStationServer;
  const agents: AgentProcess[] = [];
  const start = (args: string[]) => {
    const agent = startAgent(args);
    agents.push(agent);
    return agent;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kassa-agent-life-'));
    printer = await FakePrinter.start();
    server = await FakeStationServer.start(TOKEN, [{ id: 'receipt', name: 'Kassa', roles: ['receipt'] }]);
  });
  afterAll(async () => {
    await Promise.all(agents.map((agent) => agent.stop('SIGKILL')));
    await server.close();
    await printer.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with a refused token, says so and retries only once a minute', async () => {
    const agent = start(['--server', server.url, '--token', 'kst_revoked', '--state-dir', join(dir, 'refused')]);
    await agent.waitFor(/refused the station token/);
    await sleep(2500);
    expect(server.handshakes).toBe(1);
    expect(agent.output()).toMatch(/retryInMs=60000/);
    expect(await agent.stop('SIGTERM')).toBe(0);
  });

  it('on SIGTERM finishes the job in flight, acknowledges it and exits 0', async () => {
    const config = join(dir, 'station.json');
    writeFileSync(config, JSON.stringify({ server: server.url, token: TOKEN, stateDir: './state', printers: { receipt: { tcp: printer.address } } }));
    const agent = start(['--config', config]);
    await until(() => server.resumes.length > 0 && server.connected, 20_000, () => agent.output());
    printer.closeDelayMs = 1500;
    const job = server.push('receipt');
    await until(() => printer.printed.length === 1, 10_000, () => agent.output());
    agent.process.kill('SIGTERM');
    expect(await agent.exited).toBe(0);
    expect(job.status).toBe('printed');
    expect(agent.output()).toMatch(/stopping, finishing the job in flight signal=SIGTERM[\s\S]*printed job=job-\d+ printer=Kassa seq=1[\s\S]*stopped/);
    printer.closeDelayMs = 0;
  });

  it('refuses to share its state directory with a running agent', async () => {
    const stateDir = join(dir, 'shared');
    const first = start(['--server', server.url, '--token', TOKEN, '--state-dir', stateDir]);
    await first.waitFor(/connecting/);
    const second = start(['--server', server.url, '--token', TOKEN, '--state-dir', stateDir]);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/another station agent \(pid \d+\) is using/);
    expect(await first.stop('SIGINT')).toBe(0);
  });
});
