/**
 * Three rounds of the import kill test in every `npm test`; `npm run stress:storage` runs 50. Each
 * round runs the real `rapport import` in a child process, SIGKILLs it at a random moment, and runs
 * an import that was cut off again to the end. Kept at three (the count before the split) because
 * whether a round takes the run-again path depends on where its kill lands. The restore has its own
 * file (kill-restore.test.ts) so the two run side by side on two workers.
 */
import { describe, expect, it } from 'vitest';
import { killDuringImport } from './kill-harness.ts';

describe('killed at a random moment', () => {
  it('an import leaves exactly the data from before or from after, and running it again adds no duplicates', async () => {
    const report = await killDuringImport({ rounds: 3, incoming: 800, seed: 12 });
    expect(report.before + report.after).toBe(3);
  }, 300_000);
});
