/**
 * Builds a complete database file from validated archive documents, beside the live one and
 * without touching it. It is written without per-commit fsyncs (nothing relies on it until it is
 * finished), then counted, checked and flushed to disk as a whole before it may be swapped in.
 */
import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import {
  createRevision,
  fillWithDefaultSettings,
  normalizeMangoQuery,
  now,
  prepareQuery,
  type RxDocumentData,
  type RxJsonSchema,
} from 'rxdb';
import type { Counts, Documents } from '../backup/archive.ts';
import { CHUNK, yieldToEventLoop } from '../db/bulk.ts';
import { COLLECTION_SCHEMAS, type CollectionName } from '../db/collections.ts';
import { getRxStorageSqlite } from '../storage/index.ts';
import { syncFile } from './atomic-file.ts';
import { removeLeftovers, RESTORE_DATABASE_NAME, type DataFolder } from './data-folder.ts';

export interface BuildProgress {
  (phase: 'writing' | 'checking', done: number, total: number): void;
}

/**
 * Writes `documents` into a new `rapport-restore.sqlite`, through the storage directly rather than
 * an RxDB database: a second database would count against RxDB's limit of 13 open collections
 * per process. RxDB adds its own bookkeeping the first time the file opens as the live database.
 * @throws Cancelled, or the write or check error (the new file is then removed).
 */
export async function buildDatabase(
  folder: DataFolder,
  documents: Documents,
  signal: AbortSignal,
  onProgress: BuildProgress,
): Promise<Counts> {
  removeLeftovers(folder);
  const total = Object.values(documents).reduce((n, docs) => n + (docs?.length ?? 0), 0);
  const storage = getRxStorageSqlite({ databaseDirectory: folder.dir, synchronous: 'OFF' });
  const counts: Counts = {};
  const token = `restore-${randomUUID()}`;
  let done = 0;
  try {
    for (const name of Object.keys(COLLECTION_SCHEMAS) as CollectionName[]) {
      const docs = documents[name] ?? [];
      const instance = await storage.createStorageInstance<Record<string, unknown>>({
        databaseInstanceToken: token,
        databaseName: RESTORE_DATABASE_NAME,
        collectionName: name,
        schema: fillWithDefaultSettings(
          structuredClone(COLLECTION_SCHEMAS[name].schema) as RxJsonSchema<Record<string, unknown>>,
        ),
        options: {},
        multiInstance: false,
        devMode: false,
      });
      try {
        for (let i = 0; i < docs.length; i += CHUNK * 4) {
          signal.throwIfAborted();
          const rows = docs.slice(i, i + CHUNK * 4).map((doc) => ({ document: stored(doc, token) }));
          const result = await instance.bulkWrite(rows, 'restore');
          if (result.error.length) {
            const { documentId, status } = result.error[0]!;
            throw new Error(`Writing ${name} failed at ${documentId} (${status})`);
          }
          onProgress('writing', (done += rows.length), total);
          await yieldToEventLoop();
        }
        counts[name] = (await instance.count(countAll(instance))).count;
      } finally {
        await instance.close();
      }
      if (counts[name] !== docs.length)
        throw new Error(`The new database holds ${counts[name]} ${name}, expected ${docs.length}`);
    }
    onProgress('checking', total, total);
    const check = new DatabaseSync(folder.restoreTarget);
    try {
      const result = check.prepare('PRAGMA quick_check').get() as { quick_check: string };
      if (result.quick_check !== 'ok') throw new Error(`The new database failed its check: ${result.quick_check}`);
    } finally {
      check.close();
    }
  } catch (error) {
    removeLeftovers(folder);
    throw error;
  }
  syncFile(folder.restoreTarget);
  return Object.fromEntries(Object.entries(counts).filter(([name]) => documents[name as CollectionName]));
}

/** A document as the storage keeps it: RxDB's own fields added. */
function stored(doc: Record<string, unknown>, token: string): RxDocumentData<Record<string, unknown>> {
  return { ...doc, _deleted: false, _attachments: {}, _meta: { lwt: now() }, _rev: createRevision(token) };
}

const countAll = (instance: { schema: RxJsonSchema<RxDocumentData<Record<string, unknown>>> }) =>
  prepareQuery(instance.schema, normalizeMangoQuery(instance.schema, { selector: {} }));
