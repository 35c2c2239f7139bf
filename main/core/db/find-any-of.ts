import type { MangoQuerySelector, RxCollection, RxDocument } from 'rxdb';

/**
 * The documents whose `field` is any of `values` (and that match `also`), one indexed read per
 * value. RxDB plans `{ field: { $in: values } }` as a scan of the whole index with a matcher: at a
 * million participations, deleting or merging one person read every row, and the search index's
 * catch-up over 50,000 people scanned every detail once per batch of people. `field` must lead an
 * index of the collection for the reads to be ranges. The order is the `$in` query's: by that
 * index, so by `field` first.
 */
export async function findAnyOf<T>(
  collection: RxCollection<T>,
  field: keyof T & string,
  values: readonly string[],
  also: MangoQuerySelector<T> = {},
): Promise<RxDocument<T>[]> {
  const reads = [...new Set(values)]
    .sort()
    .map((value) => collection.find({ selector: { ...also, [field]: value } as MangoQuerySelector<T> }).exec());
  return (await Promise.all(reads)).flat();
}
