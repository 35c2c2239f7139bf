/** Everyone's row of `people_index` in name order, read in chunks: the People windows' start (people-windows.ts). */
import type { MangoQuerySortPart, RxCollection } from 'rxdb';
import type { PersonIndexDocument } from '../projection/schema.ts';
import { storedDocuments } from '../db/stored.ts';

/** Name order: sortName then id, the order of the [_deleted, sortName, id] and [_deleted, archived, sortName, id] indexes. */
export const BY_NAME: MangoQuerySortPart<PersonIndexDocument>[] = [{ sortName: 'asc' }, { id: 'asc' }];

/**
 * Reads everyone's row in name order, `chunkRows` at a time (`onRows` takes each chunk), waiting
 * for `betweenChunks` in between. Each chunk starts after the last row read (the rest of its name's
 * ids, then the names after it), so a row nobody changes meanwhile is read exactly once; a row that
 * changes may be read twice or not at all, which its change event makes good.
 */
export async function readEveryone(
  people: RxCollection<PersonIndexDocument>,
  {
    chunkRows,
    archived,
    betweenChunks,
    onRows,
  }: {
    chunkRows: number;
    /** Only active (false) or archived (true) people, by [archived, sortName]; everyone by default. */
    archived?: boolean;
    /** Resolves when the next chunk may be read; false stops the reading. */
    betweenChunks: () => Promise<boolean>;
    onRows: (rows: readonly PersonIndexDocument[]) => void;
  },
): Promise<void> {
  const read = async (selector: object, limit?: number) => {
    const documents = await storedDocuments(
      people.find({
        selector: archived === undefined ? selector : { archived, ...selector },
        sort: BY_NAME,
        ...(limit ? { limit } : {}),
      }),
    );
    onRows(documents);
    return documents;
  };
  for (let last: PersonIndexDocument | undefined; ;) {
    if (last) await read({ sortName: last.sortName, id: { $gt: last.id } });
    const chunk = await read(last ? { sortName: { $gt: last.sortName } } : {}, chunkRows);
    if (chunk.length < chunkRows) return;
    last = chunk.at(-1)!;
    if (!(await betweenChunks())) return;
  }
}
