/**
 * The full archive: every collection of the database as versioned JSON, and its restore.
 *
 * Archives hold the source collections (db/collections.ts): derived data is rebuilt from them.
 * Restore validates everything before writing anything, and undoes its own writes if one fails
 * (RxDB has no multi-collection transaction).
 */
import type { RxCollection } from 'rxdb';
import { AppError, type FieldIssue } from '../../../shared/ipc/result.ts';
import { inArea } from '../area.ts';
import type { Clock } from '../clock.ts';
import { COLLECTIONS, sourceCollections, type CollectionName } from '../db/collections.ts';
import type { RapportDatabase } from '../db/database.ts';
import { isDeviceSetting } from '../settings/settings-store.ts';
import { ArchiveEnvelope, documentSchemaFor } from './archive-schemas.ts';
import { bulkWrite, readAll, removeAll } from '../db/bulk.ts';

export const ARCHIVE_FORMAT = 'rapport-archive';
export const ARCHIVE_VERSION = 1;

export type Documents = Record<string, Record<string, unknown>[]>;
export type Counts = Record<string, number>;

type AnyCollection = RxCollection<Record<string, unknown>>;
const collectionsOf = (db: RapportDatabase) => db.collections as unknown as Record<string, AnyCollection>;

/**
 * Every document of every source collection, without RxDB's `_meta`/`_rev` fields, and without
 * this device's own settings (where backups go, what was notified).
 */
export async function snapshot(db: RapportDatabase): Promise<Documents> {
  const out: Documents = {};
  for (const name of [...sourceCollections].sort()) {
    const docs = await readAll(collectionsOf(db)[name]!);
    out[name] = name === 'settings' ? docs.filter((d) => !isDeviceSetting(String(d.id))) : docs;
  }
  return out;
}

export const countsOf = (documents: Documents): Counts =>
  Object.fromEntries(Object.entries(documents).map(([name, docs]) => [name, docs.length]));

/** The archive text, its counts per collection, and the documents it holds (so a backup can write its vCard from the same read). */
export async function exportArchive(
  db: RapportDatabase,
  clock: Clock,
): Promise<{ text: string; counts: Counts; documents: Documents }> {
  const documents = await snapshot(db);
  const collections = Object.fromEntries(
    Object.entries(documents).map(([name, docs]) => [
      name,
      { schemaVersion: collectionsOf(db)[name]!.schema.version, documents: docs },
    ]),
  );
  const text = JSON.stringify({
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: clock.now().toISOString(),
    collections,
  });
  return { text, counts: countsOf(documents), documents };
}

const MAX_REPORTED = 20;

/**
 * Parses and validates archive text against this database's collections, migrating documents
 * written by older schema versions. Nothing is written.
 * @throws AppError `invalid_input` whose message names the file and the JSON path of each bad document.
 */
