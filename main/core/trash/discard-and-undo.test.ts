/**
 * Deleting people (the trash entry, their solo interactions, the shared ones they leave, their
 * details, themselves), the undo of it (each owner's documents, then the entry) and the deletes
 * of one document (an interaction, an event, a ladder, a practice session): when any write fails,
 * the ones before it are undone at once and every document is as it was, edit stamps and sync's
 * set-aside values included, with no record left. The crash case is the kill test's
 * (lifecycle/kill-operations.ts).
 */
import { describe, expect, it } from 'vitest';
import { inArea } from '../area.ts';
import { snapshot } from '../backup/archive.ts';
import type { CollectionName } from '../db/collections.ts';
import { dataFolder, filesIn } from '../lifecycle/data-folder.ts';
import { failWrite, type Row } from '../testing/fail-write.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';

const EDITED = '2026-03-02T08:00:00.000Z';
const setAside = (field: string, value: unknown) => ({ id: `${field}@${EDITED}`, field, value, editedAt: EDITED });

/** Ada and Cy, to be deleted, with a coffee each, one together and one shared with Bo, details on both. */
async function seed({ call, core, clock }: TestCore) {
  const a = await call('contacts.create', { displayName: 'Ada Lovelace' });
  const b = await call('contacts.create', { displayName: 'Bo Chen' });
  const c = await call('contacts.create', { displayName: 'Cy Young' });
  const log = (contactIds: string[], date: string, details: { text: string; contactId: string }[] = []) =>
    call('interactions.log', { interaction: { type: 'coffee', date, contactIds }, newPeople: [], details });
  await log([a.id], '2026-01-05', [{ text: 'likes chess', contactId: a.id }]);
  await log([a.id, b.id], '2026-02-01', [{ text: 'moving to Leeds', contactId: b.id }]);
  await log([a.id, c.id], '2026-02-10', [{ text: 'learning Portuguese', contactId: c.id }]);
  await log([c.id], '2026-02-20');
  clock.advance(60_000);
  await inArea('replication', async () => {
    for (const doc of await core.db.interactions.find().exec())
      await core.db.interactions.upsert({ ...doc.toMutableJSON(), conflicts: [setAside('notes', 'typed elsewhere')] });
    const ada = (await core.db.contacts.findOne(a.id).exec())!.toMutableJSON();
    await core.db.contacts.upsert({ ...ada, conflicts: [setAside('notes', 'set aside on Ada')] });
  });
  clock.advance(60_000);
  return { gone: [a.id, c.id], bo: b.id };
}

const removed = (row: Row) => !!row.document._deleted;
/** The writes of deleting Ada and Cy, by what they change. */
const DELETE_WRITES: [string, CollectionName, (row: Row) => boolean][] = [
  ['the trash entry', 'trash', () => true],
  ['the removal of their own interactions', 'interactions', removed],
  ['the shared interaction they leave', 'interactions', (row) => !!row.previous && !removed(row)],
  ['the removal of their details', 'details', removed],
  ['the removal of the people', 'contacts', removed],
];
/** The writes of its undo. */
const UNDO_WRITES: [string, CollectionName, (row: Row) => boolean][] = [
  ['the people', 'contacts', (row) => !removed(row)],
  ['the interactions', 'interactions', (row) => !removed(row)],
  ['the details', 'details', (row) => !removed(row)],
  ['the removal of the entry', 'trash', removed],
];

async function expectAsBefore(t: TestCore, run: () => Promise<{ ok: boolean }>, failed: () => boolean) {
  const before = await snapshot(t.core.db);
  const result = await run();
  expect(failed()).toBe(true);
  expect(result.ok).toBe(false);
  expect(await snapshot(t.core.db)).toEqual(before);
  expect(filesIn(dataFolder(t.dir).journal)).toEqual([]);
}

