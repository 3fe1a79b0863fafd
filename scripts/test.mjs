#!/usr/bin/env node
// `npm test`: builds the api (child-process tests run the real bootstrap) and runs jest.
// PGlite needs --experimental-vm-modules under jest. Ends with a plain
// `tests: N passed, M failed` line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const build = spawnSync('npm', ['run', '--silent', 'build:api'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const resultsDir = mkdtempSync(join(tmpdir(), 'kassa-jest-'));
const results = join(resultsDir, 'results.json');
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings`.trim() };
const jest = spawnSync(
  process.execPath,
  [join(root, 'node_modules/jest/bin/jest.js'), '--json', `--outputFile=${results}`, ...process.argv.slice(2)],
  { cwd: root, env, stdio: 'inherit' },
);
if (existsSync(results)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(readFileSync(results, 'utf8'));
  process.stdout.write(`\ntests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped\n`);
}
rmSync(resultsDir, { recursive: true, force: true });
process.exit(jest.status ?? 1);
