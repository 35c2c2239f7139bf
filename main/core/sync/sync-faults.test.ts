import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { childScript } from '../testing/child-script.ts';
import { ConnectionGate } from './connection-gate.ts';
import { exportSyncKey } from './crypto.ts';
import { joinSync, setUpNewSync } from './sync-space.ts';
import { editPerson, newPerson, openTestDevice, type TestDevice } from './test-device.ts';
import { startTestSyncServer, type TestSyncServer } from './test-server.ts';
import {
  serverDocs,
  syncDevice,
  TEST_CREDENTIALS,
  TEST_KDF_COST,
  tempDir,
  testSpace,
  testTransport,
  waitForStatus,
} from './test-sync.ts';
import { SyncTransport } from './transport.ts';

/** Faults with real processes: a server that dies or changes password, a device killed mid-pull, an old schema. */

const PASSPHRASE = 'a long sync passphrase';
/** Documents in the kill tests; `npm run stress:sync` raises it and repeats the runs. */
const DOCS = Number(process.env.SYNC_FAULT_DOCS ?? 800);
const folder = tempDir('rapport-sync-faults-');
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => folder.dispose());

async function server(options: { port?: number; password?: string; dir?: string } = {}): Promise<TestSyncServer> {
  const started = await startTestSyncServer({
    dir: options.dir ?? path.join(folder.dir, `server-${Date.now()}`),
    user: TEST_CREDENTIALS.username,
    password: options.password ?? TEST_CREDENTIALS.password,
    ...(options.port ? { port: options.port } : {}),
  });
  cleanups.push(() => started.stop());
  return started;
}

async function device(name: string, schemaVersion: 0 | 1 = 0): Promise<TestDevice> {
  const opened = await openTestDevice(path.join(folder.dir, name), { schemaVersion });
  cleanups.push(() => opened.close());
  return opened;
}

