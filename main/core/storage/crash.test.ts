import { describe, expect, it } from 'vitest';
import { runCrashCycles } from './crash-shared.ts';
import { makeTempDir } from './test-helpers.ts';

describe('crash safety', () => {
  it('holds exactly a prefix of committed batches after each of 20 SIGKILLs', async () => {
    const temp = makeTempDir('rapport-crash-');
    try {
      const result = await runCrashCycles({ directory: temp.dir, cycles: 20, seed: 7, docsPerBatch: 100 });
      expect(result.cycles).toBe(20);
      // Progress across restarts proves each child resumed from the surviving prefix.
      expect(result.batchesCommitted).toBeGreaterThan(20);
      expect(result.batchesCommitted - 1).toBeGreaterThanOrEqual(result.maxAckedBatch);
    } finally {
      temp.dispose();
    }
  }, 60_000);
});
