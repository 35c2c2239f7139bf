/**
 * Chunked bulk reads and writes. Each chunk is followed by a turn of the event loop, so a restore
 * or import of thousands of documents never freezes IPC, timers or the window (< 50 ms per chunk).
 */
import { getChangedDocumentsSince, type RxCollection, type RxStorageInstance } from 'rxdb';

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

/**
 * Every live document of a collection as plain JSON, a page at a time in the storage's changes
 * order (last write, then id: the [_meta.lwt, id] index every collection has). Paging by id needs
 * an index most collections lack: RxDB's planner then sorted every document for each page, 26
 * reads of everyone at 50,000 people (9 s). A document changed during the read comes round again
 * with its new write time; its first version is kept, and `seen` (its ids: about 80 bytes each)
 * makes sure it is given once. @throws the signal's reason, between pages.
 */
export async function* pagesOf<T>(
  collection: RxCollection<T>,
  { signal, pageSize = 1000 }: { signal?: AbortSignal; pageSize?: number } = {},
): AsyncGenerator<T[]> {
  const storage = collection.storageInstance as unknown as RxStorageInstance<Record<string, unknown>, unknown, unknown>;
  const key = collection.schema.primaryPath as string;
  const seen = new Set<string>();
  let checkpoint: unknown;
  for (;;) {
    signal?.throwIfAborted();
    const result = await getChangedDocumentsSince(storage, pageSize, checkpoint as never);
    const page: T[] = [];
    for (const document of result.documents) {
      const id = String(document[key]);
      if (document._deleted || seen.has(id)) continue;
      seen.add(id);
      page.push(plain(document) as T);
    }
    yield page;
    if (result.documents.length < pageSize) return;
    checkpoint = result.checkpoint;
    await yieldToEventLoop();
  }
}

/** Every live document of a collection as plain JSON, in primary-key order, read a page at a time. */
export async function everyDocument<T extends { id: string }>(collection: RxCollection<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pagesOf(collection)) for (const document of page) all.push(document);
  return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
