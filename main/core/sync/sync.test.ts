import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncConflict } from '../../../shared/domain/sync/conflict-record.ts';
import { SyncError } from './errors.ts';
import { joinSync, setUpNewSync } from './sync-space.ts';
import { editPerson, newPerson, openTestDevice, type TestDevice } from './test-device.ts';
import { startTestSyncServer, type TestSyncServer } from './test-server.ts';
import {
  serverDocs,
  syncDevice,
  TEST_KDF_COST,
  tempDir,
  testSpace,
  testTransport,
  waitForStatus,
} from './test-sync.ts';

/** Two devices, each with its own SQLite folder, syncing through a real pouchdb-server on loopback. */

const PASSPHRASE = 'a long sync passphrase';
let server: TestSyncServer;
const folders = [tempDir('rapport-sync-server-'), tempDir('rapport-sync-a-'), tempDir('rapport-sync-b-')];
const [serverFolder, folderA, folderB] = folders as [ReturnType<typeof tempDir>, ...ReturnType<typeof tempDir>[]];
const devices: TestDevice[] = [];

beforeAll(async () => {
  server = await startTestSyncServer({ dir: serverFolder.dir, user: 'sam', password: 'correct horse' });
});

afterAll(async () => {
  await Promise.all(devices.map((d) => d.close()));
  await server.stop();
  for (const f of folders) f.dispose();
});

async function twoDevices(subfolder: string) {
  const a = await openTestDevice(path.join(folderA!.dir, subfolder));
  const b = await openTestDevice(path.join(folderB!.dir, subfolder));
  devices.push(a, b);
  const space = testSpace(server.url);
  const keyA = await setUpNewSync(testTransport(), space, PASSPHRASE, TEST_KDF_COST);
  const keyB = await joinSync(testTransport(), space, PASSPHRASE);
  return { a, b, space, keyA, keyB };
}

