/**
 * Backups written and verified a page at a time: the same archive as the whole-database
 * snapshot, archives and backups written before the line layout still read and restore, a
 * cancelled or stalled backup leaves nothing, and a damaged line is named.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContactDraft } from '../../../shared/domain/contact.ts';
import { fixedClock } from '../clock.ts';
import { COLLECTION_SCHEMAS, type CollectionName } from '../db/collections.ts';
import type { RapportDatabase } from '../db/database.ts';
import { toVCard } from '../interchange/vcard/serialise.ts';
import { isCancelled } from '../jobs/cancellation.ts';
import { TimedOut, withDeadline } from '../jobs/timeout.ts';
import { createSettingsStore } from '../settings/settings-store.ts';
import { openTestCore } from '../testing/test-core.ts';
import type { ContactDocument } from '../people/schema.ts';
import { readArchive, snapshot, type Documents } from './archive.ts';
import { writeArchive } from './archive-write.ts';
import { backupName, FILES, sha256, verifyBackup } from './backup-files.ts';
import { createBackupService, OVERDUE_START_DELAY_MS } from './backup-service.ts';
import { closeCore, openCore, seedPeople, tempDir } from './test-helpers.ts';

const clock = fixedClock('2026-03-01T09:00:00Z');

/** The archive as the code before streaming wrote it: one JSON.stringify of the whole snapshot. */
async function compactArchive(db: RapportDatabase): Promise<string> {
  const documents = await snapshot(db);
  const collections = Object.fromEntries(
    Object.entries(documents).map(([name, docs]) => [
      name,
      { schemaVersion: COLLECTION_SCHEMAS[name as CollectionName].schema.version, documents: docs },
    ]),
  );
  return JSON.stringify({ format: 'rapport-archive', version: 1, exportedAt: clock.now().toISOString(), collections });
}

/** Seeded people plus enough more that a page of 3 splits every larger collection. */
async function seededCore() {
  const core = await openCore();
  await seedPeople(core);
  for (const name of ['Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov', 'Donald Knuth', 'Frances Allen'])
    await core.call('contacts.create', { displayName: name, emails: [{ value: `${name.split(' ')[0]}@example.org` }] });
  return core;
}

async function streamed(
  db: RapportDatabase,
  pageSize: number,
  onPage?: (name: string, documents: Record<string, unknown>[]) => Promise<void>,
) {
  let text = '';
  let vcard = '';
  const counts = await writeArchive(db, clock, (piece) => void (text += piece), {
    pageSize,
    onPage: async (name, documents) => {
      if (name === 'contacts') vcard += toVCard(documents as ContactDraft[], '3.0');
      await onPage?.(name, documents);
    },
  });
  return { text, vcard, counts };
}

type Parsed = { collections: Record<string, { documents: { id: string }[] }> };
/** An archive's collections with their documents sorted by id. */
const byId = (archive: Parsed) => {
  for (const c of Object.values(archive.collections)) c.documents.sort((a, b) => (a.id < b.id ? -1 : 1));
  return archive;
};

describe('the streamed archive', () => {
  it('holds exactly what the whole-database archive held, one document per line, and the same vCard', async () => {
    const core = await seededCore();
    const expected = await compactArchive(core.db);
    const expectedVCard = toVCard((await snapshot(core.db)).contacts as ContactDraft[], '3.0');
    let edited = false;
    let original: ContactDocument | undefined;
    // An edit between reading the first and the second page: written once, as first read.
    const { text, vcard, counts } = await streamed(core.db, 3, async (name, documents) => {
      if (name === 'contacts' && !edited) {
        edited = true;
        original = documents[0] as ContactDocument;
        await core.call('contacts.update', { id: original.id, fields: { ...original, nickname: 'Edited meanwhile' } });
      }
    });
    expect(text.match(new RegExp(`"id":"${original!.id}"`, 'g'))).toHaveLength(1);
    expect(text).not.toContain('Edited meanwhile');
    // The same documents as the snapshot archive; in the order of their last writes, not by id.
    expect(byId(JSON.parse(text))).toEqual(byId(JSON.parse(expected)));
    expect(counts).toMatchObject({ contacts: 7, interactions: 1, details: 1 });
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBe(2 + Object.keys(counts).length * 2 + Object.values(counts).reduce((a, b) => a + b, 0));
    const cards = (v: string) => v.split('BEGIN:VCARD').sort();
    expect(cards(vcard)).toEqual(cards(expectedVCard));
    // Read back, it restores the same documents as the compact archive of the same data.
    const sorted = (d: Documents) =>
      Object.fromEntries(
        Object.entries(d).map(([n, docs]) => [n, [...docs!].sort((a, b) => (a.id! < b.id! ? -1 : 1))]),
      );
    expect(sorted(await readArchive(text, 'new.json'))).toEqual(sorted(await readArchive(expected, 'old.json')));
  });

  it('names the line, the document and the field of a bad document', async () => {
    const core = await seededCore();
    const { text } = await streamed(core.db, 3);
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('"displayName":"Grace Hopper"'));
    lines[at] = lines[at]!.replace('"displayName":"Grace Hopper"', '"displayName":""');
    await expect(readArchive(lines.join('\n'), 'b.json')).rejects.toThrow(
      new RegExp(
        `b\\.json line ${at + 1}: \\$\\.collections\\.contacts\\.documents\\[\\d\\]\\.displayName: Name is required`,
      ),
    );
    await expect(readArchive(text.slice(0, text.lastIndexOf('\n]}')), 'c.json')).rejects.toThrow(/ends early/);
  });
});

