/**
 * The api as a benchmark's child process, booted the way main.ts boots it. It reports its port
 * to the parent, drains and exits when the parent goes away, and profiles its CPU on request
 * (`{ profile: 'start' }`, then `{ profile: 'stop', file }`), so a profile covers one window of
 * load and not booting or seeding.
 */
import cluster from 'node:cluster';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

export async function serveApi(): Promise<void> {
  const { closeOnSignals, createApp } = await import('../../apps/api/src/bootstrap');
  const { parseEnvironment } = await import('../../apps/api/src/config/environment');
  const { buildConfig } = await import('../../apps/api/src/config/kassa-config');
  const config = buildConfig(parseEnvironment(process.env));
  if (config.http.processes > 1 && cluster.isPrimary) {
    // KASSA_PROCESSES: this process becomes the cluster primary, as main.ts does; the workers
    // run this same script and serve. Profiling needs the app in the process it talks to.
    const { runProcesses } = await import('../../apps/api/src/cluster');
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
    const port = await runProcesses(config.http.processes, () => undefined);
    process.send?.({ port });
    return;
  }
  const { app } = await createApp(config);
  closeOnSignals(app);
  // The parent is gone (crashed or killed): drain and exit like on SIGTERM.
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  // --cpu-prof: the parent asks for a profile of a window of load, not of booting or seeding.
  let session: Session | undefined;
  process.on('message', (message: { profile?: 'start' | 'stop'; file?: string }) => {
    void (async () => {
      if (message.profile === 'start') {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
        process.send?.({ profiling: true });
      } else if (message.profile === 'stop' && session && message.file) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(message.file, JSON.stringify(profile));
        session.disconnect();
        process.send?.({ profiled: message.file });
      }
    })();
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  if (cluster.isWorker) {
    const { reportListening } = await import('../../apps/api/src/cluster');
    reportListening(port, '');
  } else process.send?.({ port });
}
