/**
 * Writing an archive a page at a time: each source collection is read from storage in pages
 * (no RxDB document objects, no snapshot of the whole database) and each page goes
 * out as lines of the archive layout before the next is read, with a turn of the event loop in
 * between, so memory stays at a page and requests are served meanwhile.
 *
 * A document changed during the read is written once, as it was when first read; the next
 * backup has the change.
 */
import { getChangedDocumentsSince, type RxCollection, type RxStorageInstance } from 'rxdb';
import type { Clock } from '../clock.ts';
import { plain, yieldToEventLoop } from '../db/bulk.ts';
import { COLLECTION_SCHEMAS, sourceCollections, type CollectionName } from '../db/collections.ts';
import type { RapportDatabase } from '../db/database.ts';
import { NEVER_CANCELLED } from '../jobs/cancellation.ts';
import { isDeviceSetting } from '../settings/settings-store.ts';
import { layoutCollection, layoutDocument, LAYOUT_COLLECTION_END, LAYOUT_END, layoutStart } from './archive-layout.ts';

export type Counts = Record<string, number>;
type AnyCollection = RxCollection<Record<string, unknown>>;

/** Documents read and written at a time: 1,000 interactions are about 450 kB of JSON. */
export const ARCHIVE_PAGE = 1000;

export interface ArchiveWriteOptions {
  signal?: AbortSignal;
  /** Each page as written, e.g. for the vCard of the contacts, or progress. */
  onPage?: (name: CollectionName, documents: Record<string, unknown>[]) => void | Promise<void>;
  pageSize?: number;
}

/** How many documents the archive will hold, about (for progress): the stored counts of the source collections. */
export async function sourceTotal(db: RapportDatabase): Promise<number> {
  let total = 0;
  for (const name of sourceCollections) total += await collectionsOf(db)[name]!.count().exec();
  return total;
}

/**
 * Writes the archive of every source collection (in name order, each in the order of its last writes),
 * without RxDB's own fields and this device's own settings, to `write` in pieces.
 * @returns how many documents of each collection it holds. @throws the signal's reason.
 */
export async function writeArchive(
  db: RapportDatabase,
  clock: Clock,
  write: (text: string) => void | Promise<void>,
  options: ArchiveWriteOptions = {},
): Promise<Counts> {
  const signal = options.signal ?? NEVER_CANCELLED;
  const counts: Counts = {};
  await write(layoutStart(clock.now().toISOString()));
  for (const [i, name] of [...sourceCollections].sort().entries()) {
    await write(layoutCollection(name, COLLECTION_SCHEMAS[name].schema.version, i === 0));
    let count = 0;
    for await (const page of pagesOf(collectionsOf(db)[name]!, signal, options.pageSize ?? ARCHIVE_PAGE)) {
      const documents = name === 'settings' ? page.filter((d) => !isDeviceSetting(String(d.id))) : page;
      let text = '';
      for (const document of documents) text += layoutDocument(document, count++ === 0);
      await write(text);
      await options.onPage?.(name, documents);
    }
    counts[name] = count;
    await write(LAYOUT_COLLECTION_END);
  }
  await write(LAYOUT_END);
  return counts;
}

/**
 * A collection's live documents as plain JSON, a page at a time in the storage's changes order
 * (last write, then id: an indexed read, as the projector's rebuild does). A document changed
 * during the read comes round again with its new write time; its first version is kept, and
 * `seen` (its ids: about 80 bytes each) makes sure it is written once.
 */
async function* pagesOf(
  collection: AnyCollection,
  signal: AbortSignal,
  size: number,
): AsyncGenerator<Record<string, unknown>[]> {
  const storage = collection.storageInstance as RxStorageInstance<Record<string, unknown>, unknown, unknown>;
  const key = collection.schema.primaryPath as string;
  const seen = new Set<string>();
  let checkpoint: unknown;
  for (;;) {
    signal.throwIfAborted();
    const result = await getChangedDocumentsSince(storage, size, checkpoint as never);
    const page: Record<string, unknown>[] = [];
    for (const document of result.documents) {
      const id = String(document[key]);
      if (document._deleted || seen.has(id)) continue;
      seen.add(id);
      page.push(plain(document));
    }
    yield page;
    if (result.documents.length < size) return;
    checkpoint = result.checkpoint;
    await yieldToEventLoop();
  }
}

const collectionsOf = (db: RapportDatabase) => db.collections as unknown as Record<string, AnyCollection>;