describe('sync faults', { timeout: 60_000 }, () => {
  it('a server that goes away shows "offline", backs off, and catches up when it returns', async () => {
    const dir = path.join(folder.dir, 'server-offline');
    const first = await server({ dir });
    const space = testSpace(first.url);
    const key = await setUpNewSync(testTransport(), space, PASSPHRASE, TEST_KDF_COST);
    const a = await device('offline-a');
    let attempts = 0;
    const transport = new SyncTransport({
      credentials: TEST_CREDENTIALS,
      gate: new ConnectionGate({ baseMs: 200, capMs: 800 }),
      fetch: (input, init) => (attempts++, fetch(input, init)),
    });
    const session = await syncDevice(a, space, key, transport);
    cleanups.push(() => session.stop());
    await session.awaitInSync();

    await first.stop();
    await a.people.insert(newPerson('while-offline'));
    await waitForStatus(session, 'offline');
    const before = attempts;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Doubling from 200 ms (capped at 800 ms) allows about four probes in 1.5 s; a storm would be hundreds.
    expect(attempts - before).toBeLessThanOrEqual(5);

    await server({ dir, port: first.port });
    await session.awaitInSync();
    await waitForStatus(session, 'up-to-date');
    expect((await serverDocs(space, 'people')).total).toBe(1);
  });

  it('a 401 while syncing stops retrying and asks for credentials', async () => {
    const dir = path.join(folder.dir, 'server-401');
    const first = await server({ dir });
    const space = testSpace(first.url);
    const key = await setUpNewSync(testTransport(), space, PASSPHRASE, TEST_KDF_COST);
    const a = await device('auth-a');
    let attempts = 0;
    const transport = new SyncTransport({
      credentials: TEST_CREDENTIALS,
      gate: new ConnectionGate({ baseMs: 100, capMs: 400 }),
      fetch: (input, init) => (attempts++, fetch(input, init)),
    });
    const session = await syncDevice(a, space, key, transport);
    cleanups.push(() => session.stop());
    await session.awaitInSync();

    // The admin changes the password: the same server comes back refusing ours.
    await first.stop();
    await server({ dir, port: first.port, password: 'a new password' });
    await a.people.insert(newPerson('after-password-change'));
    const status = await waitForStatus(session, 'needs-credentials');
    expect(status).toMatchObject({ message: expect.stringContaining('Enter them again in Settings → Sync') });
    await expect(session.awaitInSync()).rejects.toMatchObject({ code: 'needs-credentials' });
    const settled = attempts;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(attempts).toBe(settled);
  });

  it('the server killed mid-push and restarted: everything arrives once', async () => {
    const dir = path.join(folder.dir, 'server-kill');
    const first = await server({ dir });
    const space = testSpace(first.url);
    const key = await setUpNewSync(testTransport(), space, PASSPHRASE, TEST_KDF_COST);
    const a = await device('kill-push-a');
    const total = DOCS;
    await a.people.bulkInsert(Array.from({ length: total }, (_, i) => newPerson(`k-${i}`, { notes: `note ${i}` })));
    const session = await syncDevice(a, space, key);
    cleanups.push(() => session.stop());
    await new Promise<void>((resolve) => {
      let sent = 0;
      const sub = session.collections[0]!.replication.sent$.subscribe(() => {
        if (++sent === Math.floor(total / 4)) {
          sub.unsubscribe();
          resolve();
        }
      });
    });
    await first.stop('SIGKILL');
    await waitForStatus(session, 'offline');
    await server({ dir, port: first.port });
    await session.awaitInSync();

    const { total: onServer, body } = await serverDocs(space, 'people');
    expect(onServer).toBe(total);
    expect(body).not.toContain('_conflicts');

    const b = await device('kill-push-b');
    const sessionB = await syncDevice(b, space, await joinSync(testTransport(), space, PASSPHRASE));
    cleanups.push(() => sessionB.stop());
    await sessionB.awaitInSync();
    expect(await b.people.count().exec()).toBe(total);
    expect((await b.people.findOne(`k-${total - 1}`).exec())?.notes).toBe(`note ${total - 1}`);
  });

  it('a device killed mid-pull resumes and ends with every document exactly once', async () => {
    const running = await server();
    const space = testSpace(running.url);
    const key = await setUpNewSync(testTransport(), space, PASSPHRASE, TEST_KDF_COST);
    const a = await device('kill-pull-a');
    const total = DOCS;
    await a.people.bulkInsert(Array.from({ length: total }, (_, i) => newPerson(`d-${i}`)));
    const sessionA = await syncDevice(a, space, key);
    cleanups.push(() => sessionA.stop());
    await sessionA.awaitInSync();

    const folderB = path.join(folder.dir, 'kill-pull-b');
    const child = spawn(
      process.execPath,
      [childScript('pull-child'), folderB, space.url, space.database, exportSyncKey(key)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.once('exit', () => reject(new Error('the pulling device exited before it was killed')));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line === `received ${Math.max(100, Math.floor(total / 400) * 100)}`) resolve();
      });
    });
    process.kill(child.pid!, 'SIGKILL');
    await exited;

    const b = await openTestDevice(folderB);
    cleanups.push(() => b.close());
    const partial = await b.people.count().exec();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(total);
    const sessionB = await syncDevice(b, space, key);
    cleanups.push(() => sessionB.stop());
    await sessionB.awaitInSync();
    const ids = (await b.people.find().exec()).map((doc) => doc.id);
    expect(ids.length).toBe(total);
    expect(new Set(ids).size).toBe(total);
    expect((await serverDocs(space, 'people')).total).toBe(total);
  });

  it('a device on an older schema pulls nothing it cannot read and never overwrites newer documents', async () => {
    const running = await server();
    const space = testSpace(running.url);
    const key = await setUpNewSync(testTransport(), space, PASSPHRASE, TEST_KDF_COST);
    const oldDevice = await device('schema-old', 0);
    const newDevice = await device('schema-new', 1);
    const sessionOld = await syncDevice(oldDevice, space, key);
    cleanups.push(() => sessionOld.stop());
    await oldDevice.people.insert(newPerson('shared', { notes: 'from the old device' }));
    await sessionOld.awaitInSync();

    // The newer device reads the old document (upgraded by its migration) and edits it.
    const sessionNew = await syncDevice(newDevice, space, key);
    cleanups.push(() => sessionNew.stop());
    await sessionNew.awaitInSync();
    expect((await newDevice.people.findOne('shared').exec())?.notes).toBe('from the old device');
    await editPerson(newDevice, 'shared', { pronouns: 'they/them' });
    await newDevice.people.insert(newPerson('new-only', { pronouns: 'she/her' }));
    await sessionNew.awaitInSync();

    // The old device, edited meanwhile, stops instead of reading or overwriting them.
    await editPerson(oldDevice, 'shared', { notes: 'edited on the old device' });
    const status = await waitForStatus(sessionOld, 'update-required');
    expect(status).toMatchObject({ message: 'Update Rapport on this device to keep syncing.' });
    expect(await oldDevice.people.findOne('new-only').exec()).toBeNull();
    await sessionNew.awaitInSync();
    const onNew = await newDevice.people.findOne('shared').exec();
    expect([onNew?.pronouns, onNew?.notes]).toEqual(['they/them', 'from the old device']);
  });
});
