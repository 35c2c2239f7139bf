/**
 * What the write journal costs a merge of two people: the same merges, taken in turns with the
 * journal's files written (as in the app) and not written (the baseline: its file writes and
 * flushes skipped, everything else the same), in one process on one database.
 *   node scripts/bench/journal-merge.ts [--pairs 40]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { journalSwitch, printComparison } from './journal-switch.ts';

const { values } = parseArgs({ options: { pairs: { type: 'string', default: '40' } } });
const pairs = Number(values.pairs);

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
    journalSwitch.off = i % 2 === 1;
    if (i === 2) journalSwitch.skippedCalls = 0;
    const started = performance.now();
    await core.call('contacts.merge', { primaryId, secondaryId, fields: { displayName: `Person ${i}` } });
    // The first two warm up.
    if (i >= 2) times[journalSwitch.off ? 'without' : 'with'].push(performance.now() - started);
  }
  journalSwitch.off = false;
  printComparison('merge', times);
} finally {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
}
