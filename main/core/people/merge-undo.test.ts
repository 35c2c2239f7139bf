/**
 * Merging two people is six writes (the kept person, the secondary's interactions, details and
 * relationships, the trash entry, the removal): when any of them fails, the ones before it are
 * undone at once, and every document comes back whole, sync's set-aside values and edit stamps
 * included. The crash case is the kill test's (lifecycle/kill-operations.ts).
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

/** Ada and her duplicate with coffees (one shared), details and relationships; sync's fields on all they touch. */
async function seed({ call, core, clock }: TestCore) {
  const ada = await call('contacts.create', { displayName: 'Ada Lovelace', emails: [{ value: 'ada@example.org' }] });
  const dupe = await call('contacts.create', { displayName: 'A. Lovelace', emails: [{ value: 'ADA@example.org' }] });
  const bo = await call('contacts.create', { displayName: 'Bo Chen' });
  const log = (contactIds: string[], date: string, details: string[] = []) =>
    call('interactions.log', {
      interaction: { type: 'coffee', date, contactIds },
      newPeople: [],
      details: details.map((text) => ({ text, contactId: dupe.id })),
    });
  await log([dupe.id], '2026-01-05', ['likes chess']);
  await log([ada.id, dupe.id], '2026-02-01');
  await log([dupe.id, bo.id], '2026-02-10', ['moving to Leeds']);
  await call('network.relate', { fromId: dupe.id, toId: bo.id, kind: 'works-with' });
  await call('network.relate', { fromId: dupe.id, toId: ada.id, kind: 'knows' });
  clock.advance(60_000);
  await call('contacts.update', { id: ada.id, fields: { displayName: 'Ada Lovelace', notes: 'Met in Leeds' } });
  // Values a sync merge set aside, as the replication writes them.
  const db = core.db;
  await inArea('replication', async () => {
    for (const person of [ada, dupe, bo]) {
      const doc = (await db.contacts.findOne(person.id).exec())!.toMutableJSON();
      await db.contacts.upsert({ ...doc, conflicts: [setAside('notes', `set aside on ${person.displayName}`)] });
    }
    for (const doc of await db.interactions.find().exec())
      await db.interactions.upsert({ ...doc.toMutableJSON(), conflicts: [setAside('notes', 'typed elsewhere')] });
    for (const doc of await db.details.find().exec())
      await db.details.upsert({ ...doc.toMutableJSON(), conflicts: [setAside('text', 'said elsewhere')] });
  });
  clock.advance(60_000);
  return { ada, dupe, bo };
}

/** The writes of a merge, by what they change (an upsert first tries an insert, which writes nothing). */
const WRITES: [string, CollectionName, (row: Row, ids: Record<'ada' | 'bo', string>) => boolean][] = [
  ['the kept person', 'contacts', (row, { ada }) => row.document.id === ada && !!row.previous],
  ['the interactions', 'interactions', (row) => !!row.previous],
  ['the details', 'details', (row) => !!row.previous],
  ['the relationships', 'contacts', (row, { bo }) => row.document.id === bo && !!row.previous],
  ['the trash entry', 'trash', () => true],
  ['the removal of the duplicate', 'contacts', (row) => !!row.document._deleted],
];

describe('a merge that fails half-way', () => {
  it.each(WRITES)('at the write of %s leaves every document as it was', async (_write, collection, matches) => {
    const t = await openTestCore({ now: '2026-03-10T12:00:00Z' });
    const { ada, dupe, bo } = await seed(t);
    const before = await snapshot(t.core.db);
    expect(before.contacts!.find((c) => c.id === ada.id)).toMatchObject({ editedAt: { notes: expect.any(String) } });

    const failed = failWrite(t, collection, (row) => matches(row, { ada: ada.id, bo: bo.id }));
    const result = await t.core.request('contacts.merge', {
      primaryId: ada.id,
      secondaryId: dupe.id,
      fields: { displayName: 'Ada Lovelace', emails: [{ value: 'ada@example.org' }], notes: 'One person' },
    });

    expect(failed()).toBe(true);
    expect(result.ok).toBe(false);
    expect(await snapshot(t.core.db)).toEqual(before);
    expect(filesIn(dataFolder(t.dir).journal)).toEqual([]);
    const timeline = await t.call('timeline.page', { filter: { contactId: dupe.id }, offset: 0, limit: 10 });
    expect(timeline.entries).toHaveLength(3);
  });

  it('writes nothing when the duplicate is already gone', async () => {
    const t = await openTestCore();
    const ada = await t.call('contacts.create', { displayName: 'Ada Lovelace' });
    const before = await snapshot(t.core.db);
    const result = await t.core.request('contacts.merge', {
      primaryId: ada.id,
      secondaryId: 'gone',
      fields: { displayName: 'Ada' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await snapshot(t.core.db)).toEqual(before);
    expect(filesIn(dataFolder(t.dir).journal)).toEqual([]);
  });
});
