import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { TimelineFilter } from '../../../shared/ipc/contract.ts';
import { focusWhenShown, userMovedSince, useRevealer } from '../../navigation/reveal.ts';
import { useFocusStaysInList } from '../../ui/useFocusStaysInList.ts';
import { EntryRow } from './EntryRow.tsx';
import { useTimelinePages } from './useTimelinePages.ts';

/**
 * A virtualised, newest-first timeline grouped by week and day. Only the rows on screen exist in
 * the DOM, so 200k interactions scroll as smoothly as 20. On the Timeline screen it scrolls in
 * its own box that fills the window; on a person's page (`inPage`) it scrolls with the page, so
 * there is one scrollbar.
 */
export function Timeline({
  filter,
  emptyText,
  label,
  inPage = false,
}: {
  filter: z.input<typeof TimelineFilter>;
  emptyText: string;
  label: string;
  inPage?: boolean;
}) {
  const { total, ready, revision, loading, error, failedPages, entryAt, indexOf, locate, ensure, retry } =
    useTimelinePages(filter);
  const scroller = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  const page = () => document.getElementById('main');
  // Content above the list (suggestions, details) can change height at any render, so this runs
  // after each one; setMargin bails out when the offset is unchanged.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    if (!inPage || !scroller.current) return;
    const main = page();
    if (main)
      setMargin(scroller.current.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop);
  });
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => (inPage ? page() : scroller.current),
    estimateSize: () => 76,
    overscan: 8,
    scrollMargin: inPage ? margin : 0,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  // Deleting an entry can take the focused menu button with its row (the last row goes).
  const focusStays = useFocusStaysInList<HTMLDivElement>(total);
  // A search hit for an entry this list holds but has not rendered: further down the page, or
  // older than the pages fetched so far, whose place the core gives (its page is fetched once the
  // list scrolls there). Asked again while the row is not rendered (reveal.ts), the list scrolls
  // again to the place it was given, until the list changes.
  const located = useRef<{ key: string; at: Promise<number | null> } | null>(null);
  useRevealer((target) => {
    if (target.kind !== 'interaction' || !ready) return false;
    const index = indexOf(target.id);
    if (index >= 0) {
      virtualizer.scrollToIndex(index, { align: 'center' });
      focusWhenShown(target);
      return true;
    }
    const key = `${target.id}|${revision}|${JSON.stringify(filter)}`;
    const first = located.current?.key !== key;
    if (first) located.current = { key, at: locate(target.id) };
    const askedAt = performance.now();
    void located.current!.at.then((at) => {
      // A slow answer does not pull the list away from where the user went meanwhile.
      if (at === null || userMovedSince(askedAt)) return;
      virtualizer.scrollToIndex(at, { align: 'center' });
      if (first) focusWhenShown(target);
    });
    return true;
  });
  useEffect(() => {
    if (!total) return;
    ensure(first);
    ensure(last);
  }, [first, last, total, ensure]);

  if (error)
    return (
      <p role="alert" className="inline-alert">
        Could not load the timeline: {error}
      </p>
    );
  if (loading) return <p className="muted">Loading…</p>;
  if (!total) return <p className="empty">{emptyText}</p>;
  const offset = inPage ? margin : 0;
  return (
    <div
      ref={scroller}
      className={inPage ? 'timeline in-page' : 'timeline timeline-scroller fill'}
      role="feed"
      aria-label={label}
      aria-busy={false}
      tabIndex={0}
    >
      {failedPages ? (
        <p role="alert" className="inline-alert">
          Some entries could not be loaded: {failedPages}{' '}
          <button type="button" className="small" onClick={retry}>
            Retry
          </button>
        </p>
      ) : null}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} {...focusStays}>
        {items.map((item) => {
          const entry = entryAt(item.index);
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="timeline-row"
              style={{ transform: `translateY(${item.start - offset}px)` }}
            >
              {entry ? (
                <EntryRow
                  entry={entry}
                  previous={item.index > 0 ? entryAt(item.index - 1) : undefined}
                  pagePersonId={filter.contactId}
                />
              ) : (
                <div className="timeline-placeholder" aria-hidden="true" />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
