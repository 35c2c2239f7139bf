/**
 * 50 SIGKILLs at random moments of a restore (300 people replaced by 5,000), 50 of putting the
 * safety copy of the 300 back, and 50 of an import (5,000 cards into 300 people, 50 of them merges), then a kill before and after every storage
 * write of a quick capture (new and known person), of a log with new people and a detail, of a
 * merge of two people, of deleting two people, of the undo of that, and of the deletes of one
 * document (an interaction, an event, a ladder, a session, in a row); each checked document by document.
 *   node scripts/stress/kill-restore-import.ts [--rounds 50] [--incoming 5000]
 */
import { parseArgs } from 'node:util';
import {
  killDuringImport,
  killDuringRestore,
  killDuringSafetyCopyPutBack,
} from '../../main/core/lifecycle/kill-harness.ts';
import { killDuringOperation } from '../../main/core/lifecycle/kill-operations.ts';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '50' }, incoming: { type: 'string', default: '5000' } },
});
const options = { rounds: Number(values.rounds), incoming: Number(values.incoming) };
for (const [label, run] of [
  ['restore', killDuringRestore],
  ['safety-copy put-back', killDuringSafetyCopyPutBack],
  ['import', killDuringImport],
] as const) {
  const started = performance.now();
  const report = await run({ ...options, seed: label.length });
  console.log(
    `${label}: ${report.rounds} kills, ${report.before} left the data from before and ${report.after} the data from after (0 anything else); an uninterrupted ${label} took ${(report.fullMs / 1000).toFixed(1)} s; ${((performance.now() - started) / 1000).toFixed(0)} s in all`,
  );
}
for (const operation of [
  'capture-new',
  'capture-known',
  'log',
  'merge',
  'delete-people',
  'undo',
  'one-by-one',
  'log-intro',
  'undo-intro',
] as const) {
  const started = performance.now();
  const report = await killDuringOperation(operation);
  console.log(
    `${operation}: ${report.writes} storage writes, killed before and after each: ${report.before} left the data from before and ${report.after} the data from after${report.between ? `, ${report.between} the data between two of its deletes` : ''} (0 anything else); ${((performance.now() - started) / 1000).toFixed(0)} s in all`,
  );
}
