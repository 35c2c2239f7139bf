/**
 * Two rounds of the restore kill test in every `npm test`; `npm run stress:storage` runs 50. Each round
 * runs the real `rapport restore` in a child process and SIGKILLs it at a random moment. Two rounds,
 * not more: each costs a child process start (seconds on a loaded 2-core machine), and the harness
 * compares every round with both outcomes, so a round that ends in neither fails. The import has its
 * own file (kill-import.test.ts) so the two run side by side on two workers.
 */
import { describe, expect, it } from 'vitest';
import { killDuringRestore } from './kill-harness.ts';

describe('killed at a random moment', () => {
  it('a restore leaves exactly the data from before or from after', async () => {
    const report = await killDuringRestore({ rounds: 2, incoming: 800, seed: 11 });
    expect(report.before + report.after).toBe(2);
  }, 300_000);
});
