import { describe, expect, it } from 'vitest';
import { runDifferentialFuzz } from './fuzz.ts';

describe('differential fuzz against RxDB memory storage', () => {
  // Three fixed seeds keep failures replayable; together they run > 2,000 queries.
  it.each([1, 2, 3])('seed %i gives identical writes, queries, counts and change pages', async (seed) => {
    const stats = await runDifferentialFuzz({ seed, rounds: 40, queriesPerRound: 18 });
    expect(stats.queries).toBe(40 * 18);
    expect(stats.writes).toBeGreaterThan(200);
    expect(stats.conflicts).toBeGreaterThan(0);
    expect(stats.changePages).toBeGreaterThan(0);
  }, 60_000);
});
