/**
 * Test child for "a device killed in the middle of a pull": opens a device folder, syncs, and
 * prints `received N` as documents arrive, until the parent kills it. Not a test file.
 *
 *   node main/core/sync/pull-child.ts <folder> <server url> <database> <key base64>
 */
import { importSyncKey } from './crypto.ts';
import { SyncServerConfig } from './sync-space.ts';
import { openTestDevice } from './test-device.ts';
import { syncDevice } from './test-sync.ts';

const [folder, url, database, key] = process.argv.slice(2);
if (!folder || !url || !database || !key) throw new Error('usage: pull-child.ts <folder> <url> <database> <key>');

const device = await openTestDevice(folder);
const session = await syncDevice(device, SyncServerConfig.parse({ url, database }), importSyncKey(key));
let received = 0;
session.collections[0]!.replication.received$.subscribe(() => {
  received += 1;
  if (received % 100 === 0) console.log(`received ${received}`);
});
