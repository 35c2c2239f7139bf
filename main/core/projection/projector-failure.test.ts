import { expect, it, vi } from 'vitest';
import { inArea } from '../area.ts';
import { rawContact, rawInteraction } from '../testing/documents.ts';
import { byId, storedRows } from '../testing/stored-rows.ts';
import { openTestCore } from '../testing/test-core.ts';
import { expectedDerived } from './rebuild.ts';

it('answers a saved write when keeping derived data fails, and catches up at the next write', async () => {
  const t = await openTestCore();
  // Passes that cannot write their derived rows (a full disk, say), until the disk has room again.
  const failing = vi.spyOn(t.core.db.people_index, 'bulkUpsert').mockRejectedValue(new Error('disk full'));
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  // The person is saved, so the answer says so: an error here would invite a second, duplicate Ada.
  const ada = await t.call('contacts.create', { displayName: 'Ada Okafor' });
  expect(ada.displayName).toBe('Ada Okafor');
  expect(failing).toHaveBeenCalled();
  expect(logged).toHaveBeenCalledWith('[rapport] Keeping derived data up to date failed:', expect.any(Error));
  expect(await t.call('contacts.get', { id: ada.id })).toMatchObject({ displayName: 'Ada Okafor' });
  const detail = await t.call('details.add', {
    contactId: ada.id,
    text: 'New puppy, Biscuit',
    learnedOn: '2026-03-18',
  });
  expect(detail.text).toBe('New puppy, Biscuit');
  failing.mockRestore();

  // The next write's pass starts from the same checkpoints, so it brings Ada in too.
  await t.call('contacts.create', { displayName: 'Bo Lind' });
  const list = await t.next('people.watchWindow', {}, (w) => w.total === 2);
  expect(list.rows.map((p) => p.displayName)).toEqual(['Ada Okafor', 'Bo Lind']);
  logged.mockRestore();
});

it("a pass stopped after an interaction's removal still rewrites the people it named, at the next start", async () => {
  const t = await openTestCore();
  const { db } = t.core;
  await inArea('replication', async () => {
    await db.contacts.bulkInsert([rawContact('b', { displayName: 'Bo Lind', tier: 'close' })]);
    await db.interactions.bulkInsert([
      rawInteraction('coffee', { date: '2026-02-01', type: 'coffee', contactIds: ['b'] }),
      rawInteraction('meetup', { date: '2026-03-01', type: 'meet-up', contactIds: ['b'] }),
    ]);
  });
  await t.core.projection.flush();
  expect((await db.people_index.findOne('b').exec())?.lastInteractionOn).toBe('2026-03-01');

  // The meet-up is deleted (on another device), and the pass that follows stops before it writes
  // Bo's rows: as a crash would, with the checkpoint not saved.
  const failing = vi.spyOn(db.people_index, 'bulkUpsert').mockRejectedValue(new Error('killed'));
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  await inArea('replication', () => db.interactions.bulkRemove(['meetup']));
  await t.core.projection.settled();
  expect(failing).toHaveBeenCalled();
  failing.mockRestore();
  logged.mockRestore();
  await t.core.projection.close();

  await t.reopen();
  const expected = await expectedDerived(t.core.db);
  expect(await storedRows(t.core.db.people_index)).toEqual(byId([...expected.peopleIndex.values()]));
  expect(await storedRows(t.core.db.participations)).toEqual(byId([...expected.participations.values()]));
  expect(await storedRows(t.core.db.meetings)).toEqual(byId([...expected.meetings.values()]));
  expect((await t.core.db.people_index.findOne('b').exec())?.lastInteractionOn).toBe('2026-02-01');
});
