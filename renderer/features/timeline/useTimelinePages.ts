import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { TimelineEntry } from '../../../shared/domain/views.ts';
import type { TimelineFilter } from '../../../shared/ipc/contract.ts';
import { rapport } from '../../api/rapport.ts';
import { useLive } from '../../api/useLive.ts';
import { useToast } from '../../ui/Toast.tsx';

export const PAGE_SIZE = 100;
type Filter = z.input<typeof TimelineFilter>;
const NO_PAGES = new Map<number, TimelineEntry[]>();

/**
 * The timeline as a sparse list: main says how many entries match (live), and pages of 100 are
 * fetched when the virtual list first shows one of their rows. A change in main bumps the
 * revision, so what is on screen is fetched again; until it arrives the rows keep what they
 * showed. (Rows that blanked while the page was on its way took the focused menu button with
 * them, and their changing heights moved the list under the user.) Another filter starts empty.
 * A page that fails is reported (`failedPages`) and `retry` asks for it again; it never stays
 * blank silently.
 */
export function useTimelinePages(filter: Filter) {
  const key = JSON.stringify(filter);
  const meta = useLive<{ total: number; revision: number }>(
    (onResult) => rapport().timeline.watch({ filter }, onResult),
    [key],
  );
  const revision = meta.status === 'ready' ? meta.data.revision : -1;
  const stamp = `${revision}|${key}`;
  const [cache, setCache] = useState<{ key: string; pages: Map<number, TimelineEntry[]> }>({
    key,
    pages: NO_PAGES,
  });
  const [failure, setFailure] = useState<{ stamp: string; message: string } | null>(null);
  // Bumped by retry: a new `ensure` makes the list ask again for the pages it shows.
  const [attempt, setAttempt] = useState(0);
  const requested = useRef({ stamp, pages: new Set<number>() });
  const latest = useRef(stamp);
  useEffect(() => {
    latest.current = stamp;
  }, [stamp]);

  const ensure = useCallback(
    (index: number) => {
      if (revision < 0) return;
      const page = Math.floor(index / PAGE_SIZE);
      if (requested.current.stamp !== stamp) requested.current = { stamp, pages: new Set() };
      if (requested.current.pages.has(page)) return;
      requested.current.pages.add(page);
      void rapport()
        .timeline.page({ filter: JSON.parse(key) as Filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((result) => {
          if (latest.current !== stamp) return;
          if (!result.ok) {
            requested.current.pages.delete(page);
            return setFailure({ stamp, message: result.error.message });
          }
          setCache((c) => ({
            key,
            pages: new Map(c.key === key ? c.pages : NO_PAGES).set(page, result.value.entries),
          }));
        });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, revision, stamp, attempt],
  );
  const retry = useCallback(() => {
    setFailure(null);
    setAttempt((a) => a + 1);
  }, []);

  const pages = cache.key === key ? cache.pages : NO_PAGES;
  const entryAt = (index: number): TimelineEntry | undefined =>
    pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  /** Where an entry is, among the pages fetched so far; -1 when none of them holds it. */
  const indexOf = (id: string): number => {
    for (const [page, entries] of pages) {
      const at = entries.findIndex((e) => e.id === id);
      if (at >= 0) return page * PAGE_SIZE + at;
    }
    return -1;
  };
  const toast = useToast();
  /** Where an entry stands in the whole timeline, fetched or not; null when it is not in it (or the ask failed, said in a toast). */
  const locate = useCallback(
    async (id: string): Promise<number | null> => {
      const result = await rapport().timeline.position({ filter: JSON.parse(key) as Filter, id });
      if (!result.ok) toast({ kind: 'error', title: 'Could not find that entry', description: result.error.message });
      return result.ok ? result.value.index : null;
    },
    [key, toast],
  );
  return {
    total: meta.status === 'ready' ? meta.data.total : 0,
    ready: meta.status === 'ready',
    /** Moves whenever what the pages hold may have changed. */
    revision,
    loading: meta.status === 'loading',
    error: meta.status === 'error' ? meta.error.message : undefined,
    failedPages: failure?.stamp === stamp ? failure.message : undefined,
    entryAt,
    indexOf,
    locate,
    ensure,
    retry,
  };
}
