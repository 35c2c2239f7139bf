/**
 * Child process for the crash-safety harness: appends numbered batches
 * forever until it is SIGKILLed. Usage:
 *   node crash-child.ts <databaseDirectory> <NORMAL|FULL> <docsPerBatch>
 * After each committed batch k it prints "k\n" (stdout to a pipe is
 * synchronous on POSIX, so an acknowledged batch was committed before the
 * line left the process).
 */
import { getRxStorageSqlite } from './index.ts';
import { CRASH_DB_NAME, crashSchema, nextBatchNumber, type CrashDoc } from './crash-shared.ts';
import { createInstance, toStored } from './test-helpers.ts';

// A test that timed out leaves its child behind: stop writing once the parent is gone. Checked in
// the write loop itself: the loop's awaits settle as microtasks, so a timer would never fire (two
// orphans once wrote 30 GB in an hour).
const parent = process.ppid;

const [directory, synchronous = 'FULL', perBatchArg = '100'] = process.argv.slice(2);
if (!directory) throw new Error('usage: crash-child.ts <dir> <NORMAL|FULL> <docsPerBatch>');
const perBatch = Number(perBatchArg);

const storage = getRxStorageSqlite({ databaseDirectory: directory, synchronous: synchronous as 'NORMAL' | 'FULL' });
const store = await createInstance<CrashDoc>(storage, crashSchema, CRASH_DB_NAME, 'batches');

let batch = await nextBatchNumber(store);
let counter = (await store.findDocumentsById(['counter'], true))[0];
for (;;) {
  if (process.ppid !== parent) process.exit(1);
  const rows = [];
  for (let i = 0; i < perBatch; i++) {
    rows.push({ document: toStored<CrashDoc>({ id: `b${batch}-${i}`, batch, seq: i, payload: 'x'.repeat(200) }) });
  }
  // The counter doc is updated in the same transaction: it must always equal the newest batch.
  const nextCounter = toStored<CrashDoc>({ id: 'counter', batch, seq: -1, payload: '' }, { previous: counter });
  rows.push(counter ? { previous: counter, document: nextCounter } : { document: nextCounter });
  const result = await store.bulkWrite(rows, 'crash-test');
  if (result.error.length > 0) throw new Error('unexpected write error ' + JSON.stringify(result.error[0]));
  counter = nextCounter;
  process.stdout.write(`${batch}\n`);
  batch++;
}
