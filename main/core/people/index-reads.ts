/**
 * The People windows' reads of `people_index` while everyone is read at the start
 * (read-everyone.ts: in chunks with other requests in between, about half a second at 50k people).
 * Meanwhile a window with no text, tag or rhythm filter is answered by indexes alone: name order
 * by [archived, sortName], last-contact order by [lastInteractionOn], next-due order and the
 * people due or overdue by [archived, rhythm, clockFrom] (rhythm-reads.ts), plus two counts.
 */
import type { MangoQuerySortPart, RxCollection } from 'rxdb';
import { normaliseFilterText, type PeopleQuery } from '../../../shared/domain/people-list-view.ts';
import { yieldToEventLoop } from '../db/bulk.ts';
import type { PersonIndexDocument } from '../projection/schema.ts';
import { BY_NAME } from './read-everyone.ts';
import { peopleInState, throughDueOrder, type KeepInTouchDay } from './rhythm-reads.ts';
import { storedDocuments } from '../db/stored.ts';

/** Last-contact order as the index holds it: the newest day first (ties by id, not yet by name). */
const BY_LAST_CONTACT: MangoQuerySortPart<PersonIndexDocument>[] = [{ lastInteractionOn: 'desc' }, { id: 'desc' }];

/**
 * Whether indexes alone answer the query: no text, tag or rhythm filter, and name order (active
 * or archived people), last-contact or next-due order of active people, or the people due or
 * overdue in any order (a range of [archived, rhythm, clockFrom] per tier, sorted once read). The
 * `lastInteractionOn` index does not hold `archived`, and finding a few archived people in it
 * would scan everyone; archived people in next-due order, which nobody looks for at the start,
 * wait for everyone too.
 */
export const servedByIndex = (query: PeopleQuery): boolean =>
  !normaliseFilterText(query.text) &&
  !query.tag &&
  query.tier === 'any' &&
  ((query.sort === 'name' && (query.status === 'all' || query.status === 'archived')) ||
    (query.sort !== 'name' && query.status === 'all') ||
    query.status === 'due' ||
    query.status === 'overdue');

export interface IndexWindow {
  /**
   * The window's rows: in name order, rows `offset` … `offset + limit - 1`, sorted; in last-contact
   * or next-due order, rows that hold every row before the window's end (throughLastDay,
   * throughDueOrder), so the window is rows `skip` … `skip + limit - 1` once sorted.
   */
  rows: PersonIndexDocument[];
  /** 0 in name order (the rows are the window); the window's offset in the others and with a status filter. */
  skip: number;
  total: number;
  everyone: number;
  archived: number;
}

/**
 * Reads a window of a query `servedByIndex` accepts, or undefined where it would take more than a
 * short read (rhythm-reads.ts: EXTRA_ROWS_AT_MOST, STATUS_ROWS_AT_MOST). The counts are taken as the reads start; in
 * last-contact and next-due order the rows take several reads with other work in between, and a
 * change meanwhile has the window read again (early-windows.ts).
 */
export async function readIndexWindow(
  people: RxCollection<PersonIndexDocument>,
  query: PeopleQuery,
  offset: number,
  limit: number,
  /** Rows read at a time where a read can be long (a busy day in last-contact order, people without a rhythm). */
  chunkRows: number,
  day: KeepInTouchDay,
): Promise<IndexWindow | undefined> {
  const archivedOnly = query.status === 'archived';
  const storage = people.storageInstance;
  const byName = query.sort === 'name';
  const inStatus = query.status === 'due' || query.status === 'overdue';
  const page = inStatus
    ? peopleInState(people, query.status === 'overdue', chunkRows, day).then((documents) => ({ documents }))
    : !limit
      ? Promise.resolve({ documents: [] })
      : byName
        ? storage.query(
            people
              .find({ selector: { archived: archivedOnly }, sort: BY_NAME, skip: offset, limit })
              .getPreparedQuery(),
          )
        : (query.sort === 'last-contact'
            ? throughLastDay(people, archivedOnly, offset + limit, chunkRows)
            : throughDueOrder(people, offset + limit, chunkRows, day.today)
          ).then((documents) => ({ documents }));
  // The storage caches the whole-table count; archived people are the smaller range to count.
  const everybody = storage.count(people.count().getPreparedQuery());
  const archivedCount = storage.count(people.count({ selector: { archived: true } }).getPreparedQuery());
  const [{ documents }, { count: all }, { count: archived }] = await Promise.all([page, everybody, archivedCount]);
  if (!documents) return undefined;
  const everyone = all - archived;
  return {
    rows: documents,
    skip: byName && !inStatus ? 0 : offset,
    total: inStatus ? documents.length : archivedOnly ? archived : everyone,
    everyone,
    archived,
  };
}

/**
 * The first `count` rows in last-contact order and the rest of the last one's day, that day
 * `chunkRows` at a time with other requests running in between (the 50k demo's last day has
 * 2,094 people). A write meanwhile can leave a row read twice or missed; the early window is read
 * again after every change.
 */
async function throughLastDay(
  people: RxCollection<PersonIndexDocument>,
  archived: boolean,
  count: number,
  chunkRows: number,
): Promise<PersonIndexDocument[]> {
  const read = (selector: object, limit: number) =>
    storedDocuments(people.find({ selector, sort: BY_LAST_CONTACT, index: ['lastInteractionOn'], limit }));
  const first = await read({ archived }, count);
  if (first.length < count) return first;
  const lastDay = first.at(-1)!.lastInteractionOn;
  // By id: a person whose last day changed between two chunks could otherwise be read twice.
  const rows = new Map(first.map((row) => [row.id, row]));
  for (let after = first.at(-1)!.id; ;) {
    await yieldToEventLoop();
    const chunk = await read({ archived, lastInteractionOn: lastDay, id: { $lt: after } }, chunkRows);
    for (const row of chunk) rows.set(row.id, row);
    if (chunk.length < chunkRows) return [...rows.values()];
    after = chunk.at(-1)!.id;
  }
}
