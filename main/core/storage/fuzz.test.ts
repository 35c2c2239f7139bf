import { afterAll, describe, expect, it } from 'vitest';
import { configureDocumentCache, DEFAULT_CACHE_BYTES } from './doc-cache.ts';
import { runDifferentialFuzz } from './fuzz.ts';

describe('differential fuzz against RxDB memory storage', () => {
  afterAll(() => configureDocumentCache({ maxBytes: DEFAULT_CACHE_BYTES, freeze: false }));
  // Three fixed seeds keep failures replayable; together they run > 2,000 queries.
  // Cached documents are frozen (a mutation by RxDB or the storage would throw);
  // seed 3 runs with a 16 KiB cache so evictions mix hits and misses.
  // Seed 4 runs on a table with padded keys, which tables made before compact keys keep.
  it.each([
    [1, DEFAULT_CACHE_BYTES, 'compact'],
    [2, DEFAULT_CACHE_BYTES, 'compact'],
    [3, 16 * 1024, 'compact'],
    [4, DEFAULT_CACHE_BYTES, 'padded'],
  ] as const)(
    'seed %i (cache budget %i bytes, %s keys) gives identical writes, queries, counts and change pages',
    async (seed, cacheBytes, keys) => {
      configureDocumentCache({ maxBytes: cacheBytes, freeze: true });
      const stats = await runDifferentialFuzz({ seed, rounds: 40, queriesPerRound: 18, keys });
      expect(stats.queries).toBe(40 * 18);
      expect(stats.writes).toBeGreaterThan(200);
      expect(stats.conflicts).toBeGreaterThan(0);
      expect(stats.changePages).toBeGreaterThan(0);
    },
    60_000,
  );
});
