/**
 * Sync reads where this device syncs at first use (its status line's watch, a request, the jobs'
 * start), not while the core opens. Whichever comes first, it answers with what was set up.
 */
import { afterEach, expect, it } from 'vitest';
import type { SyncState } from '../../../shared/ipc/channels/sync.ts';
import { createSettingsStore } from '../settings/settings-store.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';
import { syncConfigKey } from './sync-config.ts';

const SET_UP = { url: 'http://127.0.0.1:9/', database: 'rapport-sam', username: 'sam', paused: true };

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A folder where sync was set up and paused, opened again. */
async function pausedFolder(): Promise<TestCore> {
  t = await openTestCore();
  await createSettingsStore(t.core.db, t.clock).write(syncConfigKey, SET_UP);
  await t.reopen();
  return t;
}

const paused = { state: 'paused' };
const server = { url: SET_UP.url, database: SET_UP.database, username: SET_UP.username };

it('shows the set-up to the first watch of its state', async () => {
  const t = await pausedFolder();
  const seen = await new Promise<SyncState>((resolve, reject) => {
    const stop = t.core.watch('sync.watchState', {}, (result) => {
      if (!result.ok) return reject(new Error(result.error.message));
      if (result.value.status.state === 'off') return;
      queueMicrotask(stop);
      resolve(result.value);
    });
  });
  expect(seen).toMatchObject({ status: paused, server });
});

it('answers the first request with the set-up', async () => {
  const t = await pausedFolder();
  expect(await t.call('sync.getState', {})).toMatchObject({ status: paused, server });
});
