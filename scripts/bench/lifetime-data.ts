/**
 * What the lifetime benchmarks (bench:scale, bench:backup) share: a demo dataset built once in a
 * folder (or reused), and a baseline checkout of another commit to measure in the same run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Seeds `people` / `interactions` into `dir` with seed:demo unless it already holds a database. */
export function ensureDemoData(root: string, dir: string, people: string, interactions: string): void {
  if (existsSync(join(dir, 'rapport.sqlite'))) return;
  console.log(`Building ${people} people / ${interactions} interactions in ${dir} …`);
  execFileSync(
    process.execPath,
    [
      join(root, 'scripts/seed-demo.ts'),
      ...['--data-dir', dir, '--contacts', people, '--interactions', interactions],
      ...['--today', '2026-11-30'],
    ],
    { stdio: 'inherit' },
  );
}

/** Checks `ref` out in `dir` (detached, sharing this checkout's node_modules); returns its remover. */
export function addBaselineCheckout(root: string, dir: string, ref: string): () => void {
  execFileSync('git', ['-C', root, 'worktree', 'add', '--detach', dir, ref], { stdio: 'ignore' });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return () => void spawnSync('git', ['-C', root, 'worktree', 'remove', '--force', dir]);
}
