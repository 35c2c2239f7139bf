/**
 * Desktop start-up time with a full data folder, on the built bundle under the fake Electron:
 *   npm run build && npm run bench:desktop [-- --contacts 10000 --interactions 200000 --runs 5 --data-dir DIR]
 * Seeds DIR with `npm run seed:demo` unless it already holds data (seed once, reuse it), then starts
 * the app `--runs` times on it and as many times on an empty folder (the same-run baseline).
 * Target: the app's own part (from importing out/main until the window's URL is set) under 500 ms
 * at 10k people. The fake's start-up (Node, type stripping, the loader hook) comes before that part
 * and is not Electron's; Electron's own start-up (Chromium) is not in either figure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createSmokeEnv, exitCode, Launcher, startupTiming, waitForPage } from '../smoke-desktop/harness.ts';
import type { StartupTiming } from '../smoke-desktop/harness.ts';

const TARGET_MS = 500;
const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '10000' },
    interactions: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '5' },
    'data-dir': { type: 'string' },
  },
});
const runs = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const scratch = mkdtempSync(join(tmpdir(), 'rapport-bench-desktop-'));
const seeded = resolve(values['data-dir'] ?? join(scratch, 'seeded'));
if (!existsSync(join(seeded, 'rapport.sqlite'))) {
  console.log(`Seeding ${values.contacts} people and ${values.interactions} interactions into ${seeded} …`);
  const seed = spawnSync(
    process.execPath,
    [
      'scripts/seed-demo.ts',
      '--contacts',
      values.contacts,
      '--interactions',
      values.interactions,
      '--data-dir',
      seeded,
    ],
    { stdio: 'inherit' },
  );
  if (seed.status !== 0) process.exit(seed.status ?? 1);
}

/** Starts the app on `dataDir` `runs` times, each until its page loaded, then quits it. */
async function measure(dataDir: string): Promise<StartupTiming[]> {
  const smoke = createSmokeEnv(process.cwd(), false);
  const launcher = new Launcher(smoke);
  const timings: StartupTiming[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const app = launcher.launch({ env: { RAPPORT_DATA_DIR: dataDir } });
      await waitForPage(app, 0, 120_000);
      const timing = startupTiming(app);
      if (!timing) throw new Error(`run ${run + 1}: no start-up timing:\n${app.output}`);
      timings.push(timing);
      await app.command({ name: 'tray.clickMenuItem', path: ['Quit'] });
      if ((await exitCode(app, 60_000)) !== 0) throw new Error(`run ${run + 1} did not quit cleanly:\n${app.output}`);
    }
  } finally {
    await launcher.stopAll();
  }
  return timings;
}

function summary(timings: StartupTiming[]) {
  return {
    coreReady: median(timings.map((t) => t.coreReady)),
    urlSet: median(timings.map((t) => t.urlSet)),
    appCoreReady: median(timings.map((t) => t.coreReady - t.mainImport)),
    appUrlSet: median(timings.map((t) => t.urlSet - t.mainImport)),
  };
}

// Wall-clock figures on a shared machine mean little without its load.
const load = () => `${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
try {
  const loadBefore = load();
  const empty = summary(await measure(join(scratch, 'empty')));
  const full = summary(await measure(seeded));
  const row = (label: string, key: keyof typeof full) =>
    `${label.padEnd(44)} ${String(Math.round(empty[key])).padStart(7)} ${String(Math.round(full[key])).padStart(9)} ${(full[key] / empty[key]).toFixed(2).padStart(7)}`;
  console.log(`\nDesktop start-up, median of ${runs} runs (ms)      empty  ${values.contacts} people   ratio`);
  console.log(row('process start → core ready', 'coreReady'));
  console.log(row('process start → window URL set', 'urlSet'));
  console.log(row("app's part: importing out/main → core ready", 'appCoreReady'));
  console.log(row("app's part: importing out/main → URL set", 'appUrlSet'));
  const verdict = full.appUrlSet < TARGET_MS ? 'meets' : 'misses';
  console.log(`\nThe app's part at ${values.contacts} people ${verdict} the ${TARGET_MS} ms target.`);
  console.log(`Load average (1 min): ${loadBefore} before, ${load()} after.`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
