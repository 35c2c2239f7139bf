/**
 * Chunked bulk reads and writes. Each chunk is followed by a turn of the event loop, so a restore
 * or import of thousands of documents never freezes IPC, timers or the window (< 50 ms per chunk).
 */
import type { RxCollection } from 'rxdb';

/** Documents per bulk write: 500 contacts took 130 ms through RxDB on SQLite and 100 up to 66 ms; 50 keep each write near 25 ms (npm run bench:vcard). */
export const CHUNK = 50;

/** Lets queued I/O and timers run before the next chunk. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type AnyCollection = RxCollection<Record<string, unknown>>;

/** Strips RxDB's own fields (`_meta`, `_rev`, `_attachments`, `_deleted`). */
export function plain(doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) if (!key.startsWith('_')) out[key] = doc[key];
  return out;
}

/** Every live document of a collection, read in pages by primary key so no single read holds the event loop. */
export async function* pagesOf<T extends { id: string }>(
  collection: RxCollection<T>,
  pageSize = 2000,
): AsyncGenerator<T[]> {
  for (let after = ''; ;) {
    const page = await collection
      .find({ selector: { id: { $gt: after } } as never, sort: [{ id: 'asc' } as never], limit: pageSize })
      .exec();
    yield page.map((d) => d.toMutableJSON() as T);
    if (page.length < pageSize) return;
    after = page.at(-1)!.id;
    await yieldToEventLoop();
  }
}

/** Every live document of a collection, in primary-key order, as plain JSON. */
export async function readAll(collection: AnyCollection): Promise<Record<string, unknown>[]> {
  const docs = await collection.find().exec();
  return docs.map((d) => plain(d.toMutableJSON() as Record<string, unknown>));
}

/** Upserts in chunks (upsert also revives ids RxDB holds as deleted). @throws on the first failed write. */
export async function bulkWrite(
  collection: AnyCollection,
  docs: readonly Record<string, unknown>[],
  onChunk?: (written: number) => void,
): Promise<void> {
  for (let i = 0; i < docs.length; i += CHUNK) {
    const chunk = docs.slice(i, i + CHUNK);
    const result = await collection.bulkUpsert(chunk);
    if (result.error.length)
      throw new Error(
        `Writing ${collection.name} failed: ${result.error[0]!.status} for ${result.error[0]!.documentId}`,
      );
    onChunk?.(chunk.length);
    await yieldToEventLoop();
  }
}

/** Removes the given documents (by primary key) in chunks. */
export async function removeAll(
  collection: AnyCollection,
  docs: readonly Record<string, unknown>[],
  onChunk?: (removed: number) => void,
): Promise<void> {
  const key = collection.schema.primaryPath as string;
  const ids = docs.map((d) => String(d[key]));
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await collection.bulkRemove(chunk);
    onChunk?.(chunk.length);
    await yieldToEventLoop();
  }
}
