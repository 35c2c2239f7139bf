/**
 * Writes stamped by a clock that ran fast (a dual-boot machine before network time corrects it,
 * a hand-set clock, a database from a machine whose clock was ahead) must not hide the writes made
 * after them: RxDB stamps each write with this machine's clock, and both the change feeds'
 * checkpoints and the reminders' write marks order writes by those stamps.
 */
import { DatabaseSync } from 'node:sqlite';
import type { RxCollection, RxStorageDefaultCheckpoint } from 'rxdb';
import { expect, it } from 'vitest';
import { dataFolder } from './lifecycle/data-folder.ts';
import { openTestCore, type TestCore } from './testing/test-core.ts';

const AHEAD_MS = 30_000;

/** Rewrites a document in storage, stamped `AHEAD_MS` ahead, with `change` applied to it. */
async function stampAhead<T>(collection: RxCollection<T>, id: string, change: (doc: T) => void = () => {}) {
  const storage = collection.internalStorageInstance;
  const [previous] = await storage.findDocumentsById([id], false);
  const document = structuredClone(previous!);
  change(document as T);
  document._meta = { lwt: Date.now() + AHEAD_MS };
  document._rev = '99-ahead';
  expect((await storage.bulkWrite([{ previous: previous!, document }], 'test')).error).toEqual([]);
}

/** Sam, overdue: a close contact last seen in January. */
async function overdueSam(t: TestCore) {
  const sam = await t.call('contacts.create', { displayName: 'Sam Okafor', tier: 'close' });
  await t.call('interactions.log', {
    interaction: { type: 'coffee', date: '2026-01-02', contactIds: [sam.id] },
    newPeople: [],
    details: [],
  });
  return sam;
}

it('a change after a write stamped ahead still reaches the tray and the next start’s Today', async () => {
  const t = await openTestCore({ now: '2026-03-18T12:00:00Z' });
  const sam = await overdueSam(t);
  const ada = await t.call('contacts.create', { displayName: 'Ada Lee' });
  // Ada's row is the people index's latest write until the clock catches up with it.
  await stampAhead(t.core.db.people_index, ada.id);
  expect((await t.next('reminders.watchDue', {})).count).toBe(1);
  // Sam no longer has a rhythm: only his index row changes, stamped before Ada's.
  await t.call('contacts.update', { id: sam.id, fields: { displayName: 'Sam Okafor' } });
  expect((await t.next('reminders.watchDue', {}, (due) => due.count === 0)).count).toBe(0);
  await t.reopen();
  expect((await t.next('reminders.watchToday', {})).overdue).toEqual([]);
});

it('derived data and search follow writes made while their checkpoints lie a little ahead', async () => {
  const t = await openTestCore({ now: '2026-03-18T12:00:00Z' });
  const sam = await overdueSam(t);
  expect(await t.call('search.query', { q: 'sam', limit: 5 })).toHaveLength(1);
  // Closing writes the projector's newest checkpoints (projection/state.ts): stamped after that.
  await t.reopen();
  await stampAhead(t.core.db.settings, 'projection', (doc) => {
    for (const c of Object.values(
      (doc.value as { checkpoints: Record<string, RxStorageDefaultCheckpoint> }).checkpoints,
    ))
      c.lwt = Date.now() + AHEAD_MS;
  });
  await t.close();
  const file = new DatabaseSync(dataFolder(t.dir).database);
  const row = file.prepare("SELECT value FROM search_state WHERE key = 'checkpoints'").get() as { value: string };
  const ahead = Object.fromEntries(
    Object.entries(JSON.parse(row.value) as Record<string, RxStorageDefaultCheckpoint>).map(([feed, c]) => [
      feed,
      { ...c, lwt: Date.now() + AHEAD_MS },
    ]),
  );
  file.prepare("UPDATE search_state SET value = ? WHERE key = 'checkpoints'").run(JSON.stringify(ahead));
  file.close();

  await t.reopen();
  await t.call('interactions.log', {
    interaction: { type: 'call', date: '2026-03-18', contactIds: [sam.id] },
    newPeople: [],
    details: [],
  });
  await t.call('contacts.create', { displayName: 'Samira Puppe' });
  expect((await t.core.db.people_index.findOne(sam.id).exec())!.lastInteractionOn).toBe('2026-03-18');
  expect((await t.call('search.query', { q: 'samira', limit: 5 })).map((hit) => hit.title)).toEqual(['Samira Puppe']);
});
