import { useVirtualizer } from '@tanstack/react-virtual';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import { INTERACTION_LABELS } from '../../../shared/domain/interaction.ts';
import type { TimelineEntry } from '../../../shared/domain/views.ts';
import type { TimelineFilter } from '../../../shared/ipc/contract.ts';
import { openPerson } from '../../navigation/useScreen.ts';
import { useTimelinePages } from './useTimelinePages.ts';

const weekOf = (date: string) => format(startOfISOWeek(parseISO(date)), 'yyyy-MM-dd');

function EntryRow({ entry, previous }: { entry: TimelineEntry; previous: TimelineEntry | undefined }) {
  const newWeek = !previous || weekOf(previous.date) !== weekOf(entry.date);
  const newDay = !previous || previous.date !== entry.date;
  return (
    <article className="timeline-entry" aria-label={`${INTERACTION_LABELS[entry.type]} on ${entry.date}`}>
      {newWeek ? (
        <h2 className="week-heading">Week of {format(startOfISOWeek(parseISO(entry.date)), 'd MMMM yyyy')}</h2>
      ) : null}
      {newDay ? <h3 className="day-heading">{format(parseISO(entry.date), 'EEEE d MMMM')}</h3> : null}
      <div className="entry-body">
        <span className={`type-badge type-${entry.type}`}>{INTERACTION_LABELS[entry.type]}</span>
        {entry.time ? <span className="entry-time">{entry.time}</span> : null}
        <span className="entry-people">
          {entry.people.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? ', ' : ''}
              <a
                href={`#/people/${encodeURIComponent(p.id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  openPerson(p.id);
                }}
              >
                {p.displayName}
              </a>
            </span>
          ))}
        </span>
        {entry.gave.length ? <span className="give">Gave: {entry.gave.join(', ')}</span> : null}
        {entry.asked.length ? <span className="ask">Asked: {entry.asked.join(', ')}</span> : null}
        {entry.notes ? <p className="entry-notes">{entry.notes}</p> : null}
      </div>
    </article>
  );
}

/**
 * A virtualised, newest-first timeline grouped by week and day. Only the rows on screen exist
 * in the DOM, so 200k interactions scroll as smoothly as 20.
 */
export function Timeline({
  filter,
  emptyText,
  label,
}: {
  filter: z.input<typeof TimelineFilter>;
  emptyText: string;
  label: string;
}) {
  const { total, loading, error, entryAt, ensure } = useTimelinePages(filter);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => 72,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (!total) return;
    ensure(first);
    ensure(last);
  }, [first, last, total, ensure]);

  if (error)
    return (
      <p role="alert" className="field-error">
        {error}
      </p>
    );
  if (loading) return <p role="status">Loading…</p>;
  if (!total) return <p className="empty">{emptyText}</p>;
  return (
    <div ref={scroller} className="timeline-scroller" role="feed" aria-label={label} aria-busy={false} tabIndex={0}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const entry = entryAt(item.index);
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="timeline-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {entry ? (
                <EntryRow entry={entry} previous={item.index > 0 ? entryAt(item.index - 1) : undefined} />
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
