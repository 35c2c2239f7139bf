/**
 * Issue 15: a backup of a lifetime of data, now against a baseline worktree (default
 * refs/heads/main) in the same run, each in a fresh process: time, peak resident memory, the event
 * loop's longest stall during the backup, and reading the written archive as a restore does.
 *   npm run bench:backup [-- --data DIR --contacts 10000 --interactions 200000 --baseline refs/heads/main]
 * Without --data it seeds a folder in a temporary directory. --data is opened (and its backup
 * setting changed): give it a copy, never a folder someone uses.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { addBaselineCheckout, ensureDemoData } from './lifetime-data.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    contacts: { type: 'string', default: '10000' },
    interactions: { type: 'string', default: '200000' },
    baseline: { type: 'string', default: 'refs/heads/main' },
  },
});
const scratch = mkdtempSync(join(tmpdir(), 'rapport-bench-backup-'));
const baseline = join(scratch, 'baseline');
let removeBaseline = () => {};
type Figures = Record<string, number | string | boolean | undefined>;
const child = (tree: string, args: string[]): Figures => {
  const out = spawnSync(process.execPath, [join(root, 'scripts/bench/backup/run.ts'), '--root', tree, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as Figures;
};
const row = (metric: string, now: unknown, before: unknown, ratio = '') =>
  console.log(`| ${metric} | ${String(now)} | ${String(before)} | ${ratio} |`);
const times = (now: number, before: number) => `${(now / before).toFixed(2)}× baseline`;

try {
  const data = values.data ?? join(scratch, 'data');
  ensureDemoData(root, data, values.contacts!, values.interactions!);
  removeBaseline = addBaselineCheckout(root, baseline, values.baseline!);

  const backup = (tree: string, name: string): Figures => {
    const out = join(scratch, name);
    const result = child(tree, ['--data', data, '--out', out]);
    const written = readdirSync(out).find((n) => n.startsWith('rapport-2'));
    return { ...result, archive: written && join(out, written, 'archive.json') };
  };
  const now = backup(root, 'now');
  const before = backup(baseline, 'before');
  console.log(`\nBackup of ${data}\n\n| metric | now | baseline | ratio |\n| --- | --- | --- | --- |`);
  row('backup.runNow answered', now.ok ? 'ok' : now.error, before.ok ? 'ok' : before.error);
  row(
    'time',
    `${(Number(now.ms) / 1000).toFixed(1)} s`,
    `${(Number(before.ms) / 1000).toFixed(1)} s`,
    times(Number(now.ms), Number(before.ms)),
  );
  row('peak RSS after opening', `${now.openedMb} MB`, `${before.openedMb} MB`);
  row(
    'peak RSS after the backup',
    `${now.peakMb} MB`,
    `${before.peakMb} MB`,
    times(Number(now.peakMb), Number(before.peakMb)),
  );
  row(
    'longest event-loop stall during it',
    `${Number(now.longestStallMs).toFixed(0)} ms`,
    `${Number(before.longestStallMs).toFixed(0)} ms`,
    times(Number(now.longestStallMs), Number(before.longestStallMs)),
  );
  row('files written', `${(Number(now.bytes) / 1e6).toFixed(0)} MB`, `${(Number(before.bytes) / 1e6).toFixed(0)} MB`);
  // A restore reads the archive as text, then validates it (this tree: line by line). Same file for both.
  if (now.archive) {
    const readNow = child(root, ['--read', String(now.archive)]);
    const readBefore = child(baseline, ['--read', String(now.archive)]);
    row(
      'restore: read + validate the archive, time',
      `${(Number(readNow.ms) / 1000).toFixed(1)} s`,
      `${(Number(readBefore.ms) / 1000).toFixed(1)} s`,
      times(Number(readNow.ms), Number(readBefore.ms)),
    );
    row(
      'restore: read + validate the archive, peak RSS',
      `${readNow.peakMb} MB`,
      `${readBefore.peakMb} MB`,
      times(Number(readNow.peakMb), Number(readBefore.peakMb)),
    );
  }
} finally {
  removeBaseline();
  rmSync(scratch, { recursive: true, force: true });
}
