/**
 * Keeps the sync fields (db/sync-fields.ts) right on every local write, whichever service makes
 * it: each changed field is stamped with the time of the edit, and a service that rewrites a
 * whole document can't drop the values a sync merge set aside. Writes made by the replication
 * itself (arriving from another device, or merged) carry their own stamps and pass untouched, and
 * so do the writes of an undo (`writingBackAsItWas`), which puts documents back exactly as they were.
 *
 * It sits on `storageInstance.bulkWrite`, the one door every write goes through, like the
 * ownership guard (ownership.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { BulkWriteRow, RxStorageInstance } from 'rxdb';
import { stampFieldEdits } from '../../../shared/domain/sync/field-edits.ts';
import type { Clock } from '../clock.ts';
import { COLLECTIONS, type CollectionName } from '../db/collections.ts';
import type { RapportDatabase } from '../db/database.ts';

/** RxDB names the context of every write its replication makes `replication-…`. */
export const isReplicationWrite = (context: string): boolean => context.startsWith('replication-');

type Row = BulkWriteRow<Record<string, unknown>>;

const writingBack = new AsyncLocalStorage<true>();

/**
 * Runs `work` (an undo) so that its writes keep each document's own edit stamps: the records it
 * writes are how they were before the operation, not new edits.
 */
export const writingBackAsItWas = <T>(work: () => Promise<T>): Promise<T> => writingBack.run(true, work);

export function stampLocalEdits(db: RapportDatabase, clock: Clock): void {
  for (const [name, info] of Object.entries(COLLECTIONS)) {
    if (!info.synced) continue;
    const collection = db.collections[name as CollectionName];
    if (!('editedAt' in collection.schema.jsonSchema.properties)) continue;
    const instance = collection.storageInstance as unknown as RxStorageInstance<
      Record<string, unknown>,
      unknown,
      unknown
    >;
    const write = instance.bulkWrite.bind(instance);
    instance.bulkWrite = (rows, context) =>
      write(
        isReplicationWrite(context) ? rows : rows.map((row) => stamped(row, clock, writingBack.getStore() ?? false)),
        context,
      );
  }
}

function stamped(row: Row, clock: Clock, asItWas: boolean): Row {
  const { previous, document } = row;
  if (!previous || document._deleted) return row;
  const carried = { ...document };
  // Values set aside since the record was read are kept, even by an undo.
  if (previous.conflicts !== undefined && carried.conflicts === undefined) carried.conflicts = previous.conflicts;
  if (asItWas) return { ...row, document: carried };
  // The service's own time of the edit when it stamped one, so all fields of one edit agree.
  const at =
    typeof document.updatedAt === 'string' && document.updatedAt !== previous.updatedAt
      ? document.updatedAt
      : clock.now().toISOString();
  return { ...row, document: stampFieldEdits(previous, carried, at, IGNORED) as Row['document'] };
}

/** Bookkeeping, not typed data: never stamped. `_meta`, `_rev` and the like start with `_`. */
const IGNORED = ['id', 'updatedAt', 'createdAt', 'editedAt', 'conflicts', 'sortKey'];