describe('deleting people, failing half-way', () => {
  it.each(DELETE_WRITES)('at the write of %s leaves every document as it was', async (_write, collection, matches) => {
    const t = await openTestCore({ now: '2026-03-10T12:00:00Z' });
    const { gone, bo } = await seed(t);
    const failed = failWrite(t, collection, matches);
    await expectAsBefore(t, () => t.core.request('contacts.delete', { ids: gone }), failed);
    // Derived data followed the undo: Bo's timeline still holds the coffee with Ada.
    const timeline = await t.call('timeline.page', { filter: { contactId: bo }, offset: 0, limit: 10 });
    expect(timeline.entries).toHaveLength(1);
    expect((await t.call('timeline.page', { filter: {}, offset: 0, limit: 10 })).entries).toHaveLength(4);
  });
});

describe('the undo of a delete, failing half-way', () => {
  it.each(UNDO_WRITES)('at the write of %s leaves every document as it was', async (_write, collection, matches) => {
    const t = await openTestCore({ now: '2026-03-10T12:00:00Z' });
    const { gone } = await seed(t);
    const { undoToken } = await t.call('contacts.delete', { ids: gone });
    const failed = failWrite(t, collection, matches);
    await expectAsBefore(t, () => t.core.request('undo.apply', { token: undoToken }), failed);
    expect((await t.call('timeline.page', { filter: {}, offset: 0, limit: 10 })).entries).toHaveLength(1);
    // The entry is still there to undo with.
    await t.call('undo.apply', { token: undoToken });
    expect((await t.call('timeline.page', { filter: {}, offset: 0, limit: 10 })).entries).toHaveLength(4);
  });
});

type Request = TestCore['core']['request'];
/** Makes the document, and returns the request that deletes it. */
type Make = (t: TestCore) => Promise<(request: Request) => ReturnType<Request>>;
const ONE_DOCUMENT: [string, CollectionName, Make][] = [
  [
    'an interaction',
    'interactions',
    async (t) => {
      const [coffee] = (await t.call('timeline.page', { filter: {}, offset: 0, limit: 1 })).entries;
      return (request) => request('interactions.delete', { id: coffee!.id });
    },
  ],
  [
    'an event',
    'events',
    async (t) => {
      const event = await t.call('events.create', {
        fields: { kind: 'meet-up', name: 'Design meet-up', startsOn: '2026-03-12' },
      });
      return (request) => request('events.delete', { id: event.id });
    },
  ],
  [
    'a ladder',
    'practice_ladders',
    async (t) => {
      const ladder = await t.call('practice.saveLadder', {
        fields: { name: 'Meet-ups', steps: [{ text: 'Say hello', suds: 3 }] },
      });
      return (request) => request('practice.deleteLadder', { id: ladder.id });
    },
  ],
  [
    'a practice session',
    'practice_sessions',
    async (t) => {
      const session = await t.call('practice.startSession', {
        date: '2026-03-10',
        task: 'Say hello',
        situation: 'meet-up',
        sudsBefore: 5,
        prediction: 'They will look away',
        beliefBefore: 60,
      });
      return (request) => request('practice.deleteSession', { id: session.id });
    },
  ],
];

describe('deleting one document, failing at its removal', () => {
  it.each(ONE_DOCUMENT)('keeps %s, with no trash entry', async (_what, collection, make) => {
    const t = await openTestCore({ now: '2026-03-10T12:00:00Z' });
    await seed(t);
    const remove = await make(t);
    const failed = failWrite(t, collection, removed);
    await expectAsBefore(t, () => remove(t.core.request), failed);
  });

  it.each(ONE_DOCUMENT)('and its undo, failing at the entry, removes %s again', async (_what, _collection, make) => {
    const t = await openTestCore({ now: '2026-03-10T12:00:00Z' });
    await seed(t);
    const remove = await make(t);
    const result = await remove(t.core.request);
    if (!result.ok) throw new Error(result.error.message);
    const failed = failWrite(t, 'trash', removed);
    await expectAsBefore(
      t,
      () => t.core.request('undo.apply', { token: (result.value as { undoToken: string }).undoToken }),
      failed,
    );
  });
});
