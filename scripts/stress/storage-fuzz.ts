/**
 * Bigger differential fuzz run of the SQLite storage against RxDB's memory storage.
 *   node scripts/stress/storage-fuzz.ts [--seed 1] [--seeds 10] [--rounds 200] [--queries 25] [--keys compact|padded]
 * Runs seeds seed..seed+seeds-1; exits 1 on the first mismatch and prints the seed to replay.
 */
import { parseArgs } from 'node:util';
import { runDifferentialFuzz } from '../../main/core/storage/fuzz.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(Date.now() % 100000) },
    seeds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '200' },
    queries: { type: 'string', default: '25' },
    /** The table's index key format: compact (new tables) or padded (tables made before, not converted). */
    keys: { type: 'string', default: 'compact' },
  },
});
if (values.keys !== 'compact' && values.keys !== 'padded') {
  console.error(`--keys is compact or padded, not "${values.keys}"`);
  process.exit(2);
}
const keys = values.keys;
const first = Number(values.seed);
const started = performance.now();
let queries = 0;
for (let seed = first; seed < first + Number(values.seeds); seed++) {
  try {
    const stats = await runDifferentialFuzz({
      seed,
      rounds: Number(values.rounds),
      queriesPerRound: Number(values.queries),
      keys,
    });
    queries += stats.queries;
    console.log(
      `seed ${seed}: ok — ${stats.writes} writes (${stats.conflicts} conflicts), ${stats.queries} queries (${stats.counts} counts), ${stats.changePages} change pages`,
    );
  } catch (error) {
    console.error(`seed ${seed}: MISMATCH\n${(error as Error).message}`);
    process.exit(1);
  }
}
console.log(`all seeds passed: ${queries} queries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
