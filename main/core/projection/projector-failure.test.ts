import { expect, it, vi } from 'vitest';
import { openTestCore } from '../testing/test-core.ts';

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