describe('sync between two devices', { timeout: 30_000 }, () => {
  it('an addition on A appears on B, deletes propagate, and the server holds only ciphertext', async () => {
    const { a, b, space, keyA, keyB } = await twoDevices('basic');
    const secret = `secret-${randomBytes(12).toString('hex')}`;
    const syncA = await syncDevice(a, space, keyA);
    const syncB = await syncDevice(b, space, keyB);

    await a.people.insert(newPerson('p-1', { displayName: 'Ada Secretname', notes: `Told me ${secret}` }));
    await a.people.insert(newPerson('p-2'));
    await syncA.awaitInSync();
    await expect.poll(() => b.people.count().exec(), { timeout: 10_000 }).toBe(2);
    expect((await b.people.findOne('p-1').exec())?.notes).toBe(`Told me ${secret}`);

    await (await b.people.findOne('p-2').exec())!.remove();
    await syncB.awaitInSync();
    await expect.poll(async () => (await a.people.findOne('p-2').exec()) === null, { timeout: 10_000 }).toBe(true);

    const { body } = await serverDocs(space, 'people');
    expect(body).toContain('p-1'); // ids are the only plain values…
    expect(body).not.toContain(secret); // …names and notes never are
    expect(body).not.toContain('Secretname');
    const rows = JSON.parse(body).rows as { doc: Record<string, unknown> | null; value: { deleted?: boolean } }[];
    for (const row of rows.filter((r) => r.doc)) {
      expect(Object.keys(row.doc!).sort()).toEqual(expect.arrayContaining(['_id', '_rev', 'c']));
      expect(Object.keys(row.doc!).every((k) => ['_id', '_rev', '_deleted', 'c'].includes(k))).toBe(true);
    }
    await Promise.all([syncA.stop(), syncB.stop()]);

    const stored = filesUnder(serverFolder.dir).map((file) => readFileSync(file));
    expect(stored.some((bytes) => bytes.includes('p-1'))).toBe(true); // the scan does find plain text
    expect(stored.some((bytes) => bytes.includes(secret))).toBe(false);
  });

  it('edits made offline on both devices merge: nothing typed is lost, the loser is kept', async () => {
    const { a, b, space, keyA, keyB } = await twoDevices('conflict');
    let syncA = await syncDevice(a, space, keyA);
    let syncB = await syncDevice(b, space, keyB);
    await a.people.insert(newPerson('p-1', { displayName: 'Sam Lee', notes: 'first note', tags: ['python'] }));
    await syncA.awaitInSync();
    await expect.poll(() => b.people.count().exec(), { timeout: 10_000 }).toBe(1);
    await Promise.all([syncA.stop(), syncB.stop()]);

    // Offline: different fields, and one field on both devices (B types last).
    await editPerson(a, 'p-1', { organisation: 'Acme', tags: ['python', 'rust'] });
    await editPerson(b, 'p-1', { role: 'CTO', tags: ['python', 'climbing'] });
    await editPerson(a, 'p-1', { notes: 'typed on A' });
    await editPerson(b, 'p-1', { notes: 'typed on B' });

    syncA = await syncDevice(a, space, keyA);
    await syncA.awaitInSync();
    syncB = await syncDevice(b, space, keyB);
    await syncB.awaitInSync();
    await syncA.awaitInSync();

    const expected = { organisation: 'Acme', role: 'CTO', notes: 'typed on B' };
    for (const device of [a, b]) {
      await expect
        .poll(async () => (await device.people.findOne('p-1').exec())?.toJSON(), { timeout: 10_000 })
        .toMatchObject(expected);
    }
    const merged = (await a.people.findOne('p-1').exec())!.toJSON();
    expect([...merged.tags].sort()).toEqual(['climbing', 'python', 'rust']);
    expect((merged.conflicts as SyncConflict[]).map((c) => [c.field, c.value])).toEqual([['notes', 'typed on A']]);
    expect((await b.people.findOne('p-1').exec())!.toJSON()).toEqual(merged);
    await Promise.all([syncA.stop(), syncB.stop()]);
  });

  it('a wrong passphrase is refused with a clear message and writes nothing', async () => {
    const space = testSpace(server.url);
    await setUpNewSync(testTransport(), space, PASSPHRASE, TEST_KDF_COST);
    const before = await (await fetch(`${server.url}_all_dbs`, { headers: auth() })).json();
    const error = await joinSync(testTransport(), space, 'not the passphrase').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).code).toBe('wrong-passphrase');
    expect((error as SyncError).message).toMatch(/does not match the one this sync was set up with/);
    expect(await (await fetch(`${server.url}_all_dbs`, { headers: auth() })).json()).toEqual(before);
  });

  it('refuses to set up a second sync over an existing one', async () => {
    const space = testSpace(server.url);
    await setUpNewSync(testTransport(), space, PASSPHRASE, TEST_KDF_COST);
    await expect(setUpNewSync(testTransport(), space, 'another passphrase', TEST_KDF_COST)).rejects.toMatchObject({
      code: 'already-set-up',
    });
  });

  it('reports wrong credentials as "needs credentials" before anything syncs', async () => {
    const space = testSpace(server.url);
    const error = await setUpNewSync(testTransport({ username: 'sam', password: 'wrong' }), space, PASSPHRASE).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'needs-credentials' });
  });

  it('a database deleted on the server stops that sync with an error instead of retrying', async () => {
    const { a, space, keyA } = await twoDevices('deleted-db');
    const syncA = await syncDevice(a, space, keyA);
    await syncA.awaitInSync();
    await fetch(`${space.url}${space.database}-people`, { method: 'DELETE', headers: auth() });
    await a.people.insert(newPerson('after-delete'));
    const status = await waitForStatus(syncA, 'error');
    expect(status).toMatchObject({ message: expect.stringContaining('check that the database still exists') });
    await syncA.stop();
  });

  it('shows "up to date" once in sync and "syncing" while changes move', async () => {
    const { a, space, keyA } = await twoDevices('status');
    const syncA = await syncDevice(a, space, keyA);
    await waitForStatus(syncA, 'up-to-date');
    const seen: string[] = [];
    const sub = syncA.status$.subscribe((s) => seen.push(s.state));
    await a.people.bulkInsert(Array.from({ length: 50 }, (_, i) => newPerson(`s-${i}`)));
    await syncA.awaitInSync();
    await waitForStatus(syncA, 'up-to-date');
    sub.unsubscribe();
    expect(seen).toContain('syncing');
    await syncA.stop();
  });
});

function auth() {
  return { authorization: `Basic ${Buffer.from('sam:correct horse').toString('base64')}` };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
