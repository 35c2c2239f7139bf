import type { RxDocumentData, RxQuery } from 'rxdb';

/**
 * The documents a query finds, as the storage holds them: without RxDB's document objects or its
 * query cache, for reads of many rows that a caller only looks at. Read only: they may be the
 * storage's own cached objects.
 */
export async function storedDocuments<T>(query: RxQuery<T, unknown>): Promise<RxDocumentData<T>[]> {
  return (await query.collection.storageInstance.query(query.getPreparedQuery())).documents;
}
