/**
 * Two rounds of the import kill test in every `npm test`; `npm run stress:storage` runs 50. Each round
 * runs the real `rapport import` in a child process, SIGKILLs it at a random moment, and runs an
 * import that was cut off again to the end. Two rounds, not more: each costs up to two child process
 * starts, and seed 12 kills at 29% and 8% of an uninterrupted run's time after the first progress
 * line, well before the import commits, so the run-again path is taken (asserted below). The restore has its own file (kill-restore.test.ts) so the two run side by side.
 */
import { describe, expect, it } from 'vitest';
import { killDuringImport } from './kill-harness.ts';

describe('killed at a random moment', () => {
  it('an import leaves exactly the data from before or from after, and running it again adds no duplicates', async () => {
    const report = await killDuringImport({ rounds: 2, incoming: 800, seed: 12 });
    expect(report.before + report.after).toBe(2);
    // At least one cut-off import was run again to the end and compared with an uninterrupted one.
    expect(report.before).toBeGreaterThanOrEqual(1);
  }, 300_000);
});
