/**
 * The People windows' reads of `people_index`. At the start everyone is read once, in chunks with
 * other requests running in between (seconds at 50k people); meanwhile a window with nothing
 * filtered out but by archived is answered by indexes alone, in a few milliseconds: name order by
 * [archived, sortName], last-contact order by [lastInteractionOn], next-due order by
 * [archived, rhythm, clockFrom] (a rhythm at a time), plus two counts.
 */
import type { MangoQuerySelector, MangoQuerySortPart, RxCollection } from 'rxdb';
import { Tier } from '../../../shared/domain/contact.ts';
import { normaliseFilterText, type PeopleQuery } from '../../../shared/domain/people-list-view.ts';
import { yieldToEventLoop } from '../db/bulk.ts';
import { OWN_RHYTHM, type PersonIndexDocument } from '../projection/schema.ts';

/** Name order: sortName then id, the order of the [_deleted, sortName, id] and [_deleted, archived, sortName, id] indexes. */
const BY_NAME: MangoQuerySortPart<PersonIndexDocument>[] = [{ sortName: 'asc' }, { id: 'asc' }];

/** Last-contact order as the index holds it: the newest day first (ties by id, not yet by name). */
const BY_LAST_CONTACT: MangoQuerySortPart<PersonIndexDocument>[] = [{ lastInteractionOn: 'desc' }, { id: 'desc' }];

/** A rhythm's people as [archived, rhythm, clockFrom] holds them: the earliest clock first (ties by id). */
const BY_CLOCK: MangoQuerySortPart<PersonIndexDocument>[] = [{ clockFrom: 'asc' }, { id: 'asc' }];
const RHYTHM_INDEX = ['archived', 'rhythm', 'clockFrom'];

/**
 * The most rows one read of next-due order takes beyond a window's own (a day of many clocks, the
 * people with their own cadence), some 20 ms at 50k people. Past it (an import of thousands on one
 * day with a default tier) the window waits for everyone, as a filtered one does: read after every
 * change, a larger read would hold up each request meanwhile.
 */
const EXTRA_ROWS_AT_MOST = 1_000;

/**
 * Whether indexes alone answer the query: no text, tag or rhythm filter, and name order (active
 * or archived people), or last-contact or next-due order of active people. The `lastInteractionOn`
 * index does not hold `archived`, and finding a few archived people in it would scan everyone;
 * archived people in next-due order, which nobody looks for at the start, wait for everyone too.
 */
export const servedByIndex = (query: PeopleQuery): boolean =>
  !normaliseFilterText(query.text) &&
  !query.tag &&
  query.tier === 'any' &&
  ((query.sort === 'name' && (query.status === 'all' || query.status === 'archived')) ||
    (query.sort !== 'name' && query.status === 'all'));

export interface IndexWindow {
  /**
   * The window's rows: in name order, rows `offset` … `offset + limit - 1`, sorted; in last-contact
   * or next-due order, rows that hold every row before the window's end (throughLastDay,
   * throughDueOrder), so the window is rows `skip` … `skip + limit - 1` once sorted.
   */
  rows: PersonIndexDocument[];
  /** 0 in name order (the rows are the window); the window's offset in the others. */
  skip: number;
  total: number;
  everyone: number;
  archived: number;
}

