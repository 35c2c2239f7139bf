import { describe, expect, it } from 'vitest';
import { runCrashCycles } from './crash-shared.ts';
import { makeTempDir } from './test-helpers.ts';

// Eight kills, not more: each starts a child process (about a second on a loaded 2-core machine) and
// every one is checked the same way; rarer kill moments are the long run's job: `npm run
// stress:storage` runs 120 (scripts/stress/storage-crash.ts).
const CYCLES = 8;

describe('crash safety', () => {
  it(`holds exactly a prefix of committed batches after each of ${CYCLES} SIGKILLs`, async () => {
    const temp = makeTempDir('rapport-crash-');
    try {
      const result = await runCrashCycles({ directory: temp.dir, cycles: CYCLES, seed: 7, docsPerBatch: 100 });
      expect(result.cycles).toBe(CYCLES);
      // Progress across restarts proves each child resumed from the surviving prefix.
      expect(result.batchesCommitted).toBeGreaterThan(CYCLES);
      expect(result.batchesCommitted - 1).toBeGreaterThanOrEqual(result.maxAckedBatch);
    } finally {
      temp.dispose();
    }
  }, 120_000);
});
