/**
 * The People windows' reads by keep-in-touch state, from `people_index`'s [archived, rhythm,
 * clockFrom] index: next-due order and the people due or overdue, while everyone is read at the
 * start (index-reads.ts).
 */
import type { MangoQuerySelector, MangoQuerySortPart, RxCollection } from 'rxdb';
import type { TierCadences } from '../../../shared/domain/cadence.ts';
import { Tier } from '../../../shared/domain/contact.ts';
import { addCalendarDays } from '../../../shared/domain/keep-in-touch/days.ts';
import { yieldToEventLoop } from '../db/bulk.ts';
import { OWN_RHYTHM, type PersonIndexDocument } from '../projection/schema.ts';
import { personListItem } from './people-list.ts';
import { readEveryone } from './read-everyone.ts';
import { storedDocuments } from '../db/stored.ts';

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
 * The most people a status filter reads from indexes (the 50k demo has 842 to 2,642 due, by the day), in chunks with
 * other requests in between; past it the window waits for everyone.
 */
const STATUS_ROWS_AT_MOST = 5_000;

/** Later than any day: an open upper bound for clocks. */
const NO_END = '9999-12-31';

/** What a window of people by keep-in-touch state depends on besides the rows. */
export interface KeepInTouchDay {
  tiers: TierCadences;
  /** Next-due order and the states count a clock started in the future from today. */
  today: string;
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
export async function throughDueOrder(
  people: RxCollection<PersonIndexDocument>,
  count: number,
  chunkRows: number,
  today: string,
): Promise<PersonIndexDocument[] | undefined> {
  const read = (selector: MangoQuerySelector<PersonIndexDocument>, limit: number) => byClock(people, selector, limit);
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

/**
 * Every active person due (or, with `overdue`, overdue) on the day: per tier those whose clock
 * started at least its ideal (maximum) days ago, and those with their own cadence whose state says
 * so. Undefined past STATUS_ROWS_AT_MOST.
 */
export async function peopleInState(
  people: RxCollection<PersonIndexDocument>,
  overdue: boolean,
  chunkRows: number,
  { tiers, today }: KeepInTouchDay,
): Promise<PersonIndexDocument[] | undefined> {
  const found = new Map<string, PersonIndexDocument>();
  const ranges = [
    ...Tier.options.map((tier) => ({
      rhythm: tier,
      through: addCalendarDays(today, -(overdue ? tiers[tier].maxDays : tiers[tier].idealDays)),
    })),
    // Every clock, whatever its day: few have their own cadence, and one synced from elsewhere may
    // hold rhythms the forms would refuse; the state check below decides.
    { rhythm: OWN_RHYTHM, through: NO_END },
  ];
  for (const { rhythm, through } of ranges) {
    const rows = await clocksThrough(people, rhythm, through, chunkRows, STATUS_ROWS_AT_MOST - found.size);
    if (!rows) return undefined;
    for (const row of rows) found.set(row.id, row);
  }
  // The ranges hold exactly the tiers' people in that state; with their own cadence, some of them.
  const wanted = (row: PersonIndexDocument) => {
    const { state } = personListItem(row, tiers, today).status;
    return state === 'overdue' || (!overdue && state === 'due');
  };
  return [...found.values()].filter(wanted);
}

/**
 * The active people of one rhythm whose clock started on or before `through`, in clock order,
 * `chunkRows` at a time with other requests in between; undefined past `atMost` rows. A write
 * meanwhile can leave a row read twice (kept once) or missed; the early window is read again.
 */
async function clocksThrough(
  people: RxCollection<PersonIndexDocument>,
  rhythm: string,
  through: string,
  chunkRows: number,
  atMost: number,
): Promise<PersonIndexDocument[] | undefined> {
  const read = (selector: MangoQuerySelector<PersonIndexDocument>) =>
    byClock(people, { rhythm, ...selector }, chunkRows);
  const rows = new Map<string, PersonIndexDocument>();
  for (let last: PersonIndexDocument | undefined; ;) {
    // The rest of the last row's day (ordered by id there), then the days after it.
    for (let after = last?.id; last && after !== undefined;) {
      const rest = await read({ clockFrom: last.clockFrom, id: { $gt: after } });
      for (const row of rest) rows.set(row.id, row);
      after = rest.length < chunkRows ? undefined : rest.at(-1)!.id;
      if (rows.size > atMost) return undefined;
      await yieldToEventLoop();
    }
    const chunk = await read({ clockFrom: last ? { $gt: last.clockFrom, $lte: through } : { $lte: through } });
    for (const row of chunk) rows.set(row.id, row);
    if (rows.size > atMost) return undefined;
    if (chunk.length < chunkRows) return [...rows.values()];
    last = chunk.at(-1)!;
    await yieldToEventLoop();
  }
}

/** Active people's rows of a range of [archived, rhythm, clockFrom], in clock order (ties by id), as stored. */
async function byClock(
  people: RxCollection<PersonIndexDocument>,
  selector: MangoQuerySelector<PersonIndexDocument>,
  limit: number,
): Promise<PersonIndexDocument[]> {
  return storedDocuments(
    people.find({ selector: { archived: false, ...selector }, sort: BY_CLOCK, index: RHYTHM_INDEX, limit }),
  );
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
