/**
 * What one People window subscriber is sent: the window's ids, the counts, and only the rows it
 * does not hold yet or that changed since (compared by identity: the core makes a new entry for a
 * row only when the row changes), or nothing when nothing it shows changed.
 */
import { isDeepStrictEqual } from 'node:util';
import type { PeopleListEntry } from '../../../shared/domain/people-list-view.ts';
import type { PeopleWindow } from '../../../shared/ipc/channels/people.ts';

/** A window's content as the core sees it now. */
export interface WindowView {
  readonly window: readonly PeopleListEntry[];
  readonly total: number;
  readonly everyone: number;
  readonly archived: number;
  /** The tags in use; absent until the full lists are built (a push then leaves them out). */
  readonly tags?: string[];
}

export interface Watcher {
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

export const newWatcher = (offset: number, limit: number, push: (window: PeopleWindow) => void): Watcher => ({
  offset,
  limit,
  push,
  sent: new Map(),
});

/**
 * Counts the rows the subscriber holds as held for the entries `fresh` has for them now, where the
 * rows are equal: a row read again (from the index, or into the full lists) is not sent again
 * unless it changed.
 */
export function recogniseUnchanged(watcher: Watcher, fresh: (id: string) => PeopleListEntry | undefined): void {
  for (const [id, sent] of watcher.sent) {
    const entry = fresh(id);
    if (entry && entry !== sent && isDeepStrictEqual(entry.item, sent.item)) watcher.sent.set(id, entry);
  }
}

/** Pushes to `watcher` what differs between what it holds and `view`, if anything does. */
export function sendWindow(watcher: Watcher, view: WindowView): void {
  const { window, total, everyone, archived } = view;
  const tags = view.tags ?? watcher.tags;
  const ids = window.map((entry) => entry.item.id);
  const idsKey = ids.join('\n');
  const changed = window.filter((entry) => watcher.sent.get(entry.item.id) !== entry);
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
  if (view.tags && view.tags !== watcher.tags) push.tags = view.tags;
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
