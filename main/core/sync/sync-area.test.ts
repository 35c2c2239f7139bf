import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncState } from '../../../shared/ipc/channels/sync.ts';
import { openChildCore } from '../testing/child-core.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';
import { createMemorySecretStore } from './memory-secrets.ts';
import { startTestSyncServer, type TestSyncServer } from './test-server.ts';
import { serverDocs, TEST_CREDENTIALS, TEST_KDF_COST, tempDir } from './test-sync.ts';

/**
 * The sync area in whole cores (device B in a child process: RxDB's free build opens at most 13
 * collections per process): Settings → Sync's requests, the status the sidebar shows, and
 * replicated writes followed by derived data (timeline, search, people list) on the other device.
 */

const PASSPHRASE = 'our shared sync passphrase';
const syncTuning = { kdfCost: TEST_KDF_COST, gate: { baseMs: 50, capMs: 400 } };
let server: TestSyncServer;
const serverFolder = tempDir('rapport-sync-area-server-');
let databaseCount = 0;

beforeAll(async () => {
  server = await startTestSyncServer({ dir: serverFolder.dir, ...userOf() });
});
afterAll(async () => {
  await server.stop();
  serverFolder.dispose();
});

function userOf() {
  return { user: TEST_CREDENTIALS.username, password: TEST_CREDENTIALS.password };
}

function connection(database: string, password = TEST_CREDENTIALS.password) {
  return { url: server.url, database, username: TEST_CREDENTIALS.username, password };
}

async function device(secrets = createMemorySecretStore()): Promise<TestCore> {
  return openTestCore({ syncTuning, secrets });
}

const upToDate = (state: SyncState) => state.status.state === 'up-to-date';

async function pair() {
  const database = `area-${++databaseCount}`;
  const a = await device();
  const b = await openChildCore({ syncTuning });
  await a.call('sync.setUp', { ...connection(database), passphrase: PASSPHRASE });
  await b.call('sync.join', { ...connection(database), passphrase: PASSPHRASE });
  await a.next('sync.watchState', {}, upToDate, 15_000);
  await waitUntil(async () => upToDate(await b.call('sync.getState', {})));
  return { a, b, database };
}

async function waitUntil(check: () => Promise<boolean>, timeout = 20_000): Promise<void> {
  await expect.poll(check, { timeout, interval: 100 }).toBe(true);
}

