/**
 * A change to how the people index is derived (`PEOPLE_INDEX_VERSION`) is applied at the next start
 * to the index alone: names sort with their accents folded, so "Élodie" comes among the Es.
 */
import { expect, it } from 'vitest';
import { inArea } from '../area.ts';
import { openTestCore } from '../testing/test-core.ts';
import { PEOPLE_INDEX_VERSION } from './derive.ts';

const names = (window: { ids: string[] }, byId: Map<string, string>) => window.ids.map((id) => byId.get(id));

it('sorts accented names among the others, and re-derives an index from before that at the next start', async () => {
  const t = await openTestCore({ now: '2026-03-18T12:00:00Z' });
  const byId = new Map<string, string>();
  for (const displayName of ['Zubair Khan', 'Élodie Martin', 'Dan Ito', 'Łukasz Nowak']) {
    const person = await t.call('contacts.create', { displayName });
    byId.set(person.id, displayName);
  }
  const inOrder = ['Dan Ito', 'Élodie Martin', 'Łukasz Nowak', 'Zubair Khan'];
  expect(names(await t.next('people.watchWindow', { limit: 10 }), byId)).toEqual(inOrder);

  // As a version before the folding left them: sorted by code unit, after "z", and no index version
  // kept (after a restart, so no state the projector holds in memory is written over it at close).
  await t.reopen();
  const index = t.core.db.people_index.internalStorageInstance;
  const rows = await index.findDocumentsById([...byId.keys()], false);
  const writes = rows.map((previous) => ({
    previous,
    document: {
      ...previous,
      sortName: previous.displayName.toLocaleLowerCase(),
      _rev: `${previous._rev}x`,
      _meta: { lwt: Date.now() },
    },
  }));
  expect((await index.bulkWrite(writes, 'test')).error).toEqual([]);
  const state = (await t.core.db.settings.findOne('projection').exec())!.toMutableJSON();
  const { peopleIndex: _current, ...older } = state.value as { peopleIndex?: number };
  await inArea('settings', () => t.core.db.settings.upsert({ ...state, value: older }));

  await t.reopen();
  expect(names(await t.next('people.watchWindow', { limit: 10 }), byId)).toEqual(inOrder);
  const saved = async () =>
    ((await t.core.db.settings.findOne('projection').exec())!.value as { peopleIndex?: number }).peopleIndex;
  expect(await saved()).toBe(PEOPLE_INDEX_VERSION);
  // An edit moves the checkpoints on: the state written then (within 2 s, state.ts) keeps the index
  // version, or every start would re-derive the index again.
  const before = (await t.core.db.settings.findOne('projection').exec())!.revision;
  await t.call('contacts.create', { displayName: 'Ada Lee' });
  await t.core.projection.settled();
  const revision = async () => (await t.core.db.settings.findOne('projection').exec())!.revision;
  for (let i = 0; i < 100 && (await revision()) === before; i++) await new Promise((r) => setTimeout(r, 50));
  expect(await revision()).not.toBe(before);
  expect(await saved()).toBe(PEOPLE_INDEX_VERSION);
  await t.dispose();
});
