/**
 * The full archive: every source collection of the database as versioned JSON, and reading one
 * back. Archives hold only source data (db/collections.ts): derived data is rebuilt from it.
 * Reading validates everything and writes nothing; a restore then builds a new database file from
 * the result and swaps it in (lifecycle/replace-database.ts).
 */
import type { MigrationStrategies, RxCollection } from 'rxdb';
import { AppError, type FieldIssue } from '../../../shared/ipc/result.ts';
import type { Clock } from '../clock.ts';
import { COLLECTION_SCHEMAS, COLLECTIONS, sourceCollections, type CollectionName } from '../db/collections.ts';
import type { RapportDatabase } from '../db/database.ts';
import { readAll } from '../db/bulk.ts';
import { isDeviceSetting } from '../settings/settings-store.ts';
import { ARCHIVE_DOCUMENT_SCHEMAS, ArchiveEnvelope, jsonDepth, MAX_JSON_DEPTH } from './archive-schemas.ts';

export const ARCHIVE_FORMAT = 'rapport-archive';
export const ARCHIVE_VERSION = 1;

export type Documents = Partial<Record<CollectionName, Record<string, unknown>[]>>;
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
  Object.fromEntries(Object.entries(documents).map(([name, docs]) => [name, docs?.length ?? 0]));

/** The archive text, its counts per collection, and the documents it holds (so a backup can write its vCard from the same read). */
export async function exportArchive(
  db: RapportDatabase,
  clock: Clock,
): Promise<{ text: string; counts: Counts; documents: Documents }> {
  const documents = await snapshot(db);
  const collections = Object.fromEntries(
    Object.entries(documents).map(([name, docs]) => [
      name,
      { schemaVersion: COLLECTION_SCHEMAS[name as CollectionName].schema.version, documents: docs },
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
 * Parses and validates archive text against this version's collections, migrating documents
 * written by older schema versions, checking that ids are unique and references point somewhere.
 * @throws AppError `invalid_input` whose message names the file and the JSON path of each problem.
 */
export async function readArchive(text: string, fileName: string): Promise<Documents> {
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

  const issues: FieldIssue[] = [];
  const out: Documents = {};
  for (const [name, { schemaVersion, documents }] of Object.entries(archive.collections)) {
    const info = COLLECTIONS[name as CollectionName];
    // Derived collections in older archives (participations) are rebuilt from the source instead.
    if (info?.kind === 'derived') continue;
    const schema = ARCHIVE_DOCUMENT_SCHEMAS[name as keyof typeof ARCHIVE_DOCUMENT_SCHEMAS];
    if (!info || !schema) {
      issues.push({
        path: ['collections', name],
        message: `unknown collection "${name}" (written by a newer Rapport?)`,
      });
      continue;
    }
    const { schema: current, migrationStrategies } = COLLECTION_SCHEMAS[name as CollectionName];
    if (schemaVersion > current.version) {
      issues.push({
        path: ['collections', name, 'schemaVersion'],
        message: `schema version ${schemaVersion} is newer than this Rapport's ${current.version}`,
      });
      continue;
    }
    const valid: Record<string, unknown>[] = [];
    const seen = new Set<string>();
    for (const [index, document] of documents.entries()) {
      const at = ['collections', name, 'documents', index];
      const problem = shapeProblem(document);
      if (problem) {
        issues.push({ path: at, message: problem });
        continue;
      }
      const migrated = await migrate(migrationStrategies, schemaVersion, current.version, document);
      if (migrated === null) continue; // the migration strategy dropped it on purpose
      const result = schema.safeParse(migrated);
      if (!result.success) {
        for (const i of result.error.issues)
          issues.push({ path: [...at, ...(i.path as (string | number)[])], message: i.message });
        continue;
      }
      const doc = result.data as Record<string, unknown>;
      const docId = String(doc.id);
      if (seen.has(docId)) issues.push({ path: [...at, 'id'], message: `the id "${docId}" appears twice` });
      seen.add(docId);
      valid.push(doc);
    }
    out[name as CollectionName] = valid;
  }
  issues.push(...referenceProblems(out));
  if (issues.length) fail(issues);
  return out;
}

/** What is wrong with a document before its schema is even asked, in words. */
function shapeProblem(document: unknown): string | undefined {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return 'not a document (an object)';
  if ((document as { _deleted?: unknown })._deleted === true)
    return 'a deleted document: archives hold only live ones, so this one was not written by Rapport';
  if (jsonDepth(document) > MAX_JSON_DEPTH) return `nested more than ${MAX_JSON_DEPTH} levels deep`;
  return undefined;
}

/** References that point nowhere: an interaction's people, a detail's person and interaction. */
function referenceProblems(documents: Documents): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const ids = (name: CollectionName) => new Set((documents[name] ?? []).map((d) => String(d.id)));
  const people = ids('contacts');
  const interactions = ids('interactions');
  for (const [index, doc] of (documents.interactions ?? []).entries()) {
    for (const [n, contactId] of ((doc.contactIds as string[]) ?? []).entries()) {
      if (!people.has(contactId))
        issues.push({
          path: ['collections', 'interactions', 'documents', index, 'contactIds', n],
          message: `no person with the id "${contactId}" is in the archive`,
        });
    }
  }
  for (const [index, doc] of (documents.details ?? []).entries()) {
    const at = ['collections', 'details', 'documents', index];
    if (!people.has(String(doc.contactId)))
      issues.push({
        path: [...at, 'contactId'],
        message: `no person with the id "${String(doc.contactId)}" is in the archive`,
      });
    if (doc.interactionId !== undefined && !interactions.has(String(doc.interactionId)))
      issues.push({
        path: [...at, 'interactionId'],
        message: `no interaction with the id "${String(doc.interactionId)}" is in the archive`,
      });
  }
  return issues;
}

/** Runs the collection's append-only migration strategies from `from` up to `to`. */
async function migrate(strategies: MigrationStrategies, from: number, to: number, document: unknown): Promise<unknown> {
  let doc = document;
  for (let v = from + 1; v <= to && doc !== null; v++) {
    const strategy = (strategies as Record<number, (d: unknown) => unknown>)[v];
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
