/**
 * Windows of the People list. The core holds everyone's list row once (a few hundred bytes each),
 * follows `people_index`'s change events, and keeps each query's list sorted under edits
 * (sorted-list.ts). A subscriber asks for a query and a window (a screenful plus a margin) and gets
 * the counts, the window's ids and only the rows it has not been sent yet; after an edit it gets a
 * push only if its window, the counts or the tags in use changed (window-push.ts). Nothing ever
 * re-reads, re-sorts or sends the whole collection after an edit.
 *
 * Everyone is read once, at the first subscription, in chunks between which other requests run.
 * Until then, windows indexes answer by themselves (index-reads.ts: the screen's first window in
 * any order) are read from them, again after every change (early-windows.ts); the others wait.
 * Once read, every window follows the in-memory lists, and a window read from the index is sent
 * only what differs from those.
 */
import { combineLatest, Observable, type Subscription } from 'rxjs';
import type { RxChangeEventBulk } from 'rxdb';
import {
  compareByName,
  comparePeople,
  matchesPeopleQuery,
  normaliseFilterText,
  peopleListEntry,
  type PeopleListEntry,
  type PeopleQuery,
} from '../../../shared/domain/people-list-view.ts';
import type { KeepInTouchSettings } from '../../../shared/domain/settings.ts';
import type { PeopleWindow } from '../../../shared/ipc/channels/people.ts';
import { today$ } from '../clock.ts';
import type { CoreContext } from '../context.ts';
import { yieldToEventLoop } from '../db/bulk.ts';
import type { PersonIndexDocument } from '../projection/schema.ts';
import { KEEP_IN_TOUCH } from '../settings/keep-in-touch.ts';
import { createEarlyWindows } from './early-windows.ts';
import { readIndexWindow, servedByIndex } from './index-reads.ts';
import { readEveryone } from './read-everyone.ts';
import { personListItem } from './people-list.ts';
import { SortedList } from './sorted-list.ts';
import { newWatcher, recogniseUnchanged, sendWindow, type Watcher } from './window-push.ts';

export interface PeopleWindowRequest {
  query: PeopleQuery;
  offset: number;
  limit: number;
}

/** Lists nobody watches are kept for a while, so scrolling or going back to a filter costs no re-sort. */
const IDLE_LISTS_KEPT = 8;
/**
 * Rows read at a time at the start: some 10 ms each at 50k people, which is what a request arriving
 * meanwhile (an edit takes a few turns of the event loop) waits per turn. 2,000 read no faster in all.
 */
const CHUNK_ROWS = 500;

interface QueryList {
  readonly query: PeopleQuery;
  list: SortedList<PeopleListEntry>;
  watchers: Set<Watcher>;
}

export interface PeopleWindows {
  watch(request: PeopleWindowRequest): Observable<PeopleWindow>;
  /**
   * Everyone's `people_index` row as the windows hold it (kept current from change events), once
   * started; `revision` changes whenever a row does.
   */
  rows(): Promise<{ rows: ReadonlyMap<string, PersonIndexDocument>; revision: number }>;
  close(): void;
}

export interface PeopleWindowsOptions {
  /** Rows read at a time at the start. */
  chunkRows?: number;
  /** Waited for between two chunks (default: one turn of the event loop). Tests hold it to edit meanwhile. */
  betweenChunks?: () => Promise<void>;
}

const keyOf = (q: PeopleQuery) => JSON.stringify([q.sort, normaliseFilterText(q.text), q.tag, q.tier, q.status]);