describe('streamed backups', () => {
  it('a backup written before the line layout (one compact line) verifies and restores', async () => {
    const source = await openCore();
    await seedPeople(source);
    const folder = tempDir();
    const archive = await compactArchive(source.db);
    const vcard = toVCard((await snapshot(source.db)).contacts as ContactDraft[], '3.0');
    const name = backupName(new Date('2026-02-01T09:00:00Z'));
    mkdirSync(join(folder, name));
    writeFileSync(join(folder, name, FILES.archive), archive);
    writeFileSync(join(folder, name, FILES.vcard), vcard);
    const counts = Object.fromEntries(
      Object.entries(JSON.parse(archive).collections).map(([c, v]) => [c, (v as { documents: [] }).documents.length]),
    );
    const file = (text: string) => ({ bytes: Buffer.byteLength(text), sha256: sha256(text) });
    const manifest = {
      format: 'rapport-backup',
      version: 1,
      createdAt: '2026-02-01T09:00:00.000Z',
      counts,
      files: { [FILES.vcard]: { ...file(vcard), cards: counts.contacts }, [FILES.archive]: file(archive) },
    };
    writeFileSync(join(folder, name, FILES.manifest), JSON.stringify(manifest));
    await expect(verifyBackup(join(folder, name))).resolves.toMatchObject({ counts: { contacts: 2 } });
    await closeCore(source);

    const target = await openCore();
    await target.call('backup.setSettings', { frequency: 'daily', folder, keepDaily: 7, keepWeekly: 4 });
    expect(await target.call('backup.restore', { name, overwrite: false })).toMatchObject({
      counts: { contacts: 2, interactions: 1, details: 1 },
    });
  });

  it('a corrupted line in archive.json fails verification, naming the file and the line', async () => {
    const core = await seededCore();
    const { name } = await core.call('backup.runNow', {});
    const dir = join(core.dir, 'backups', name);
    const lines = readFileSync(join(dir, FILES.archive), 'utf8').split('\n');
    lines[2] = lines[2]!.slice(0, 20);
    writeFileSync(join(dir, FILES.archive), lines.join('\n'));
    await expect(verifyBackup(dir)).rejects.toThrow(
      /archive\.json line 3: \$\.collections\.contacts\.documents\[0\]: not valid JSON/,
    );
  });

  it('closing during a backup cancels it: nothing is published and no temporary folder is left', async () => {
    const t = await openTestCore({ now: '2026-03-01T09:00:00Z' });
    await seedPeople(t.core);
    const folder = tempDir();
    const store = createSettingsStore(t.core.db, clock);
    let stopping: Promise<void> | undefined;
    const phases: string[] = [];
    const backups = createBackupService(t.core.db, store, clock, t.dir, {
      onProgress: ({ phase }) => {
        phases.push(phase);
        stopping ??= backups.stop();
      },
    });
    await backups.setSettings({ frequency: 'daily', keepDaily: 7, keepWeekly: 4, folder });
    await expect(backups.runNow()).rejects.toMatchObject({ code: 'conflict', message: /cancelled/ });
    await stopping;
    expect(phases).toEqual(['writing']);
    expect(readdirSync(folder)).toEqual([]);
    expect(await backups.list()).toEqual([]);
  });

  it('a deadline cancels the work it gives up on, so nothing happens after the failure', async () => {
    let after: unknown;
    const work = withDeadline(
      async (signal) => {
        await new Promise((r) => setTimeout(r, 150));
        after = signal.reason;
        signal.throwIfAborted();
        return 'published';
      },
      50,
      'The backup',
    );
    await expect(work).rejects.toThrow(/The backup made no progress for 0 s/);
    await new Promise((r) => setTimeout(r, 200));
    expect(after).toBeInstanceOf(TimedOut);
    expect(isCancelled(after)).toBe(false);
  });

  it('an overdue backup waits until the app is up', async () => {
    const core = await openCore();
    await core.call('backup.runNow', {});
    const later = fixedClock('2026-03-09T09:00:00Z');
    const service = createBackupService(core.db, createSettingsStore(core.db, later), later, core.dir);
    const planned: number[] = [];
    service.start({
      setTimeout: (_run: () => void, ms: number) => planned.push(ms),
      clearTimeout: () => {},
    });
    await expect.poll(() => planned).toEqual([OVERDUE_START_DELAY_MS]);
    await service.stop();
  });
});
