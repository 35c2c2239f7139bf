/**
 * What the write journal costs a merge of two people: the same merges, taken in turns with the
 * journal's files written (as in the app) and not written (the baseline: its file writes and
 * flushes skipped, everything else the same), in one process on one database.
 *   node scripts/bench/journal-merge.ts [--pairs 40]
 */
import fs, { mkdtempSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { pairs: { type: 'string', default: '40' } } });
const pairs = Number(values.pairs);

// The baseline: calls on the journal folder do nothing (a folder that cannot be opened is not
// flushed, as on Windows). Patched before the core is loaded, for its `node:fs` imports.
let journalOff = false;
let skippedCalls = 0;
const inJournal = (path: unknown) =>
  journalOff && typeof path === 'string' && (path.includes(`${sep}journal${sep}`) || path.endsWith(`${sep}journal`));
const skip = <F extends (path: never, ...rest: never[]) => unknown>(original: F, skipped: () => unknown) =>
  ((path: never, ...rest: never[]) =>
    inJournal(path) ? (skippedCalls++, skipped()) : original(path, ...rest)) as unknown as F;
fs.writeFileSync = skip(fs.writeFileSync, () => undefined);
fs.renameSync = skip(fs.renameSync, () => undefined);
fs.rmSync = skip(fs.rmSync, () => undefined);
fs.mkdirSync = skip(fs.mkdirSync, () => undefined);
fs.openSync = skip(fs.openSync, () => {
  throw new Error('skipped');
});
syncBuiltinESMExports();

const { openCore } = await import('../../main/core/core.ts');
const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-merge-'));
const core = await openCore({ dataDir: dir, mode: 'desktop', version: 'bench' });
try {
  // Each pair: the kept person and a duplicate with three interactions (one shared), two details
  // and a colleague, so every one of the merge's writes happens.
  const plan: { primaryId: string; secondaryId: string }[] = [];
  for (let i = 0; i < pairs; i++) {
    const primary = await core.call('contacts.create', { displayName: `Person ${i}` });
    const secondary = await core.call('contacts.create', { displayName: `P. ${i}` });
    const colleague = await core.call('contacts.create', { displayName: `Colleague ${i}` });
    for (const [contactIds, text] of [
      [[secondary.id], 'Moving to Leeds'],
      [[secondary.id, primary.id], 'Learning Portuguese'],
      [[secondary.id, colleague.id], undefined],
    ] as const) {
      await core.call('interactions.log', {
        interaction: { type: 'coffee', date: '2026-02-10', contactIds: [...contactIds] },
        newPeople: [],
        details: text ? [{ text, contactId: secondary.id }] : [],
      });
    }
    await core.call('network.relate', { fromId: secondary.id, toId: colleague.id, kind: 'works-with' });
    plan.push({ primaryId: primary.id, secondaryId: secondary.id });
  }

  const times = { with: [] as number[], without: [] as number[] };
  for (const [i, { primaryId, secondaryId }] of plan.entries()) {
    journalOff = i % 2 === 1;
    if (i === 2) skippedCalls = 0;
    const started = performance.now();
    await core.call('contacts.merge', { primaryId, secondaryId, fields: { displayName: `Person ${i}` } });
    // The first two warm up.
    if (i >= 2) times[journalOff ? 'without' : 'with'].push(performance.now() - started);
  }
  journalOff = false;
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const p90 = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length * 0.9)]!;
  const line = (label: string, list: number[]) =>
    `${label}: median ${median(list).toFixed(1)} ms, p90 ${p90(list).toFixed(1)} ms (${list.length} merges)`;
  console.log(line('merge with the journal', times.with));
  console.log(line('merge without (baseline)', times.without));
  console.log(`ratio of medians: ${(median(times.with) / median(times.without)).toFixed(2)}`);
  console.log(`journal file calls skipped in the baseline: ${skippedCalls / times.without.length} a merge`);
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
} finally {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
