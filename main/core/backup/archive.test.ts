import { describe, expect, it, vi } from 'vitest';
import { exportArchive, readArchive, restoreDocuments, snapshot } from './archive.ts';
import { closeCore, openCore, seedPeople } from './test-helpers.ts';
import { fixedClock } from '../clock.ts';
import { sourceCollections } from '../db/collections.ts';

const clock = fixedClock('2026-03-01T09:00:00Z');

describe('full archive', () => {
  it('round-trips every collection into an empty profile', async () => {
    const source = await openCore();
    await seedPeople(source);
    const { text, counts } = await exportArchive(source.db, clock);
    expect(counts).toMatchObject({ contacts: 2, interactions: 1, details: 1, settings: 1 });
    // Derived data is not archived: it is rebuilt from the source on restore.
    expect(counts).not.toHaveProperty('participations');
    const header = JSON.parse(text) as { format: string; version: number; collections: Record<string, unknown> };
    expect(header.format).toBe('rapport-archive');
    expect(header.version).toBe(1);
    expect(Object.keys(header.collections).sort()).toEqual([...sourceCollections].sort());
    const expected = await snapshot(source.db);
    // RxDB closes a same-named database in this process when another opens (closeDuplicates).
    await closeCore(source);

    const target = await openCore();
    const restored = await restoreDocuments(target.db, await readArchive(target.db, text, 'a.json'), {
      overwrite: false,
    });
    expect(restored).toEqual(counts);
    expect(await snapshot(target.db)).toEqual(expected);
    await target.projection.flush();
    // The services read the restored data as their own.
    const ada = expected.contacts!.find((c) => c.displayName === 'Ada Lovelace') as { id: string };
    expect(await target.call('contacts.get', { id: ada.id })).toMatchObject({
      displayName: 'Ada Lovelace',
      emails: [{ value: 'ada@example.org' }],
    });
    const page = await target.call('timeline.page', {
      filter: { contactId: ada.id },
      offset: 0,
      limit: 10,
    });
    expect(page.entries).toHaveLength(1);
  });

  it('refuses a non-empty profile unless told to overwrite, then replaces everything', async () => {
    const source = await openCore();
    await seedPeople(source);
    const { text } = await exportArchive(source.db, clock);
    const target = await openCore();
    await target.call('contacts.create', { displayName: 'Someone Else' });
    const documents = await readArchive(target.db, text, 'a.json');
    await expect(restoreDocuments(target.db, documents, { overwrite: false })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await target.db.contacts.count().exec()).toBe(1);
    await restoreDocuments(target.db, documents, { overwrite: true });
    const names = (await target.db.contacts.find().exec()).map((d) => d.displayName).sort();
    expect(names).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  it('names the file and the JSON path of every bad document, and writes nothing', async () => {
    const source = await openCore();
    await seedPeople(source);
    const archive = JSON.parse((await exportArchive(source.db, clock)).text);
    archive.collections.contacts.documents[1].displayName = '';
    archive.collections.details.documents[0].learnedOn = 'yesterday';
    const target = await openCore();
    const error = await readArchive(target.db, JSON.stringify(archive), 'backup.json').catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'invalid_input' });
    expect((error as Error).message).toContain(
      'backup.json: $.collections.contacts.documents[1].displayName: Name is required',
    );
    expect((error as Error).message).toContain('backup.json: $.collections.details.documents[0].learnedOn');
    expect(await target.db.contacts.count().exec()).toBe(0);
  });

  it('rejects text that is not an archive, and archives from a newer Rapport', async () => {
    const core = await openCore();
    await expect(readArchive(core.db, '{"format":"other"}', 'x.json')).rejects.toThrow(
      /x\.json: \$\.format: This is not a Rapport archive/,
    );
    await expect(readArchive(core.db, 'not json', 'x.json')).rejects.toThrow(/x\.json: \$: not valid JSON/);
    const newer = JSON.stringify({
      format: 'rapport-archive',
      version: 1,
      exportedAt: '',
      collections: { contacts: { schemaVersion: 99, documents: [] } },
    });
    await expect(readArchive(core.db, newer, 'x.json')).rejects.toThrow(/schema version 99 is newer/);
    const unknown = JSON.stringify({
      format: 'rapport-archive',
      version: 1,
      exportedAt: '',
      collections: { spaceships: { schemaVersion: 0, documents: [] } },
    });
    await expect(readArchive(core.db, unknown, 'x.json')).rejects.toThrow(/unknown collection "spaceships"/);
  });

  it('puts the previous content back when a write fails half-way', async () => {
    const source = await openCore();
    await seedPeople(source);
    const { text } = await exportArchive(source.db, clock);
    const target = await openCore();
    await target.call('contacts.create', { displayName: 'Keep Me' });
    const before = await snapshot(target.db);
    const documents = await readArchive(target.db, text, 'a.json');
    const original = target.db.details.bulkUpsert.bind(target.db.details);
    let calls = 0;
    // The first write to details (the restore's) fails; the compensation's write goes through.
    vi.spyOn(target.db.details, 'bulkUpsert').mockImplementation(async (docs) => {
      if (calls++ === 0) throw new Error('disk full');
      return original(docs);
    });
    await expect(restoreDocuments(target.db, documents, { overwrite: true })).rejects.toThrow('disk full');
    expect(await snapshot(target.db)).toEqual(before);
  });
});