export async function readArchive(db: RapportDatabase, text: string, fileName: string): Promise<Documents> {
  const fail = (issues: FieldIssue[]): never => {
    const listed = issues.slice(0, MAX_REPORTED).map((i) => `${fileName}: ${jsonPath(i.path)}: ${i.message}`);
    const more = issues.length > MAX_REPORTED ? `\n… and ${issues.length - MAX_REPORTED} more problems` : '';
    throw new AppError(
      'invalid_input',
      `${fileName} cannot be restored:\n${listed.join('\n')}${more}`,
      issues.slice(0, MAX_REPORTED),
    );
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail([{ path: [], message: `not valid JSON (${(error as Error).message})` }]);
  }
  const envelope = ArchiveEnvelope.safeParse(raw);
  if (!envelope.success)
    return fail(envelope.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })));
  const archive = envelope.data;
  if (archive.version > ARCHIVE_VERSION)
    fail([
      {
        path: ['version'],
        message: `archive version ${archive.version} was written by a newer Rapport; this one reads up to ${ARCHIVE_VERSION}`,
      },
    ]);

  const collections = collectionsOf(db);
  const issues: FieldIssue[] = [];
  const out: Documents = {};
  for (const [name, { schemaVersion, documents }] of Object.entries(archive.collections)) {
    // Derived collections in older archives (participations) are rebuilt from the source instead.
    if (COLLECTIONS[name as CollectionName]?.kind === 'derived') continue;
    const collection = collections[name];
    if (!collection) {
      issues.push({
        path: ['collections', name],
        message: `unknown collection "${name}" (written by a newer Rapport?)`,
      });
      continue;
    }
    if (schemaVersion > collection.schema.version) {
      issues.push({
        path: ['collections', name, 'schemaVersion'],
        message: `schema version ${schemaVersion} is newer than this Rapport's ${collection.schema.version}`,
      });
      continue;
    }
    const schema = documentSchemaFor(name, collection.schema.primaryPath as string);
    const valid: Record<string, unknown>[] = [];
    for (const [index, document] of documents.entries()) {
      const migrated = await migrate(collection, schemaVersion, document);
      if (migrated === null) continue; // the migration strategy dropped it on purpose
      const result = schema.safeParse(migrated);
      if (result.success) valid.push(migrated as Record<string, unknown>);
      else
        for (const i of result.error.issues)
          issues.push({
            path: ['collections', name, 'documents', index, ...(i.path as (string | number)[])],
            message: i.message,
          });
    }
    out[name] = valid;
  }
  if (issues.length) fail(issues);
  return out;
}

/** Runs the collection's append-only migration strategies from `from` up to its current version. */
async function migrate(collection: AnyCollection, from: number, document: unknown): Promise<unknown> {
  let doc = document;
  for (let v = from + 1; v <= collection.schema.version && doc !== null; v++) {
    const strategy = (collection.migrationStrategies as Record<number, (d: unknown) => unknown>)[v];
    if (strategy) doc = await strategy(doc);
  }
  return doc;
}

/** `['collections','contacts','documents',3,'emails',0]` → `$.collections.contacts.documents[3].emails[0]`. */
export function jsonPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${key}`), '$');
}

/** People, history or practice data: anything but settings makes a profile non-empty. */
export async function isEmptyProfile(db: RapportDatabase): Promise<boolean> {
  for (const name of sourceCollections) {
    if (name === 'settings') continue;
    if ((await collectionsOf(db)[name]!.count().exec()) > 0) return false;
  }
  return true;
}

/**
 * Replaces the database's content with `documents`. Refuses a non-empty profile unless
 * `overwrite`. If any write fails, the previous content is put back before the error surfaces.
 * @throws AppError `conflict` for a non-empty profile without `overwrite`.
 */
export async function restoreDocuments(
  db: RapportDatabase,
  documents: Documents,
  options: { overwrite: boolean },
): Promise<Counts> {
  if (!options.overwrite && !(await isEmptyProfile(db))) {
    const people = await db.contacts.count().exec();
    throw new AppError(
      'conflict',
      `This profile is not empty (${people} people). Restoring replaces everything in it; confirm to continue.`,
    );
  }
  const keep = (name: string, doc: Record<string, unknown>) =>
    !(name === 'settings' && isDeviceSetting(String(doc.id)));
  const filter = (docs: Documents) =>
    Object.fromEntries(Object.entries(docs).map(([name, list]) => [name, list.filter((d) => keep(name, d))]));
  const previous = filter(await snapshot(db));
  const incoming = filter(documents);
  const collections = collectionsOf(db);
  try {
    await replace(collections, previous, incoming);
  } catch (error) {
    // Compensate: whatever was half-written goes, and the previous content comes back.
    await replace(collections, incoming, previous);
    throw error;
  }
  return countsOf(incoming);
}

/** Each owner replaces its own collection's documents. */
async function replace(collections: Record<string, AnyCollection>, current: Documents, next: Documents): Promise<void> {
  const owner = (name: string) => COLLECTIONS[name as CollectionName].owner;
  for (const [name, docs] of Object.entries(current))
    await inArea(owner(name), () => removeAll(collections[name]!, docs));
  for (const [name, docs] of Object.entries(next)) await inArea(owner(name), () => bulkWrite(collections[name]!, docs));
}
