/**
 * `npm run stress:sync`: the sync fault tests (server killed mid-push, device killed mid-pull, 401,
 * offline, old schema) with more documents, several rounds. Kept out of `npm test` for its length.
 *
 *   --rounds 3 --docs 5000
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, docs: { type: 'string', default: '5000' } },
});
const rounds = Number(values.rounds);
for (let round = 1; round <= rounds; round++) {
  console.log(`Round ${round} of ${rounds}: ${values.docs} documents`);
  const run = spawnSync(
    'npx',
    ['vitest', 'run', 'main/core/sync/sync-faults.test.ts', '--testTimeout', '300000', '--hookTimeout', '60000'],
    { stdio: 'inherit', env: { ...process.env, SYNC_FAULT_DOCS: values.docs } },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}
console.log(`All ${rounds} rounds converged.`);
