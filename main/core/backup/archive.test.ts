import { describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { sourceCollections } from '../db/collections.ts';
import { exportArchive, readArchive } from './archive.ts';
import { archiveDocumentSchemas } from './archive-schemas.ts';
import { closeCore, openCore, seedPeople } from './test-helpers.ts';

const clock = fixedClock('2026-03-01T09:00:00Z');

/** A valid archive of the seeded people, as parsed JSON to spoil in each test. */
async function seededArchive() {
  const source = await openCore();
  await seedPeople(source);
  const text = (await exportArchive(source.db, clock)).text;
  await closeCore(source);
  return JSON.parse(text) as {
    collections: Record<string, { schemaVersion: number; documents: Record<string, unknown>[] }>;
  };
}
const problems = (archive: unknown, text = JSON.stringify(archive)) =>
  readArchive(text, 'backup.json').then(
    () => '',
    (error: Error & { code?: string }) => `${error.code}: ${error.message}`,
  );

describe('the archive', () => {
  it('holds every source collection and no derived one', async () => {
    const source = await openCore();
    await seedPeople(source);
    const { text, counts } = await exportArchive(source.db, clock);
    expect(counts).toMatchObject({ contacts: 2, interactions: 1, details: 1, settings: 1 });
    expect(counts).not.toHaveProperty('participations');
    const header = JSON.parse(text) as { format: string; version: number; collections: Record<string, unknown> };
    expect(header).toMatchObject({ format: 'rapport-archive', version: 1 });
    expect(Object.keys(header.collections).sort()).toEqual([...sourceCollections].sort());
    expect(Object.keys(archiveDocumentSchemas()).sort()).toEqual([...sourceCollections].sort());
  });

  it('reads back what it wrote, and drops derived collections written by older versions', async () => {
    const archive = await seededArchive();
    archive.collections.participations = { schemaVersion: 0, documents: [{ id: 'x:y' }] };
    const documents = await readArchive(JSON.stringify(archive), 'a.json');
    expect(documents.contacts!.map((c) => c.displayName).sort()).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(documents).not.toHaveProperty('participations');
  });

  it('names the file and the JSON path of every bad document', async () => {
    const archive = await seededArchive();
    archive.collections.contacts!.documents[1]!.displayName = '';
    archive.collections.details!.documents[0]!.learnedOn = 'yesterday';
    const message = await problems(archive);
    expect(message).toMatch(/^invalid_input: /);
    expect(message).toContain('backup.json: $.collections.contacts.documents[1].displayName: Name is required');
    expect(message).toContain('backup.json: $.collections.details.documents[0].learnedOn');
  });

  it.each([
    [
      'a duplicate id',
      (a: Awaited<ReturnType<typeof seededArchive>>) => {
        a.collections.contacts!.documents.push({ ...a.collections.contacts!.documents[0]! });
      },
      /documents\[2\]\.id: the id ".+" appears twice/,
    ],
    [
      'a deleted document',
      (a: Awaited<ReturnType<typeof seededArchive>>) => void (a.collections.contacts!.documents[0]!._deleted = true),
      /documents\[0\]: a deleted document/,
    ],
    [
      'an id of 5,000 characters',
      (a: Awaited<ReturnType<typeof seededArchive>>) =>
        void (a.collections.interactions!.documents[0]!.id = 'x'.repeat(5000)),
      /interactions\.documents\[0\]\.id: Use at most [\d,]+ characters/,
    ],
    [
      'a 10 MB event id',
      (a: Awaited<ReturnType<typeof seededArchive>>) =>
        void (a.collections.interactions!.documents[0]!.eventId = 'e'.repeat(10_000_000)),
      /interactions\.documents\[0\]\.eventId: Use at most/,
    ],
    [
      'a detail whose interaction is not in the archive',
      (a: Awaited<ReturnType<typeof seededArchive>>) =>
        void (a.collections.details!.documents[0]!.interactionId = 'nowhere'),
      /details\.documents\[0\]\.interactionId: no interaction with the id "nowhere"/,
    ],
    [
      'an interaction with someone who is not in the archive',
      (a: Awaited<ReturnType<typeof seededArchive>>) =>
        void (a.collections.interactions!.documents[0]!.contactIds = ['ghost']),
      /contactIds\[0\]: no person with the id "ghost"/,
    ],
    [
      'a ladder whose steps are not a list',
      (a: Awaited<ReturnType<typeof seededArchive>>) =>
        void (a.collections.practice_ladders!.documents = [
          {
            id: 'l1',
            name: 'Meet-ups',
            steps: 'none',
            createdAt: '2026-03-01T09:00:00.000Z',
            updatedAt: '2026-03-01T09:00:00.000Z',
          },
        ]),
      /practice_ladders\.documents\[0\]\.steps: /,
    ],
  ])('refuses %s with a clear message, never "internal"', async (_label, spoil, expected) => {
    const archive = await seededArchive();
    spoil(archive);
    expect(await problems(archive)).toMatch(expected);
  });

  it('refuses a settings value nested 20,000 levels deep with a clear message, never "internal"', async () => {
    const archive = await seededArchive();
    archive.collections.settings!.documents[0]!.value = { deep: '@DEEP@' };
    // Written as text: JSON.stringify itself cannot nest that deep.
    const text = JSON.stringify(archive).replace('"@DEEP@"', '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000));
    expect(await problems(undefined, text)).toMatch(/settings\.documents\[0\]: nested more than 32 levels deep/);
  });

  it('names a document an old version wrote that cannot be brought up to date, never an internal error', async () => {
    const archive = await seededArchive();
    const starter = { id: 's1', text: 42, situation: 'coffee', channel: 'in-person', tone: 'warm' };
    const stamps = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
    archive.collections.user_starters = { schemaVersion: 0, documents: [{ ...starter, ...stamps }] };
    const message = await problems(archive);
    expect(message).toMatch(/^invalid_input: /);
    expect(message).toContain('backup.json: $.collections.user_starters.documents[0].text');
  });

  it('rejects text that is not an archive, and archives from a newer Rapport', async () => {
    await expect(readArchive('{"format":"other"}', 'x.json')).rejects.toThrow(
      /x\.json: \$\.format: This is not a Rapport archive/,
    );
    await expect(readArchive('not json', 'x.json')).rejects.toThrow(/x\.json: \$: not valid JSON/);
    const newer = JSON.stringify({
      format: 'rapport-archive',
      version: 1,
      exportedAt: '',
      collections: { contacts: { schemaVersion: 99, documents: [] } },
    });
    await expect(readArchive(newer, 'x.json')).rejects.toThrow(/schema version 99 is newer/);
    const unknown = JSON.stringify({
      format: 'rapport-archive',
      version: 1,
      exportedAt: '',
      collections: { spaceships: { schemaVersion: 0, documents: [] } },
    });
    await expect(readArchive(unknown, 'x.json')).rejects.toThrow(/unknown collection "spaceships"/);
  });
});
