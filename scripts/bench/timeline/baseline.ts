/**
 * bench:timeline against a baseline in the same run (issue 10: no line more than 10% worse than
 * the commit before Core v2):
 *   npm run bench:timeline -- --baseline 33d23d6 [--rounds 3 --contacts 2000 --interactions 40000]
 * --baseline is a git ref (checked out in a temporary detached worktree whose node_modules are
 * hard links to this one's, removed afterwards) or a directory holding a checkout of the repo.
 * Each round runs the baseline's own scripts/bench/timeline.ts, then today's, in fresh processes
 * (A B A B …, so a busy spell on the shared machine hits both sides). Rows are matched by name from
 * the printed tables (SQLite column, and the cold-core line); each side's figure is the median
 * over the rounds, and a line passes when today / baseline ≤ 1.10.
 *
 * Both sides run with Node's compile cache on (NODE_COMPILE_CACHE, a folder per side, warmed by
 * the first process), as browser mode and the CLI now start (main/compile-cache.ts): a cold
 * process from source otherwise spends most of its extra memory in Node's TypeScript stripper,
 * which grows with the number of files rather than with what the code does.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const LIMIT = 1.1;
const SCRIPT = 'scripts/bench/timeline.ts';

/** Lines of bench:timeline's output by name → SQLite figure; the cold-core line becomes four. */
export function parseTimelineOutput(text: string): Map<string, number> {
  const figures = new Map<string, number>();
  for (const line of text.split('\n')) {
    // "<name> <target: '-' or '< 15'> <SQLite> <memory> <ratio>×"
    const row = /^(.+?)\s+(?:-|[<≤]\s?[\d.]+)\s+([\d.]+)\s+[\d.]+\s+[\d.]+×\s*$/.exec(line);
    if (row) figures.set(row[1]!.trim(), Number(row[2]));
    const restart = /^search ready after a restart \(first query\)\s+-\s+([\d.]+)/.exec(line);
    if (restart) figures.set('search ready after a restart (first query)', Number(restart[1]));
    const merging = /^keystrokes while the index merged\s+-\s+median ([\d.]+), p95 ([\d.]+)/.exec(line);
    if (merging) {
      figures.set('keystroke median while the index merged', Number(merging[1]));
      figures.set('keystroke p95 while the index merged', Number(merging[2]));
    }
    const cold = /open ([\d.]+) ms \+ first timeline page ([\d.]+) ms = ([\d.]+) ms.*RSS ([\d.]+) MB/.exec(line);
    if (cold) {
      figures.set('cold: open', Number(cold[1]));
      figures.set('cold: first timeline page', Number(cold[2]));
      figures.set('cold: open + first page', Number(cold[3]));
      figures.set('cold: RSS (MB)', Number(cold[4]));
    }
  }
  return figures;
}

function runTimeline(tree: string, args: string[], compileCache: string): Map<string, number> {
  const child = spawnSync(process.execPath, [join(tree, SCRIPT), ...args], {
    cwd: tree,
    env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${tree}/${SCRIPT} failed:\n${child.stderr}`);
  const figures = parseTimelineOutput(child.stdout);
  if (figures.size === 0) throw new Error(`${tree}/${SCRIPT} printed no figures:\n${child.stdout}`);
  return figures;
}

/** A directory to run the baseline from, and how to get rid of it. */
function checkOut(root: string, baseline: string): { tree: string; remove: () => void } {
  if (existsSync(join(baseline, SCRIPT))) return { tree: resolve(baseline), remove: () => {} };
  const commit = execFileSync('git', ['-C', root, 'rev-parse', '--verify', `${baseline}^{commit}`], {
    encoding: 'utf8',
  }).trim();
  const scratch = mkdtempSync(join(tmpdir(), 'rapport-bench-baseline-'));
  const tree = join(scratch, 'tree');
  execFileSync('git', ['-C', root, 'worktree', 'add', '--detach', tree, commit], { stdio: 'ignore' });
  // Hard links: a full copy of the packages in a moment, without touching this checkout's.
  execFileSync('cp', ['-al', join(root, 'node_modules'), join(tree, 'node_modules')]);
  return {
    tree,
    remove: () => {
      execFileSync('git', ['-C', root, 'worktree', 'remove', '--force', tree], { stdio: 'ignore' });
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function compareWithBaseline(options: { root: string; baseline: string; rounds: number; args: string[] }) {
  const { tree, remove } = checkOut(options.root, options.baseline);
  const today: Map<string, number>[] = [];
  const before: Map<string, number>[] = [];
  const caches = mkdtempSync(join(tmpdir(), 'rapport-bench-compile-cache-'));
  try {
    for (let round = 1; round <= options.rounds; round++) {
      console.error(`round ${round}/${options.rounds}: baseline (${tree}) …`);
      before.push(runTimeline(tree, options.args, join(caches, 'baseline')));
      console.error(`round ${round}/${options.rounds}: today (${options.root}) …`);
      today.push(runTimeline(options.root, options.args, join(caches, 'today')));
    }
  } finally {
    remove();
    rmSync(caches, { recursive: true, force: true });
  }
  const names = [...new Set([...today[0]!.keys(), ...before[0]!.keys()])];
  const figure = (runs: Map<string, number>[], name: string) =>
    runs[0]!.has(name) ? median(runs.map((r) => r.get(name)!)) : undefined;
  console.log(
    `\nbench:timeline ${options.args.join(' ')}: today against ${options.baseline}, ` +
      `median of ${options.rounds} interleaved rounds each (SQLite figures; ms unless noted)\n`,
  );
  console.log(`${'line'.padEnd(42)} ${'today'.padStart(9)} ${'baseline'.padStart(9)} ${'ratio'.padStart(7)}  verdict`);
  let failed = 0;
  for (const name of names) {
    const now = figure(today, name);
    const base = figure(before, name);
    const cell = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(2)).padStart(9);
    let verdict = now === undefined ? 'baseline only' : 'today only';
    let ratio = '';
    if (now !== undefined && base !== undefined) {
      ratio = `${(now / base).toFixed(2)}×`;
      verdict = now / base <= LIMIT ? 'PASS' : 'FAIL';
      if (verdict === 'FAIL') failed++;
    }
    console.log(`${name.padEnd(42)} ${cell(now)} ${cell(base)} ${ratio.padStart(7)}  ${verdict}`);
  }
  console.log(failed ? `\n${failed} line(s) more than 10% worse than the baseline.` : '\nEvery line within 10%.');
  if (failed) process.exitCode = 1;
}