export function createPeopleWindows(
  ctx: Pick<CoreContext, 'db' | 'settings' | 'clock'>,
  { chunkRows = CHUNK_ROWS, betweenChunks = yieldToEventLoop }: PeopleWindowsOptions = {},
): PeopleWindows {
  const rows = new Map<string, PersonIndexDocument>();
  const entries = new Map<string, PeopleListEntry>();
  const tagCounts = { active: new Map<string, number>(), archived: new Map<string, number>() };
  const sortedTags: { active?: string[]; archived?: string[] } = {};
  const lists = new Map<string, QueryList>();
  const subscriptions: Subscription[] = [];
  let byName = new SortedList<PeopleListEntry>(compareByName, () => true, []);
  let everyone = 0;
  let tiers: KeepInTouchSettings['tiers'] | undefined;
  let today = '';
  let settingsKnown: Promise<void> | undefined;
  let started: Promise<void> | undefined;
  let built = false;
  let closed = false;
  let flushing = false;
  let revision = 0;

  const listFor = (query: PeopleQuery) => {
    const text = normaliseFilterText(query.text);
    return new SortedList(
      comparePeople(query.sort),
      (entry: PeopleListEntry) => matchesPeopleQuery(entry, query, text),
      byName.all(),
      query.sort === 'name',
    );
  };

  function count(entry: PeopleListEntry, delta: 1 | -1) {
    if (!entry.item.archived) everyone += delta;
    const which = entry.item.archived ? 'archived' : 'active';
    const counts = tagCounts[which];
    for (const tag of entry.item.tags) {
      const next = (counts.get(tag) ?? 0) + delta;
      if (next === 0 || next === delta) sortedTags[which] = undefined;
      if (next) counts.set(tag, next);
      else counts.delete(tag);
    }
  }

  const entryOf = (row: PersonIndexDocument) => peopleListEntry(personListItem(row, tiers!, today), row.sortName);

  function apply(id: string, row: PersonIndexDocument | undefined) {
    const before = entries.get(id);
    const after = row && entryOf(row);
    revision++;
    if (row && after) {
      rows.set(id, row);
      entries.set(id, after);
    } else {
      rows.delete(id);
      entries.delete(id);
    }
    if (before) count(before, -1);
    if (after) count(after, 1);
    byName.replace(before, after);
    for (const { list } of lists.values()) list.replace(before, after);
  }

  /** The keep-in-touch rhythms or the day changed: every status may have. */
  function recomputeAll() {
    entries.clear();
    for (const counts of Object.values(tagCounts)) counts.clear();
    sortedTags.active = sortedTags.archived = undefined;
    everyone = 0;
    for (const [id, row] of rows) {
      const entry = entryOf(row);
      entries.set(id, entry);
      count(entry, 1);
    }
    byName = new SortedList(compareByName, () => true, entries.values());
    for (const [key, query] of lists) {
      if (query.watchers.size) query.list = listFor(query.query);
      else lists.delete(key);
    }
  }

  const tagsOf = (archived: boolean) => {
    const which = archived ? 'archived' : 'active';
    return (sortedTags[which] ??= [...tagCounts[which].keys()].sort((a, b) => a.localeCompare(b)));
  };

  const send = (watcher: Watcher, { query, list }: QueryList) =>
    sendWindow(watcher, {
      window: list.slice(watcher.offset, watcher.limit),
      total: list.total,
      everyone,
      archived: entries.size - everyone,
      tags: tagsOf(query.status === 'archived'),
    });

  /** Pushes to every window that changed, once per burst of change events. */
  function scheduleFlush() {
    if (flushing) return;
    flushing = true;
    queueMicrotask(() => {
      flushing = false;
      for (const query of lists.values()) for (const watcher of query.watchers) send(watcher, query);
    });
  }

  const early = createEarlyWindows<PeopleWindowRequest>(
    () => !built && !closed,
    async ({ query, offset, limit }) => {
      await settingsKnown;
      const read = await readIndexWindow(ctx.db.people_index, query, offset, limit, chunkRows, {
        tiers: tiers!,
        today,
      });
      if (!read) return undefined;
      const { total, everyone, archived } = read;
      const window = read.rows.map(entryOf).sort(comparePeople(query.sort));
      return { window: window.slice(read.skip, read.skip + limit), total, everyone, archived };
    },
  );

  function applyBulk(bulk: RxChangeEventBulk<PersonIndexDocument>) {
    for (const event of bulk.events)
      apply(event.documentId, event.operation === 'DELETE' ? undefined : (event.documentData as PersonIndexDocument));
    scheduleFlush();
  }

  function addRow(row: PersonIndexDocument) {
    const before = entries.get(row.id);
    const entry = entryOf(row);
    if (before) count(before, -1); // read again: renamed past the reading's position
    rows.set(row.id, row);
    entries.set(row.id, entry);
    count(entry, 1);
  }

  function start(): Promise<void> {
    started ??= (async () => {
      // Changes made while everyone is read are applied after: a row read before its change is
      // then replaced, one read after it is set again to what it already is.
      let pending: RxChangeEventBulk<PersonIndexDocument>[] | undefined = [];
      subscriptions.push(
        ctx.db.people_index.eventBulks$.subscribe((bulk) => {
          if (!pending) return applyBulk(bulk);
          pending.push(bulk);
          early.changed();
        }),
      );
      settingsKnown = new Promise<void>((resolve, reject) => {
        subscriptions.push(
          combineLatest([ctx.settings.watch(KEEP_IN_TOUCH), today$(ctx.clock)]).subscribe({
            next: ([keep, day]) => {
              const first = !tiers;
              tiers = keep.tiers;
              today = day;
              if (first) return resolve();
              recomputeAll();
              scheduleFlush();
              early.changed();
            },
            error: reject,
          }),
        );
      });
      await settingsKnown;
      // Early windows asked for together with this start read their page first.
      await yieldToEventLoop();
      await readEveryone(ctx.db.people_index, {
        chunkRows,
        betweenChunks: () => betweenChunks().then(() => !closed),
        onRows: (chunk) => chunk.forEach(addRow),
      });
      byName = new SortedList(compareByName, () => true, entries.values());
      for (const bulk of pending!) applyBulk(bulk);
      pending = undefined;
      built = true;
    })();
    started.catch(() => (started = undefined));
    return started;
  }

  /** Follows the in-memory list of the request's query from now on (`watcher`: what an early window was sent). */
  function attach(request: PeopleWindowRequest, watcher: Watcher) {
    const key = keyOf(request.query);
    const query = lists.get(key) ?? {
      query: request.query,
      list: listFor(request.query),
      watchers: new Set<Watcher>(),
    };
    lists.delete(key);
    lists.set(key, query); // the most recently used last
    // Rows an early window was sent from the index are not sent again unless they changed.
    recogniseUnchanged(watcher, (id) => entries.get(id));
    query.watchers.add(watcher);
    send(watcher, query);
  }

  /**
   * Watchers attach one per turn of the event loop: a new query's list sorts everyone (some 50 ms
   * at 50k people), and several watchers waiting for the start would otherwise all sort at once
   * while other requests wait.
   */
  let attaching = Promise.resolve();
  const attachInTurn = (attachOne: () => void, fail: (error: unknown) => void) => {
    const mine = attaching.then(yieldToEventLoop).then(attachOne);
    // A watcher whose attach failed is told; the ones after it still attach.
    attaching = mine.catch(() => {});
    return mine.catch(fail);
  };

  function detach(watcher: Watcher) {
    for (const query of lists.values()) query.watchers.delete(watcher);
    const idle = [...lists].filter(([, query]) => !query.watchers.size);
    for (const [key] of idle.slice(0, Math.max(0, idle.length - IDLE_LISTS_KEPT))) lists.delete(key);
  }

  return {
    watch: (request) =>
      new Observable<PeopleWindow>((subscriber) => {
        const watcher = newWatcher(request.offset, request.limit, (window) => subscriber.next(window));
        const fail = (error: unknown) => subscriber.error(error);
        let gone = false;
        const building = start();
        const fromIndex = !built && servedByIndex(request.query) ? early.add(request, watcher, fail) : undefined;
        building.then(
          () =>
            attachInTurn(() => {
              fromIndex?.stop();
              if (!gone && !closed) attach(request, watcher);
            }, fail),
          fail,
        );
        return () => {
          gone = true;
          fromIndex?.stop();
          detach(watcher);
        };
      }),
    rows: () => start().then(() => ({ rows, revision })),
    close() {
      closed = true;
      for (const subscription of subscriptions) subscription.unsubscribe();
      lists.clear();
    },
  };
}
