/**
 * Windows of the People list. The core holds everyone's list row once (a few hundred bytes each),
 * follows `people_index`'s change events, and keeps each query's list sorted under edits
 * (sorted-list.ts). A subscriber asks for a query and a window (a screenful plus a margin) and gets
 * the counts, the window's ids and only the rows it has not been sent yet; after an edit it gets a
 * push only if its window, the counts or the tags in use changed. Nothing ever re-reads, re-sorts or
 * sends the whole collection after an edit.
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
import type { PersonIndexDocument } from '../projection/schema.ts';
import { KEEP_IN_TOUCH } from '../settings/keep-in-touch.ts';
import { personListItem } from './people-list.ts';
import { SortedList } from './sorted-list.ts';

export interface PeopleWindowRequest {
  query: PeopleQuery;
  offset: number;
  limit: number;
}

/** Lists nobody watches are kept for a while, so scrolling or going back to a filter costs no re-sort. */
const IDLE_LISTS_KEPT = 8;

interface Watcher {
  readonly offset: number;
  readonly limit: number;
  readonly push: (window: PeopleWindow) => void;
  /** What this subscriber holds: the rows of its last window, by id, as sent. */
  sent: Map<string, PeopleListEntry>;
  idsKey?: string;
  total?: number;
  everyone?: number;
  archived?: number;
  tags?: readonly string[];
}

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

const keyOf = (q: PeopleQuery) => JSON.stringify([q.sort, normaliseFilterText(q.text), q.tag, q.tier, q.status]);

export function createPeopleWindows(ctx: CoreContext): PeopleWindows {
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
  let started: Promise<void> | undefined;
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

  function send(watcher: Watcher, { query, list }: QueryList) {
    const window = list.slice(watcher.offset, watcher.limit);
    const ids = window.map((entry) => entry.item.id);
    const idsKey = ids.join('\n');
    const changed = window.filter((entry) => watcher.sent.get(entry.item.id) !== entry);
    const tags = tagsOf(query.status === 'archived');
    const total = list.total;
    const archived = entries.size - everyone;
    if (
      !changed.length &&
      idsKey === watcher.idsKey &&
      total === watcher.total &&
      everyone === watcher.everyone &&
      archived === watcher.archived &&
      tags === watcher.tags
    )
      return;
    const push: PeopleWindow = {
      offset: watcher.offset,
      total,
      everyone,
      archived,
      ids,
      rows: changed.map((e) => e.item),
    };
    if (tags !== watcher.tags) push.tags = tags;
    Object.assign(watcher, {
      sent: new Map(window.map((e) => [e.item.id, e])),
      idsKey,
      total,
      everyone,
      archived,
      tags,
    });
    watcher.push(push);
  }

  /** Pushes to every window that changed, once per burst of change events. */
  function scheduleFlush() {
    if (flushing) return;
    flushing = true;
    queueMicrotask(() => {
      flushing = false;
      for (const query of lists.values()) for (const watcher of query.watchers) send(watcher, query);
    });
  }

  function applyBulk(bulk: RxChangeEventBulk<PersonIndexDocument>) {
    for (const event of bulk.events)
      apply(event.documentId, event.operation === 'DELETE' ? undefined : (event.documentData as PersonIndexDocument));
    scheduleFlush();
  }

  function start(): Promise<void> {
    started ??= (async () => {
      let pending: RxChangeEventBulk<PersonIndexDocument>[] | undefined = [];
      subscriptions.push(
        ctx.db.people_index.eventBulks$.subscribe((bulk) => (pending ? pending.push(bulk) : applyBulk(bulk))),
      );
      await new Promise<void>((resolve, reject) => {
        subscriptions.push(
          combineLatest([ctx.settings.watch(KEEP_IN_TOUCH), today$(ctx.clock)]).subscribe({
            next: ([keep, day]) => {
              const first = !tiers;
              tiers = keep.tiers;
              today = day;
              if (first) return resolve();
              recomputeAll();
              scheduleFlush();
            },
            error: reject,
          }),
        );
      });
      const stored = await ctx.db.people_index.storageInstance.query(ctx.db.people_index.find().getPreparedQuery());
      for (const row of stored.documents) rows.set(row.id, row);
      recomputeAll();
      for (const bulk of pending!) applyBulk(bulk);
      pending = undefined;
    })();
    started.catch(() => (started = undefined));
    return started;
  }

  function attach(request: PeopleWindowRequest, push: (window: PeopleWindow) => void): Watcher {
    const key = keyOf(request.query);
    const query = lists.get(key) ?? {
      query: request.query,
      list: listFor(request.query),
      watchers: new Set<Watcher>(),
    };
    lists.delete(key);
    lists.set(key, query); // the most recently used last
    const watcher: Watcher = { offset: request.offset, limit: request.limit, push, sent: new Map() };
    query.watchers.add(watcher);
    send(watcher, query);
    return watcher;
  }

  function detach(watcher: Watcher) {
    for (const query of lists.values()) query.watchers.delete(watcher);
    const idle = [...lists].filter(([, query]) => !query.watchers.size);
    for (const [key] of idle.slice(0, Math.max(0, idle.length - IDLE_LISTS_KEPT))) lists.delete(key);
  }

  return {
    watch: (request) =>
      new Observable<PeopleWindow>((subscriber) => {
        let watcher: Watcher | undefined;
        let closed = false;
        start().then(
          () => {
            if (!closed) watcher = attach(request, (window) => subscriber.next(window));
          },
          (error: unknown) => subscriber.error(error),
        );
        return () => {
          closed = true;
          if (watcher) detach(watcher);
        };
      }),
    rows: () => start().then(() => ({ rows, revision })),
    close() {
      for (const subscription of subscriptions) subscription.unsubscribe();
      lists.clear();
    },
  };
}
