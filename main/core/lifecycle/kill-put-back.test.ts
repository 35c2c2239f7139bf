/**
 * Two rounds of the safety-copy put-back kill test in every `npm test` (Settings → Backups → Safety
 * copies, `rapport restore --safety-copy`); `npm run stress:storage` runs 50. Each round SIGKILLs
 * the real command at a random moment; the harness fails a round that ends in neither state.
 */
import { describe, expect, it } from 'vitest';
import { killDuringSafetyCopyPutBack } from './kill-harness.ts';

describe('killed at a random moment', () => {
  it('putting a safety copy back leaves exactly the data from before or from after', async () => {
    const report = await killDuringSafetyCopyPutBack({ rounds: 2, incoming: 800, seed: 13 });
    expect(report.before + report.after).toBe(2);
  }, 300_000);
});
