/**
 * What a start after a crash costs: the time from `openCore` to a core that answers, on a folder
 * whose last run did not shut down cleanly, with SQLite's full check before opening (the baseline,
 * as before) and behind it (in a worker), taken in turns on the same folder. Also times the check
 * by itself (node:sqlite, read-only) and how long after the start the background check passed.
 *   node scripts/bench/unclean-start.ts --data-dir DIR [--rounds 3]
 * DIR is a seeded folder (npm run seed:demo); only its rapport-state.json is changed, to say "not
 * clean" before each start. The page cache stays warm after the first read of the file.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openCore } from '../../main/core/core.ts';
import { dataFolder, QUICK_CHECK_SQL } from '../../main/core/lifecycle/data-folder.ts';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, rounds: { type: 'string', default: '3' } },
});
if (!values['data-dir']) {
  console.error('Usage: node scripts/bench/unclean-start.ts --data-dir DIR [--rounds 3]');
  process.exit(2);
}
const folder = dataFolder(values['data-dir']);
const rounds = Number(values.rounds);

function markUnclean() {
  const state = JSON.parse(readFileSync(folder.state, 'utf8')) as object;
  writeFileSync(folder.state, JSON.stringify({ ...state, cleanShutdown: false }));
}

function checkAlone(): number {
  const started = performance.now();
  const db = new DatabaseSync(folder.database, { readOnly: true });
  db.prepare(QUICK_CHECK_SQL).all();
  db.close();
  return performance.now() - started;
}

async function start(fromBytes: number) {
  markUnclean();
  const started = performance.now();
  const core = await openCore({
    dataDir: folder.dir,
    mode: 'desktop',
    version: 'bench',
    backgroundCheck: { fromBytes },
  });
  await core.call('app.info', {});
  const ready = performance.now() - started;
  // The core's event loop while the check runs: free, if the worker does the reading.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const outcome = await core.databaseCheck;
  const checked = performance.now() - started;
  delay.disable();
  await core.close();
  return { ready, checked, outcome, maxDelay: delay.max / 1e6 };
}

const ms = (values: number[]) => values.map((v) => `${v.toFixed(0)}`).join(' / ');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(`${folder.database}: ${(statSync(folder.database).size / 1e6).toFixed(0)} MB, ${rounds} rounds in turns`);
const alone: number[] = [];
const before: number[] = [];
const after: number[] = [];
const passed: number[] = [];
const delays: number[] = [];
for (let round = 0; round < rounds; round++) {
  alone.push(checkAlone());
  before.push((await start(Infinity)).ready);
  const behind = await start(0);
  if (behind.outcome !== 'passed') throw new Error(`The background check answered ${behind.outcome}.`);
  after.push(behind.ready);
  passed.push(behind.checked);
  delays.push(behind.maxDelay);
}
console.log(`quick_check by itself (ms):                     ${ms(alone)}`);
console.log(`start to ready, check before opening (ms):      ${ms(before)}  (baseline)`);
console.log(`start to ready, check in the background (ms):   ${ms(after)}`);
console.log(`start to the background check passing (ms):    ${ms(passed)}`);
console.log(`event loop's longest delay during that (ms):   ${ms(delays)}`);
console.log(`ready, background / baseline (medians):         ${(median(after) / median(before)).toFixed(2)}×`);