/**
 * Reads a window of a query `servedByIndex` accepts, or undefined where it would take more than a
 * short read (next-due order: EXTRA_ROWS_AT_MOST). The counts are taken as the reads start; in
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
  /** Next-due order counts a clock started in the future from today. */
  today: string,
): Promise<IndexWindow | undefined> {
  const archivedOnly = query.status === 'archived';
  const storage = people.storageInstance;
  const byName = query.sort === 'name';
  const page = !limit
    ? Promise.resolve({ documents: [] })
    : byName
      ? storage.query(
          people.find({ selector: { archived: archivedOnly }, sort: BY_NAME, skip: offset, limit }).getPreparedQuery(),
        )
      : (query.sort === 'last-contact'
          ? throughLastDay(people, archivedOnly, offset + limit, chunkRows)
          : throughDueOrder(people, offset + limit, chunkRows, today)
        ).then((documents) => ({ documents }));
  // The storage caches the whole-table count; archived people are the smaller range to count.
  const everybody = storage.count(people.count().getPreparedQuery());
  const archivedCount = storage.count(people.count({ selector: { archived: true } }).getPreparedQuery());
  const [{ documents }, { count: all }, { count: archived }] = await Promise.all([page, everybody, archivedCount]);
  if (!documents) return undefined;
  const everyone = all - archived;
  return {
    rows: documents,
    skip: byName ? 0 : offset,
    total: archivedOnly ? archived : everyone,
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
  const read = async (selector: object, limit: number) =>
    (
      await people.storageInstance.query(
        people.find({ selector, sort: BY_LAST_CONTACT, index: ['lastInteractionOn'], limit }).getPreparedQuery(),
      )
    ).documents;
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

/**
 * Rows of active people that hold the first `count` in next-due order (soonest first, by name among
 * equals, people without a rhythm last). A tier's people fall due in the order their clocks started
 * (`since + idealDays`, with `since` clamped to today), whatever the tier's rhythm: so per tier, its
 * first `count` by clock hold all it has among them, with the rest of the last one's day, which the
 * list orders by name (and from today on every clock, as they all count from today). People with
 * their own cadence are read whole (few have one); people without a rhythm only when those with
 * one are fewer than `count`.
 */
async function throughDueOrder(
  people: RxCollection<PersonIndexDocument>,
  count: number,
  chunkRows: number,
  today: string,
): Promise<PersonIndexDocument[] | undefined> {
  const read = async (selector: MangoQuerySelector<PersonIndexDocument>, limit: number) =>
    (
      await people.storageInstance.query(
        people
          .find({ selector: { archived: false, ...selector }, sort: BY_CLOCK, index: RHYTHM_INDEX, limit })
          .getPreparedQuery(),
      )
    ).documents;
  const found = new Map<string, PersonIndexDocument>();
  const add = (rows: readonly PersonIndexDocument[]) => rows.forEach((row) => found.set(row.id, row));
  let extra = EXTRA_ROWS_AT_MOST;
  /** All rows of a range, or false when they are more than the reads have left. */
  const addAll = async (selector: MangoQuerySelector<PersonIndexDocument>) => {
    const rows = await read(selector, extra + 1);
    extra -= rows.length;
    add(rows);
    return extra >= 0;
  };
  let allTracked = true;
  for (const tier of Tier.options) {
    const first = await read({ rhythm: tier }, count);
    add(first);
    if (first.length < count) continue;
    allTracked = false;
    const lastDay = first.at(-1)!.clockFrom;
    if (!(await addAll({ rhythm: tier, clockFrom: lastDay < today ? lastDay : { $gte: today } }))) return undefined;
    await yieldToEventLoop();
  }
  if (!(await addAll({ rhythm: OWN_RHYTHM }))) return undefined;
  if (allTracked && found.size < count) add(await untrackedByName(people, count - found.size, chunkRows));
  return [...found.values()];
}

/** Without a rhythm: none, or a tier this version does not know (synced from a newer one). */
const untracked = (row: PersonIndexDocument) =>
  row.rhythm !== OWN_RHYTHM && !(Tier.options as readonly string[]).includes(row.rhythm);

/** The first `count` active people without a rhythm in name order, found by reading in name order. */
async function untrackedByName(
  people: RxCollection<PersonIndexDocument>,
  count: number,
  chunkRows: number,
): Promise<PersonIndexDocument[]> {
  const found: PersonIndexDocument[] = [];
  await readEveryone(people, {
    chunkRows,
    archived: false,
    betweenChunks: async () => {
      await yieldToEventLoop();
      return found.length < count;
    },
    onRows: (rows) => found.push(...rows.filter(untracked)),
  });
  return found;
}

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
    const query = people.find({
      selector: archived === undefined ? selector : { archived, ...selector },
      sort: BY_NAME,
      ...(limit ? { limit } : {}),
    });
    const { documents } = await people.storageInstance.query(query.getPreparedQuery());
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
