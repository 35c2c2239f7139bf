import { createHash } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import {
  addRxPlugin,
  createRxDatabase,
  defaultHashSha256,
  now as rxNow,
  type HashFunction,
  type RxDatabase,
} from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { systemClock, type Clock } from '../clock.ts';
import { syncConflictHandlers } from '../sync/handlers.ts';
import { stampLocalEdits } from '../sync/edit-stamps.ts';
import { RxStorageInstanceSqlite, type SqliteInstanceOptions } from '../storage/index.ts';
import { COLLECTION_SCHEMAS, derivedCollections, type CollectionName, type RapportCollections } from './collections.ts';
import type { StorageChoice } from './storage.ts';

addRxPlugin(RxDBMigrationSchemaPlugin);

const RELAXED: SqliteInstanceOptions = { relaxedDurability: true };

export type { CollectionName, RapportCollections } from './collections.ts';
export type RapportDatabase = RxDatabase<RapportCollections>;

/**
 * RxDB's default hash (SHA-256 as hex) goes through WebCrypto's asynchronous digest, whose first
 * use at every start cost ~15 ms of a cold open for the collections' schema hashes. The same
 * digest from node:crypto, synchronously; hashes stored in existing databases stay equal.
 */
export const sha256: HashFunction = (input) =>
  typeof input === 'string'
    ? Promise.resolve(createHash('sha256').update(input).digest('hex'))
    : defaultHashSha256(input);

/**
 * Opens (or creates) the database and runs pending schema migrations before returning. Every
 * synced collection gets its sync conflict handler, and local writes get their edit stamps.
 */
export async function openDatabase(storage: StorageChoice, clock: Clock = systemClock): Promise<RapportDatabase> {
  const db = await createRxDatabase<RapportCollections>({
    name: storage.databaseName,
    storage: storage.storage,
    multiInstance: false,
    eventReduce: true,
    closeDuplicates: true,
    hashFunction: sha256,
  });
  await db.addCollections({
    ...COLLECTION_SCHEMAS,
    ...Object.fromEntries(
      Object.entries(syncConflictHandlers).map(([name, conflictHandler]) => [
        name,
        { ...COLLECTION_SCHEMAS[name as keyof typeof syncConflictHandlers], conflictHandler },
      ]),
    ),
    // Derived data is rebuilt from source data: its commits need not wait for the disk.
    ...Object.fromEntries(
      derivedCollections.map((name) => [name, { ...COLLECTION_SCHEMAS[name], instanceCreationOptions: RELAXED }]),
    ),
  });
  stampLocalEdits(db, clock);
  return db;
}

/**
 * The SQLite connection under the database, for SQLite's own online backup (safety copies).
 * Undefined on a storage that is not SQLite (the benchmarks' in-memory baseline).
 */
export function sqliteConnectionOf(db: RapportDatabase): DatabaseSync | undefined {
  const internals = (db.contacts.internalStorageInstance as { internals?: { db?: unknown } }).internals;
  return internals?.db instanceof DatabaseSync ? internals.db : undefined;
}

/** How far past now a write's stamp may lie (RxDB steps its clock on by hundredths of a ms). */
const STAMP_SLACK_MS = 1_000;

/** What a computation reads: a whole collection, or some of its documents. */
export type ReadInput = CollectionName | { readonly collection: CollectionName; readonly ids: readonly string[] };

/**
 * Where the latest write to each input stands (their storage's `lastWrite`, or each document's
 * own stamp), as one string: equal marks mean nothing was written to them since, by this process
 * or another, replication or restore included. Undefined on a storage that keeps no such mark (the
 * benchmarks' baseline), and while a mark lies in the future: a write stamped by a clock that ran
 * fast (or was set back since) stays the latest, so later writes would leave the marks unchanged.
 */
export function writeMarks(db: RapportDatabase, inputs: readonly ReadInput[]): string | undefined {
  const marks = [];
  // Compared with the clock RxDB stamps writes with, read once (each read steps it on a little).
  const latest = rxNow() + STAMP_SLACK_MS;
  for (const input of inputs) {
    const storage = db[typeof input === 'string' ? input : input.collection].internalStorageInstance;
    if (!(storage instanceof RxStorageInstanceSqlite)) return undefined;
    const stamps = typeof input === 'string' ? [storage.lastWrite()] : storage.lastWritesOf(input.ids);
    if (stamps.some((mark) => mark && mark.lwt > latest)) return undefined;
    marks.push(stamps);
  }
  return JSON.stringify(marks);
}
