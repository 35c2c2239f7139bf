import type { MangoQuerySelector, RxCollection, RxDocument } from 'rxdb';

/**
 * The documents whose `field` is any of `values` (and that match `also`), one indexed read per
 * value. RxDB plans `{ field: { $in: values } }` as a scan of the whole index with a matcher: at a
 * million participations, deleting or merging one person read every row, and the search index's
 * catch-up over 50,000 people scanned every detail once per batch of people. `field` must lead an
 * index of the collection, and that index is named for each read: left to RxDB's planner, `also`
 * on another indexed field (`{ status: 'open' }` on details) tied in its scoring and won, so each
 * read went through every open detail (175 ms at 50,000 people, once per person on an Event page).
 * The order is the `$in` query's: by that index, so by `field` first.
 */
export async function findAnyOf<T>(
  collection: RxCollection<T>,
  field: keyof T & string,
  values: readonly string[],
  also: MangoQuerySelector<T> = {},
): Promise<RxDocument<T>[]> {
  const index = indexLedBy(collection, field);
  const reads = [...new Set(values)]
    .sort()
    .map((value) => collection.find({ selector: { ...also, [field]: value } as MangoQuerySelector<T>, index }).exec());
  return (await Promise.all(reads)).flat();
}

/** The collection's first index that starts with `field` (RxDB adds `_deleted` in front of each). */
function indexLedBy<T>(collection: RxCollection<T>, field: string): string[] {
  for (const declared of collection.schema.indexes) {
    const fields = declared.filter((f) => f !== '_deleted');
    if (fields[0] === field) return fields;
  }
  throw new Error(`findAnyOf: no index of ${collection.name} starts with ${field}`);
}
