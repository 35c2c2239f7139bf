import type { BulkWriteRow, RxStorageInstance } from 'rxdb';
import type { CollectionName } from '../db/collections.ts';
import type { TestCore } from './test-core.ts';

export type Row = BulkWriteRow<{ id: string }>;

/**
 * Makes the first write to `collection` with a row that `matches` fail, as a disk that went away
 * would; the answer says whether it has. An upsert first tries an insert, which writes nothing.
 */
export function failWrite(t: TestCore, collection: CollectionName, matches: (row: Row) => boolean): () => boolean {
  const instance = t.core.db.collections[collection].storageInstance as unknown as RxStorageInstance<
    { id: string },
    unknown,
    unknown
  >;
  const write = instance.bulkWrite.bind(instance);
  let failed = false;
  instance.bulkWrite = (rows, context) => {
    if (failed || !rows.some(matches)) return write(rows, context);
    failed = true;
    return Promise.reject(new Error('disk went away'));
  };
  return () => failed;
}
