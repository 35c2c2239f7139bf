/**
 * A few rounds of the kill tests in every `npm test`; `npm run stress:storage` runs 50 of each.
 * Each round runs the real `rapport` command in a child process and SIGKILLs it at random.
 */
import { describe, expect, it } from 'vitest';
import { killDuringImport, killDuringRestore } from './kill-harness.ts';

describe('killed at a random moment', () => {
  it('a restore leaves exactly the data from before or from after', async () => {
    const report = await killDuringRestore({ rounds: 3, incoming: 800, seed: 11 });
    expect(report.before + report.after).toBe(3);
  }, 300_000);

  it('an import leaves exactly the data from before or from after, and running it again adds no duplicates', async () => {
    const report = await killDuringImport({ rounds: 3, incoming: 800, seed: 12 });
    expect(report.before + report.after).toBe(3);
  }, 300_000);
});
