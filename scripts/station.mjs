#!/usr/bin/env node
// `npm run station -- --server <url> --token <kst_…>`: builds the agent if its sources changed
// (about a second, with the api), then runs it in this process with plain node.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfStale, root } from './build-if-stale.mjs';

const main = join(root, 'dist/apps/station-agent/src/main.js');
// Build messages go to stderr so stdout holds only the agent's log lines.
buildIfStale('the station agent', ['apps/station-agent/src'], main, 'build:api', process.stderr);
// npm runs scripts from the repository root; relative paths are meant from where it was typed.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
process.setSourceMapsEnabled(true);
await import(pathToFileURL(main).href);