describe('sync set up from Settings', { timeout: 60_000 }, () => {
  it('says whether a sync exists, refuses a wrong password and a wrong passphrase by field, and joins with the right one', async () => {
    const database = `area-${++databaseCount}`;
    const a = await device();
    const b = await openChildCore({ syncTuning });
    const before = await b.call('sync.testConnection', connection(database));
    expect(before.syncExists).toBe(false);
    expect(before.message).toMatch(/no sync in "area-\d+" yet/);

    const wrongPassword = await a.core.request('sync.setUp', {
      ...connection(database, 'not the password'),
      passphrase: PASSPHRASE,
    });
    expect(wrongPassword).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!wrongPassword.ok && wrongPassword.error.details?.[0]?.path).toEqual(['password']);

    const state = await a.call('sync.setUp', { ...connection(database), passphrase: PASSPHRASE });
    expect(state).toMatchObject({ keyKept: true, secretsPersist: false, server: { database } });
    expect((await b.call('sync.testConnection', connection(database))).syncExists).toBe(true);

    const wrongPassphrase = await b.request('sync.join', { ...connection(database), passphrase: 'not it at all' });
    expect(!wrongPassphrase.ok && wrongPassphrase.error.details?.[0]?.path).toEqual(['passphrase']);
    expect((await b.call('sync.getState', {})).status.state).toBe('off');

    const again = await a.core.request('sync.setUp', { ...connection(database), passphrase: PASSPHRASE });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });

    await b.call('sync.join', { ...connection(database), passphrase: PASSPHRASE });
    await waitUntil(async () => upToDate(await b.call('sync.getState', {})));
    expect((await b.call('sync.getState', {})).lastSyncedAt).toBeDefined();
  });

  it('a person, an interaction and a detail logged on A appear on B with their timeline and search', async () => {
    const { a, b } = await pair();
    const logged = await a.call('interactions.log', {
      interaction: { type: 'coffee', date: '2026-03-17', contactIds: [] },
      newPeople: ['Ada Lovelace'],
      details: [{ text: 'new puppy Biscuit' }],
    });
    const [ada] = logged.contactIds;

    await waitUntil(async () => (await b.request('contacts.get', { id: ada! })).ok);
    expect(await b.call('contacts.get', { id: ada! })).toMatchObject({ displayName: 'Ada Lovelace' });
    // Derived data on B follows the replicated writes: the participations behind the timeline, search.
    await waitUntil(
      async () =>
        (await b.call('timeline.page', { filter: { contactId: ada! }, offset: 0, limit: 10 })).entries.length === 1,
    );
    const page = await b.call('timeline.page', { filter: { contactId: ada! }, offset: 0, limit: 10 });
    expect(page.entries.map((entry) => entry.id)).toEqual([logged.id]);
    const hits = await b.call('search.query', { q: 'biscuit', limit: 10 });
    expect(hits.map((hit) => hit.personIds[0])).toContain(ada);
  });

  it('edits of different fields on both devices while paused both survive, and device settings stay home', async () => {
    const { a, b, database } = await pair();
    const ada = await a.call('contacts.create', { displayName: 'Ada Lovelace' });
    await waitUntil(async () => (await b.request('contacts.get', { id: ada.id })).ok);
    await a.call('sync.pause', {});
    await b.call('sync.pause', {});
    expect((await a.call('sync.getState', {})).status.state).toBe('paused');

    a.clock.advance(60_000);
    await a.call('contacts.update', { id: ada.id, fields: { displayName: 'Ada King', notes: '' } });
    await b.advance(120_000);
    const onB = await b.call('contacts.get', { id: ada.id });
    await b.call('contacts.update', {
      id: ada.id,
      fields: { displayName: onB.displayName, notes: 'Met at the Analytical Society' },
    });

    await a.call('sync.resume', {});
    await b.call('sync.resume', {});
    const merged = { displayName: 'Ada King', notes: 'Met at the Analytical Society' };
    for (const side of [a, b]) {
      await expect
        .poll(async () => side.call('contacts.get', { id: ada.id }), { timeout: 20_000 })
        .toMatchObject(merged);
    }

    const { body } = await serverDocs({ url: server.url, database }, 'settings');
    const ids = (JSON.parse(body) as { rows: { id: string }[] }).rows.map((row) => row.id);
    expect(ids).not.toContain('sync');
  });

  it('after a restart without a keychain it asks for the secrets again, and syncs once given them', async () => {
    const { a, b } = await pair();
    await b.restart();
    const asked = await b.call('sync.getState', {});
    expect(asked.status).toMatchObject({ state: 'needs-credentials' });
    expect(asked.keyKept).toBe(false);
    const missing = await b.request('sync.reconnect', { password: TEST_CREDENTIALS.password });
    expect(!missing.ok && missing.error.details?.[0]?.path).toEqual(['passphrase']);

    await b.call('sync.reconnect', { password: TEST_CREDENTIALS.password, passphrase: PASSPHRASE });
    const grace = await a.call('contacts.create', { displayName: 'Grace Hopper' });
    await waitUntil(async () => (await b.request('contacts.get', { id: grace.id })).ok);
  });

  it('starts while the server is down, says offline, and catches up when it is back', async () => {
    const folder = tempDir('rapport-sync-area-outage-');
    const own = await startTestSyncServer({ dir: folder.dir, ...userOf() });
    try {
      const secrets = createMemorySecretStore();
      const a = await openTestCore({ syncTuning, secrets });
      await a.call('sync.setUp', {
        url: own.url,
        database: 'outage',
        username: TEST_CREDENTIALS.username,
        password: TEST_CREDENTIALS.password,
        passphrase: PASSPHRASE,
      });
      await a.next('sync.watchState', {}, upToDate, 15_000);
      await own.stop();
      // Kept secrets (the same store, as a keychain would keep them) and background jobs on.
      await a.reopen({ jobs: true, secrets });
      const offline = await a.next('sync.watchState', {}, (s) => s.status.state === 'offline', 15_000);
      expect(offline.status).toMatchObject({ message: expect.stringMatching(/not answering/) });
      await a.call('contacts.create', { displayName: 'Written while offline' });

      const back = await startTestSyncServer({ dir: folder.dir, port: own.port, ...userOf() });
      try {
        await a.next('sync.watchState', {}, upToDate, 20_000);
        await expect
          .poll(async () => (await serverDocs({ url: back.url, database: 'outage' }, 'contacts')).total, {
            timeout: 20_000,
          })
          .toBe(1);
      } finally {
        await back.stop();
      }
    } finally {
      folder.dispose();
    }
  });

  it('disconnect stops syncing and forgets the server, and the data stays', async () => {
    const { a, b } = await pair();
    const kept = await a.call('contacts.create', { displayName: 'Kept here' });
    await waitUntil(async () => (await b.request('contacts.get', { id: kept.id })).ok);
    const off = await b.call('sync.disconnect', {});
    expect(off).toEqual({ status: { state: 'off' }, keyKept: false, secretsPersist: false });
    const later = await a.call('contacts.create', { displayName: 'Not sent to B' });
    await a.next('sync.watchState', {}, upToDate, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await b.request('contacts.get', { id: later.id })).ok).toBe(false);
    expect((await b.call('contacts.get', { id: kept.id })).displayName).toBe('Kept here');
  });
});
