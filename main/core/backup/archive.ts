/**
 * The full archive: every source collection of the database as versioned JSON, and reading one
 * back. Archives hold only source data (db/collections.ts): derived data is rebuilt from it.
 * Writing goes a page at a time (archive-write.ts) in the line layout (archive-layout.ts);
 * reading validates everything and writes nothing (archive-read.ts).
 */
import type { RxCollection } from 'rxdb';
import type { Clock } from '../clock.ts';
import { readAll } from '../db/bulk.ts';
import { sourceCollections } from '../db/collections.ts';
import type { RapportDatabase } from '../db/database.ts';
import { isDeviceSetting } from '../settings/settings-store.ts';
import type { Documents } from './archive-check.ts';
import { writeArchive, type Counts } from './archive-write.ts';

export { ARCHIVE_FORMAT, ARCHIVE_VERSION } from './archive-schemas.ts';
export { jsonPath, type Documents } from './archive-check.ts';
export { readArchive, readArchiveFile } from './archive-read.ts';
export type { Counts } from './archive-write.ts';

type AnyCollection = RxCollection<Record<string, unknown>>;
const collectionsOf = (db: RapportDatabase) => db.collections as unknown as Record<string, AnyCollection>;

/**
 * Every document of every source collection, without RxDB's `_meta`/`_rev` fields, and without
 * this device's own settings (where backups go, what was notified). In memory: for tests and
 * small reads; archives and backups are written a page at a time instead.
 */
export async function snapshot(db: RapportDatabase): Promise<Documents> {
  const out: Documents = {};
  for (const name of [...sourceCollections].sort()) {
    const docs = await readAll(collectionsOf(db)[name]!);
    out[name] = name === 'settings' ? docs.filter((d) => !isDeviceSetting(String(d.id))) : docs;
  }
  return out;
}

/**
 * The archive as one text, for an export answered inline (`interchange.exportArchive`, the CLI).
 * It holds the text, never a second copy of the documents.
 */
export async function exportArchive(db: RapportDatabase, clock: Clock): Promise<{ text: string; counts: Counts }> {
  const pieces: string[] = [];
  const counts = await writeArchive(db, clock, (text) => void pieces.push(text));
  return { text: pieces.join(''), counts };
}

/** People, history or practice data: anything but settings makes a profile non-empty. */
export async function isEmptyProfile(db: RapportDatabase): Promise<boolean> {
  for (const name of sourceCollections) {
    if (name === 'settings') continue;
    if ((await collectionsOf(db)[name]!.count().exec()) > 0) return false;
  }
  return true;
}
