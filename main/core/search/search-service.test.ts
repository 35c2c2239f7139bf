import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it, vi } from 'vitest';
import { dataFolder } from '../lifecycle/data-folder.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';

const titles = async (t: TestCore, q: string) =>
  (await t.call('search.query', { q, limit: 10 })).map((h) => [h.kind, h.title, h.snippet]);

/** Reads the closed database file directly, as nothing in the app would. */
function inFile<T>(t: TestCore, read: (file: DatabaseSync) => T): T {
  const file = new DatabaseSync(dataFolder(t.dir).database);
  try {
    return read(file);
  } finally {
    file.close();
  }
}

async function withSam(t: TestCore) {
  await t.call('interactions.log', {
    interaction: { type: 'coffee', date: '2026-03-10', contactIds: [], title: 'Coffee at Baltic' },
    newPeople: ['Sam Okafor'],
    details: [{ text: 'new puppy Biscuit' }],
  });
}

describe('search', () => {
  it('combines a word of the name with a word of a detail, and shows the detail', async () => {
    const t = await openTestCore();
    await withSam(t);
    await t.call('contacts.create', { displayName: 'Samira Puppe' });
    expect(await titles(t, 'sam bisc')).toEqual([['detail', 'Sam Okafor', 'new puppy Biscuit']]);
    // Combined words score with the same weights: "sam" whole in Sam's name and "pup" starting a
    // word of his detail beat both words only starting words of Samira's name.
    expect(await titles(t, 'sam pup')).toEqual([
      ['detail', 'Sam Okafor', 'new puppy Biscuit'],
      ['person', 'Samira Puppe', 'Samira Puppe'],
    ]);
    // Interactions stay documents of their own.
    expect(await titles(t, 'okafor baltic')).toEqual([]);
  });

  it('follows details moved by a merge, and deleted people', async () => {
    const t = await openTestCore();
    await withSam(t);
    const sam = (await t.core.db.contacts.find().exec())[0]!;
    const ada = await t.call('contacts.create', { displayName: 'Ada Lee' });
    await t.call('contacts.merge', { primaryId: ada.id, secondaryId: sam.id, fields: { displayName: 'Ada Lee' } });
    expect(await titles(t, 'biscuit')).toEqual([['detail', 'Ada Lee', 'new puppy Biscuit']]);
    expect(await titles(t, 'ada puppy')).toEqual([['detail', 'Ada Lee', 'new puppy Biscuit']]);
    expect(await titles(t, 'sam')).toEqual([]);
    await t.call('contacts.delete', { ids: [ada.id] });
    expect(await titles(t, 'ada')).toEqual([]);
    expect(await titles(t, 'biscuit')).toEqual([]);
  });

  it('keeps its index in the database file: a restart finds it ready, with nothing to read again', async () => {
    const t = await openTestCore();
    await withSam(t);
    expect(await titles(t, 'biscuit')).toEqual([['detail', 'Sam Okafor', 'new puppy Biscuit']]);
    await t.close();
    const before = inFile(t, (file) => file.prepare('SELECT * FROM search_state ORDER BY key').all());
    expect(inFile(t, (file) => file.prepare('SELECT count(*) AS n FROM search_person').get())).toEqual({ n: 1 });
    await t.reopen();
    expect(await titles(t, 'coffee')).toEqual([['interaction', 'Sam Okafor', 'Coffee at Baltic']]);
    await t.close();
    expect(inFile(t, (file) => file.prepare('SELECT * FROM search_state ORDER BY key').all())).toEqual(before);
  });

  it('builds the index again when it is missing or of another version', async () => {
    const t = await openTestCore();
    await withSam(t);
    await titles(t, 'sam');
    await t.close();
    inFile(t, (file) => file.exec('DROP TABLE search_people'));
    await t.reopen();
    expect(await titles(t, 'biscuit')).toEqual([['detail', 'Sam Okafor', 'new puppy Biscuit']]);
    await t.close();
    inFile(t, (file) => file.exec("UPDATE search_state SET value = '0' WHERE key = 'version'"));
    await t.reopen();
    expect(await titles(t, 'baltic')).toEqual([['interaction', 'Sam Okafor', 'Coffee at Baltic']]);
  });

  it('catches up at the next search after an update failed, instead of staying behind', async () => {
    const t = await openTestCore();
    await withSam(t);
    await titles(t, 'sam');
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const find = vi.spyOn(t.core.db.details, 'find').mockImplementationOnce(() => {
      throw new Error('disk read failed');
    });
    await t.call('contacts.create', { displayName: 'Biscuit Baker' });
    await vi.waitFor(() =>
      expect(log).toHaveBeenCalledWith(expect.stringContaining('the next search tries again'), expect.any(Error)),
    );
    find.mockRestore();
    expect((await titles(t, 'biscuit')).map(([, title]) => title)).toEqual(['Biscuit Baker', 'Sam Okafor']);
  });
});
