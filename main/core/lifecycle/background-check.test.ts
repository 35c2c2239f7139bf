/**
 * The full check after an unclean shutdown, run behind the first screen for a large file: on real
 * SQLite files in throwaway folders, with the size threshold lowered so a small file counts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../../shared/ipc/wire.ts';
import { exportArchive } from '../backup/archive.ts';
import { seedPeople } from '../backup/test-helpers.ts';
import { damageAnIndexPage } from '../testing/damage.ts';
import { openTestCore, testDir, type TestCore } from '../testing/test-core.ts';
import { checkInBackground } from './background-check.ts';
import { dataFolder } from './data-folder.ts';
import { FolderState } from './state-file.ts';

/** Every file counts as large. */
const ALWAYS = { fromBytes: 0 };
/**
 * A statement that keeps the worker busy in SQLite for about a second (on a loaded machine, more),
 * answering "ok" like the quick check: a check that is still running when the test acts.
 */
const SLOW_OK =
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT 'ok' AS quick_check FROM n WHERE i = 3000000";

const stateOf = (t: TestCore) => FolderState.parse(JSON.parse(readFileSync(dataFolder(t.dir).state, 'utf8')));

/** What a crash leaves in the notes: the run that opened the folder never said it closed. */
function markUnclean(t: TestCore) {
  const state = stateOf(t);
  writeFileSync(dataFolder(t.dir).state, JSON.stringify({ ...state, cleanShutdown: false }));
}

/** A folder with a few people, closed, then marked as after a crash. */
async function uncleanFolder(): Promise<TestCore> {
  const t = await openTestCore();
  await seedPeople(t.core);
  await t.close();
  markUnclean(t);
  return t;
}

describe('the check after an unclean shutdown', () => {
  it('is skipped after a clean shutdown', async () => {
    const t = await openTestCore();
    await seedPeople(t.core);
    await t.reopen({ backgroundCheck: { ...ALWAYS, sql: SLOW_OK } });
    expect(await t.core.databaseCheck).toBe('not-needed');
    expect(t.core.database).toEqual({ state: 'ok' });
  });

  it('opens a large file first, checks it behind, and notes a clean shutdown only once it passed', async () => {
    const t = await uncleanFolder();
    await t.reopen({ backgroundCheck: { ...ALWAYS, sql: SLOW_OK } });
    // Open, writable and not yet checked: the check is still running.
    const pending = Symbol('pending');
    expect(await Promise.race([t.core.databaseCheck, Promise.resolve(pending)])).toBe(pending);
    expect(t.core.database).toEqual({ state: 'ok' });
    await t.call('contacts.create', { displayName: 'Typed while checking' });

    expect(await t.core.databaseCheck).toBe('passed');
    await t.close();
    expect(stateOf(t)).toMatchObject({ people: 3, cleanShutdown: true });
  });

  it('keeps a small file’s check before opening', async () => {
    const t = await uncleanFolder();
    damageAnIndexPage(dataFolder(t.dir).database);
    await t.reopen({ backgroundCheck: { fromBytes: Number.MAX_SAFE_INTEGER } });
    expect(t.core.database).toMatchObject({ state: 'needs-recovery', problem: 'damaged' });
    expect(await t.core.databaseCheck).toBe('not-needed');
  });

  it('takes the core to recovery when it finds damage, and writes stop', async () => {
    const t = await uncleanFolder();
    damageAnIndexPage(dataFolder(t.dir).database);
    await t.reopen({ backgroundCheck: ALWAYS });
    expect(t.core.database).toEqual({ state: 'ok' });
    const events: ServerMessage[] = [];
    t.core.connect((message) => events.push(message));

    expect(await t.core.databaseCheck).toBe('damaged');
    expect(t.core.database).toMatchObject({
      state: 'needs-recovery',
      problem: 'damaged',
      detail: expect.stringMatching(/^The database file cannot be read: [^]*btreeInitPage/),
    });
    // The renderer is told to ask again (app.info), and sees the recovery screen's state.
    expect(events).toContainEqual({ type: 'event', name: 'app.databaseReplaced', payload: {} });
    expect((await t.core.call('app.info', {})).database.state).toBe('needs-recovery');
    await expect(t.call('contacts.create', { displayName: 'Not written' })).rejects.toMatchObject({
      code: 'unavailable',
    });
    expect(await t.call('recovery.status', {})).toMatchObject({ problem: 'damaged', canOpenReadOnly: true });

    // The folder still says "not clean", so the next start checks again.
    await t.close();
    expect(stateOf(t).cleanShutdown).toBe(false);
    await t.reopen({ backgroundCheck: { fromBytes: Number.MAX_SAFE_INTEGER } });
    expect(t.core.database).toMatchObject({ state: 'needs-recovery', problem: 'damaged' });

    // The ways out work as after a damage found at start: a read-only copy shows the people.
    await t.call('recovery.openReadOnly', {});
    expect(t.core.database.state).toBe('read-only');
    expect(await t.core.db.contacts.count().exec()).toBe(2);
  });

  it('does not hold up closing, and leaves the shutdown "not clean" when it had not finished', async () => {
    const t = await uncleanFolder();
    await t.reopen({ backgroundCheck: { ...ALWAYS, sql: SLOW_OK } });
    const started = performance.now();
    await t.close();
    const took = performance.now() - started;
    expect(await t.core.databaseCheck).toBe('stopped');
    expect(stateOf(t)).toMatchObject({ people: 2, cleanShutdown: false });
    expect(took).toBeLessThan(500);
    // The next start checks again.
    await t.reopen({ backgroundCheck: ALWAYS });
    expect(await t.core.databaseCheck).toBe('passed');
  });

  it('is stopped by a restore, which waits for it to let go of the file; the restored file owes no check', async () => {
    const t = await uncleanFolder();
    await t.reopen({ backgroundCheck: { ...ALWAYS, sql: SLOW_OK } });
    const { text } = await exportArchive(t.core.db, t.clock);
    await t.call('contacts.create', { displayName: 'Replaced by the restore' });
    await t.call('interchange.restoreArchive', { fileName: 'archive.json', text, overwrite: true });
    expect(await t.core.databaseCheck).toBe('stopped');
    expect(await t.core.db.contacts.count().exec()).toBe(2);
    await t.close();
    expect(stateOf(t).cleanShutdown).toBe(true);
  });
});

describe('checkInBackground', () => {
  it('calls a file SQLite cannot read damaged, and a file it cannot open unchecked, not damaged', async () => {
    const dir = testDir();
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, Buffer.alloc(8192, 7));
    expect(await checkInBackground(junk).result).toEqual({ state: 'damaged', detail: 'file is not a database' });
    expect(await checkInBackground(join(dir, 'absent.sqlite')).result).toMatchObject({ state: 'unchecked' });
  });
});
