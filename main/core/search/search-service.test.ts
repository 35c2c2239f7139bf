import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it, vi } from 'vitest';
import { inArea } from '../area.ts';
import { sqliteConnectionOf } from '../db/database.ts';
import { dataFolder } from '../lifecycle/data-folder.ts';
import { INTERACTION_CANDIDATES, PEOPLE_CANDIDATES } from './search-service.ts';
import { rawContact, rawInteraction, WRITTEN_AT } from '../testing/documents.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';

const titles = async (t: TestCore, q: string) =>
  (await t.call('search.query', { q, limit: 10 })).map((h) => [h.kind, h.title, h.snippet]);

/** Writes through the open core's own connection, as nothing in the app would. */
function inConnection(t: TestCore, write: (db: DatabaseSync) => void): void {
  write(sqliteConnectionOf(t.core.db)!);
}

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
    // Combined words score with the same weights as any others: both words starting words of
    // Samira's name (the heaviest field) outweigh "sam" in Sam's name with "pup" in his detail.
    expect(await titles(t, 'sam pup')).toEqual([
      ['person', 'Samira Puppe', 'Samira Puppe'],
      ['detail', 'Sam Okafor', 'new puppy Biscuit'],
    ]);
    // Interactions stay documents of their own.
    expect(await titles(t, 'okafor baltic')).toEqual([]);
  });

  it('finds Łukasz by "lukasz" and Straße by "strasse", highlighting what matched', async () => {
    const t = await openTestCore();
    await t.call('interactions.log', {
      interaction: { type: 'coffee', date: '2026-03-10', contactIds: [], title: 'Kaffee in der Hauptstraße' },
      newPeople: ['Łukasz Nowak'],
      details: [{ text: 'moving to Ærøskøbing' }],
    });
    const marked = async (q: string) =>
      (await t.call('search.query', { q, limit: 10 })).map((h) => [
        h.kind,
        h.title,
        h.highlights.map(([s, e]) => h.snippet.slice(s, e)),
      ]);
    expect(await marked('lukasz')).toEqual([['person', 'Łukasz Nowak', ['Łukasz']]]);
    expect(await marked('hauptstrasse')).toEqual([['interaction', 'Łukasz Nowak', ['Hauptstraße']]]);
    expect(await marked('aeroskob')).toEqual([['detail', 'Łukasz Nowak', ['Ærøskøb']]]);
    // As typed, too.
    expect(await marked('Łuk')).toEqual([['person', 'Łukasz Nowak', ['Łuk']]]);
  });

  it('says how far a build from scratch has read, then that it is done', async () => {
    const t = await openTestCore();
    await withSam(t);
    await t.call('contacts.create', { displayName: 'Ada Lee' });
    await titles(t, 'sam');
    const states: { building: boolean; done: number; total: number }[] = [];
    const watching = t.core.projection.search.state$.subscribe((s) => states.push(s));
    await t.core.projection.search.rebuild();
    // Sam, Ada, the detail and the coffee: counted before the first batch, read in one.
    expect(states.slice(1)).toEqual([
      { building: true, done: 0, total: 4 },
      { building: true, done: 4, total: 4 },
      { building: false, done: 4, total: 4 },
    ]);
    // A catch-up after a write is no build: it says nothing.
    await t.call('contacts.create', { displayName: 'Bo Chen' });
    expect(await titles(t, 'bo')).toEqual([['person', 'Bo Chen', 'Bo Chen']]);
    expect(states).toHaveLength(4);
    watching.unsubscribe();
    // The search box hears it through its channel.
    const heard: unknown[] = [];
    const stop = t.core.watch('search.watchIndex', {}, (r) => heard.push(r.ok && r.value));
    await vi.waitFor(() => expect(heard).toEqual([{ building: false, done: 4, total: 4 }]));
    stop();
    // Nor does a pass while a build's merge is still to come (bulk load on, as a quit mid-merge leaves it).
    await t.close();
    inFile(t, (file) => {
      for (const fts of ['search_people', 'search_talks'])
        file.exec(`INSERT INTO ${fts}(${fts}, rank) VALUES ('automerge', 0)`);
    });
    await t.reopen();
    const afterMerge: unknown[] = [];
    const watchingAgain = t.core.projection.search.state$.subscribe((s) => afterMerge.push(s));
    await t.call('contacts.create', { displayName: 'Cy Dunn' });
    expect(await titles(t, 'cy')).toEqual([['person', 'Cy Dunn', 'Cy Dunn']]);
    await t.core.projection.search.merged();
    expect(afterMerge).toEqual([{ building: false, done: 0, total: 0 }]);
    watchingAgain.unsubscribe();
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
    await t.call('contacts.create', { displayName: 'Biscuit Baker' });
    // Only now: the projector is done with the write, while the search index's pass gathers
    // writes for a moment before it reads the people they touched.
    const find = vi
      .spyOn(t.core.db.contacts.storageInstance, 'findDocumentsById')
      .mockRejectedValueOnce(new Error('disk read failed'));
    await vi.waitFor(() =>
      expect(log).toHaveBeenCalledWith(expect.stringContaining('the next search tries again'), expect.any(Error)),
    );
    find.mockRestore();
    expect((await titles(t, 'biscuit')).map(([, title]) => title)).toEqual(['Biscuit Baker', 'Sam Okafor']);
  });

  it('makes a search right after start wait for the build the background job began', async () => {
    const t = await openTestCore();
    await withSam(t);
    await t.close();
    inFile(t, (file) => file.exec('DROP TABLE search_people'));
    // With jobs, the build starts at once in the background; the first search must not overtake it.
    await t.reopen({ jobs: true });
    expect(await titles(t, 'biscuit')).toEqual([['detail', 'Sam Okafor', 'new puppy Biscuit']]);
  });

  it('merges as it goes again after a build, even one a crash interrupted', async () => {
    const automerge = (t: TestCore) =>
      inFile(t, (file) =>
        ['search_people', 'search_talks'].map(
          (fts) => (file.prepare(`SELECT v FROM ${fts}_config WHERE k = 'automerge'`).get() as { v: number }).v,
        ),
      );
    const t = await openTestCore();
    await withSam(t);
    await titles(t, 'sam');
    expect(automerge(t)).toEqual([4, 4]);
    await t.close();
    const segments = () =>
      inFile(
        t,
        (file) => (file.prepare('SELECT count(DISTINCT segid) AS n FROM search_people_idx').get() as { n: number }).n,
      );
    // What a build stopped half-way leaves: segments left to merge at its end, which never came.
    inFile(t, (file) => {
      for (const fts of ['search_people', 'search_talks'])
        file.exec(`INSERT INTO ${fts}(${fts}, rank) VALUES ('automerge', 0)`);
    });
    await t.reopen();
    await t.call('contacts.create', { displayName: 'Biscuit Baker' });
    expect((await titles(t, 'biscuit')).map(([, title]) => title)).toEqual(['Biscuit Baker', 'Sam Okafor']);
    // Searches do not wait for the merge, which goes on in the background.
    await t.core.projection.search.merged();
    expect(automerge(t)).toEqual([4, 4]);
    // The pass that found it finished the build: one segment, as a build's end leaves.
    await t.close();
    expect(segments()).toBe(1);
  });

  it('says a merge failed (a full disk) and merges again on the next pass', async () => {
    const t = await openTestCore();
    for (const name of ['Sam Okafor', 'Sam Reid', 'Samira Khan']) {
      await t.call('contacts.create', { displayName: name });
      await titles(t, 'sam'); // a pass apiece: a segment apiece
    }
    await t.close();
    // A build stopped before its merge.
    inFile(t, (file) => {
      for (const fts of ['search_people', 'search_talks'])
        file.exec(`INSERT INTO ${fts}(${fts}, rank) VALUES ('automerge', 0)`);
    });
    await t.reopen();
    const search = t.core.projection.search;
    // What SQLite answers when a step finds no room (fts-store.test.ts runs one against a full file).
    const full = vi.spyOn(search.store, 'mergeStep').mockImplementation(() => {
      throw new Error('database or disk is full');
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    await search.flush();
    await expect(search.merged()).rejects.toThrow('database or disk is full');
    // `rapport rebuild` says what was done, what failed and what to do.
    await expect(t.core.projection.rebuild()).rejects.toThrow(
      'The derived data and the search index were rebuilt, but merging the index failed (database or disk is full). ' +
        'Searches work meanwhile; with free disk space, Rapport merges it at its next start.',
    );
    quiet.mockRestore();
    full.mockRestore();
    // Searches still answer, from the unmerged index (equal scores come in id order: sorted here).
    expect((await titles(t, 'sam')).map(([, title]) => title).sort()).toEqual([
      'Sam Okafor',
      'Sam Reid',
      'Samira Khan',
    ]);
    expect(search.store.bulkLoading()).toBe(true);
    // The next pass finds the merge still owed.
    await search.flush();
    await search.merged();
    expect(search.store.bulkLoading()).toBe(false);
    await t.dispose();
  });

  it('builds people whose details fill more than a batch of the feed and came before them', async () => {
    const t = await openTestCore();
    const detail = (n: number) => ({
      id: `d${n}`,
      contactId: `c${n % 60}`,
      text: `marker${String(n).padStart(4, '0')}`,
      learnedOn: '2026-03-01',
      sensitivity: 'normal' as const,
      status: 'open' as const,
      createdAt: WRITTEN_AT,
      updatedAt: WRITTEN_AT,
    });
    // As a restore or another device may deliver them: 1,200 details first, then their 60 people.
    await inArea('replication', async () => {
      await t.core.db.details.bulkInsert(Array.from({ length: 1200 }, (_, n) => detail(n)));
      await t.core.db.contacts.bulkInsert(Array.from({ length: 60 }, (_, n) => contact(`c${n}`, `Person ${n}`)));
    });
    // A detail from the feed's first batch and one from its last both find their person.
    expect(await titles(t, 'marker0005')).toEqual([['detail', 'Person 5', 'marker0005']]);
    expect(await titles(t, 'marker1145')).toEqual([['detail', 'Person 5', 'marker1145']]);
  });

  it('is emptied and read again by a rebuild (rapport rebuild)', async () => {
    const t = await openTestCore();
    await withSam(t);
    await titles(t, 'sam');
    // An index that lost rows (a bug, a bad copy): only a rebuild notices.
    inConnection(t, (db) => db.exec("INSERT INTO search_talks(search_talks) VALUES ('delete-all')"));
    expect(await titles(t, 'baltic')).toEqual([]);
    const report = await t.core.projection.rebuild();
    expect(report.search).toEqual({ people: 1, interactions: 1 });
    expect(await titles(t, 'baltic')).toEqual([['interaction', 'Sam Okafor', 'Coffee at Baltic']]);
  });

  it('reads broad queries best first: heavier fields, then whole words, however many match', async () => {
    const t = await openTestCore();
    const atAlex = Array.from({ length: PEOPLE_CANDIDATES + 40 }, (_, n) =>
      contact(`c${n}`, `Person ${n}`, 'Alex Partners'),
    );
    // Written last, so the index's order alone would never reach them. A name outweighs an
    // organisation, a whole word a prefix.
    atAlex.push(contact('z1', 'Alexandria Prefix'), contact('z2', 'Alex Whole'));
    await inArea('replication', () => t.core.db.contacts.bulkInsert(atAlex));
    const shown = (await titles(t, 'alex')).map(([, title]) => title);
    expect(shown.slice(0, 2)).toEqual(['Alex Whole', 'Alexandria Prefix']);
    expect(shown.slice(2)).toEqual(Array.from({ length: 8 }, () => expect.stringMatching(/^Person \d+$/)));
  });

  it('ranks a match in the name above one in the organisation or role', async () => {
    const t = await openTestCore();
    await inArea('replication', () =>
      t.core.db.contacts.bulkInsert([
        contact('analyst', 'Irina Ionescu', 'Financial Analyst'),
        contact('ananya', 'Ananya Chowdhury', 'Weaver & Finch'),
      ]),
    );
    expect((await titles(t, 'ana')).map(([, title]) => title)).toEqual(['Ananya Chowdhury', 'Irina Ionescu']);
  });

  it('reads interactions in their exact order when more match than it scores', async () => {
    const t = await openTestCore();
    const talks = [interaction('i-a', '2025-01-02', 'Coffee'), interaction('i-b', '2025-01-03', 'Coffees')];
    for (let n = 0; n < INTERACTION_CANDIDATES + 10; n++)
      talks.push(interaction(`i${n}`, '2026-02-01', `Call ${n}`, 'coffee after'));
    await inArea('replication', () => t.core.db.interactions.bulkInsert(talks));
    const hits = await t.call('search.query', { q: 'coffee', limit: 3 });
    expect(hits.map((h) => h.snippet)).toEqual(['Coffee', 'Coffees', 'coffee after']);
  });

  it('reads the tiers of few matches from memory as the index would: a whole word first, however old', async () => {
    const t = await openTestCore();
    const talks = [interaction('i-old', '2025-01-02', 'Biscuit')];
    for (let n = 0; n < 5; n++) talks.push(interaction(`i${n}`, `2025-06-0${n + 1}`, 'Biscuits tin'));
    await inArea('replication', () => t.core.db.interactions.bulkInsert(talks));
    for (const q of ['biscuit', 'bisc', 'biscuit']) {
      const hits = await t.call('search.query', { q, limit: 2 });
      expect(hits.map((h) => h.id)).toEqual(q === 'biscuit' ? ['i-old', 'i4'] : ['i4', 'i3']);
    }
  });
});

const contact = (id: string, displayName: string, organisation?: string) =>
  rawContact(id, { displayName, ...(organisation ? { organisation } : {}) });
const interaction = (id: string, date: string, title: string, notes?: string) =>
  rawInteraction(id, { date, title, ...(notes ? { notes } : {}) });
