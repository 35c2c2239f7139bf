/**
 * Browser mode: the same core as the desktop app, in plain Node, serving the built renderer and
 * a WebSocket bridge on 127.0.0.1. Started by main/serve.ts; `npm run serve -- --help` lists the
 * options.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fixedClock, systemClock } from '../core/clock.ts';
import { openCore } from '../core/core.ts';
import { DataDirLockedError, DataDirUnusableError } from '../core/data-dir/lock.ts';
import { defaultDataDir } from '../core/paths.ts';
import { startBrowserServer } from './browser-server.ts';

const HELP = `Usage: npm run serve -- [options]

  --data-dir DIR     where Rapport keeps its data (default: ${defaultDataDir()})
  --port N           port on 127.0.0.1 (default: a free one)
  --renderer-dir DIR the built renderer (default: out/renderer; run "npm run build" first)
  --today YYYY-MM-DD pretend today is this date (demos and tests)
  --help             show this text`;

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    'renderer-dir': { type: 'string' },
    today: { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const port = Number(values.port ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  exit(`--port must be a number from 0 to 65535, not "${values.port}".`);
if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
  exit(`--today must look like 2026-03-14, not "${values.today}".`);
const rendererDir = resolve(values['renderer-dir'] ?? 'out/renderer');
try {
  readFileSync(resolve(rendererDir, 'index.html'));
} catch {
  exit(`No built renderer in ${rendererDir}. Run "npm run build" first.`);
}

const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const clock = values.today ? fixedClock(`${values.today}T12:00:00Z`) : systemClock;
const core = await openCore({ dataDir, mode: 'browser', version, clock, jobs: true }).catch((error: unknown) => {
  if (error instanceof DataDirUnusableError) exit(error.message);
  if (error instanceof DataDirLockedError)
    exit(`${error.message}\nQuit that Rapport first, or pass --data-dir to use another folder.`);
  console.error('[rapport] Opening the data folder failed:', error);
  exit(`Rapport could not open ${dataDir}: ${(error as Error).message}`);
});
const server = await startBrowserServer({ core, rendererDir, port });

console.log(`Rapport (browser mode) is running.\n  Open:  ${server.url}\n  Data:  ${dataDir}\nPress Ctrl+C to stop.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // A stop that hangs says where, instead of leaving a process that will not end.
    let step = 'closing the browser connections';
    setTimeout(() => console.error(`[rapport] Still stopping after 10 s: ${step}.`), 10_000).unref();
    void server
      .close()
      .then(() => {
        step = 'closing the core (background jobs, sync, the database)';
        return core.close();
      })
      .then(() => process.exit(0));
  });
}

function exit(message: string): never {
  console.error(message);
  process.exit(2);
}
