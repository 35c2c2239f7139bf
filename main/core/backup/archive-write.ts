/**
 * Writing an archive a page at a time: each source collection is read from storage in pages
 * (no RxDB document objects, no snapshot of the whole database) and each page goes
 * out as lines of the archive layout before the next is read, with a turn of the event loop in
 * between, so memory stays at a page and requests are served meanwhile.
 *
 * A document changed during the read is written once, as it was when first read; the next
 * backup has the change.
 */
import type { RxCollection } from 'rxdb';
import type { Clock } from '../clock.ts';
import { pagesOf } from '../db/bulk.ts';
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
    for await (const page of pagesOf(collectionsOf(db)[name]!, {
      signal,
      pageSize: options.pageSize ?? ARCHIVE_PAGE,
    })) {
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

const collectionsOf = (db: RapportDatabase) => db.collections as unknown as Record<string, AnyCollection>;
