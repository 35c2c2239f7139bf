/**
 * The baseline of the write-journal benches (journal-merge.ts, journal-delete.ts): while `off`,
 * calls on the journal folder do nothing (a folder that cannot be opened is not flushed, as on
 * Windows), everything else the same. Import this before the core, for its `node:fs` imports.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { sep } from 'node:path';

export const journalSwitch = { off: false, skippedCalls: 0 };

const inJournal = (path: unknown) =>
  journalSwitch.off &&
  typeof path === 'string' &&
  (path.includes(`${sep}journal${sep}`) || path.endsWith(`${sep}journal`));
const skip = <F extends (path: never, ...rest: never[]) => unknown>(original: F, skipped: () => unknown) =>
  ((path: never, ...rest: never[]) =>
    inJournal(path) ? (journalSwitch.skippedCalls++, skipped()) : original(path, ...rest)) as unknown as F;
fs.writeFileSync = skip(fs.writeFileSync, () => undefined);
fs.renameSync = skip(fs.renameSync, () => undefined);
fs.rmSync = skip(fs.rmSync, () => undefined);
fs.mkdirSync = skip(fs.mkdirSync, () => undefined);
fs.openSync = skip(fs.openSync, () => {
  throw new Error('skipped');
});
syncBuiltinESMExports();

/** Prints both sides' median and p90, their ratio, the skipped calls per run and the load. */
export function printComparison(noun: string, times: { with: number[]; without: number[] }): void {
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const p90 = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length * 0.9)]!;
  const line = (label: string, list: number[]) =>
    `${label}: median ${median(list).toFixed(1)} ms, p90 ${p90(list).toFixed(1)} ms (${list.length} runs)`;
  console.log(line(`${noun} with the journal`, times.with));
  console.log(line(`${noun} without (baseline)`, times.without));
  console.log(`ratio of medians: ${(median(times.with) / median(times.without)).toFixed(2)}`);
  console.log(
    `journal file calls skipped in the baseline: ${journalSwitch.skippedCalls / times.without.length} per run`,
  );
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
}
