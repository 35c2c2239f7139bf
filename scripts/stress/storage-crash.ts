/**
 * Crash-safety stress: SIGKILLs a writer child at random moments and checks the
 * database holds exactly a prefix of committed batches after every kill.
 *   node scripts/stress/storage-crash.ts [--cycles 120] [--seed 1] [--synchronous FULL|NORMAL] [--docs 100] [--keep]
 */
import { parseArgs } from 'node:util';
import { runCrashCycles } from '../../main/core/storage/crash-shared.ts';
import { makeTempDir } from '../../main/core/storage/test-helpers.ts';

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '120' },
    seed: { type: 'string', default: String(Date.now() % 100000) },
    synchronous: { type: 'string', default: 'FULL' },
    docs: { type: 'string', default: '100' },
    keep: { type: 'boolean', default: false },
  },
});
const temp = makeTempDir('rapport-crash-stress-');
const started = performance.now();
try {
  const result = await runCrashCycles({
    directory: temp.dir,
    cycles: Number(values.cycles),
    seed: Number(values.seed),
    synchronous: values.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL',
    docsPerBatch: Number(values.docs),
    log: (line) => console.log(line),
  });
  console.log(
    `OK: ${result.cycles} kills (seed ${values.seed}, synchronous=${values.synchronous}), ${result.batchesCommitted} complete batches, ` +
      `${result.killedMidBatch} kills landed after a commit but before its ack, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error(`FAILED (seed ${values.seed}, data kept in ${temp.dir}): ${(error as Error).message}`);
  process.exit(1);
} finally {
  if (!values.keep && process.exitCode !== 1) temp.dispose();
}
