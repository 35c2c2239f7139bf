import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type Ref } from 'react';
import type { PersonListItem } from '../../../shared/domain/views.ts';
import { useToday } from '../../api/AppInfoProvider.tsx';
import { openPerson } from '../../navigation/useScreen.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { formatRelative } from '../../ui/dates.ts';
import { StatusBadge, statusText } from '../../ui/StatusBadge.tsx';
import { tagsThatFit } from './tags-that-fit.ts';

const ROW_HEIGHT = 52;
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** One row; memoised, so scrolling renders only the rows that come into view. */
const PersonRow = memo(function PersonRow({
  person,
  start,
  selected,
  onToggle,
  today,
}: {
  person: PersonListItem;
  start: number;
  selected: boolean;
  onToggle: (id: string) => void;
  today: string;
}) {
  const meta = [person.role, person.organisation].filter(Boolean).join(' · ');
  const fitting = tagsThatFit(person.tags);
  return (
    <li className={selected ? 'person-row selected' : 'person-row'} style={{ transform: `translateY(${start}px)` }}>
      <input
        type="checkbox"
        aria-label={`Select ${person.displayName}`}
        checked={selected}
        onChange={() => onToggle(person.id)}
      />
      <a
        href={`#/people/${encodeURIComponent(person.id)}`}
        className="person-link"
        onClick={(e) => {
          e.preventDefault();
          openPerson(person.id);
        }}
      >
        <Avatar name={person.displayName} />
        <span className="person-text">
          <span className="person-name">{person.displayName}</span>
          {meta ? (
            <span className="person-meta" title={meta}>
              {meta}
            </span>
          ) : null}
        </span>
      </a>
      <span className="col-last">
        <span className="visually-hidden">Last contact: </span>
        {person.lastInteractionOn ? capitalise(formatRelative(person.lastInteractionOn, today)) : 'Never'}
      </span>
      {/* A cell too narrow for its text ends in "…"; the title holds all of it. */}
      <span className="col-status" title={statusText(person.status)}>
        <StatusBadge status={person.status} />
      </span>
      <span className="col-tags" title={person.tags.join(', ') || undefined}>
        {fitting.shown.map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
        {fitting.more ? (
          <span className="tag more-tags">
            +{fitting.more}
            <span className="visually-hidden"> more: {person.tags.slice(fitting.shown.length).join(', ')}</span>
          </span>
        ) : null}
      </span>
    </li>
  );
});

/**
 * The virtualised People list over a window of it: `rows` are rows `offset` … of `total`. Rows
 * outside the window show as blank lines until the window catches up (`onRange` asks for it).
 * Rows have one fixed height and every cell stays on one line (long names end in "…"), so rows
 * can never overlap at any window width.
 */
export function PeopleList({
  ref,
  total,
  offset,
  rows,
  label,
  selected,
  onToggle,
  onRange,
}: {
  /** The list itself, which takes focus when the bulk bar that held it goes. */
  ref?: Ref<HTMLUListElement>;
  total: number;
  offset: number;
  rows: readonly PersonListItem[];
  /** The count the list's name says. */
  label: number;
  selected: { has(id: string): boolean };
  onToggle: (id: string) => void;
  onRange: (first: number, last: number) => void;
}) {
  const today = useToday();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => onRange(first, last), [first, last, onRange]);
  return (
    <div className="people-table fill">
      <div className="people-head" aria-hidden="true">
        <span />
        <span>Name</span>
        <span>Last contact</span>
        <span>Keep in touch</span>
        <span className="col-tags">Tags</span>
      </div>
      <div ref={scroller} className="people-scroller" tabIndex={-1}>
        <ul
          ref={ref}
          tabIndex={-1}
          className="people-list"
          aria-label={`People (${label})`}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const person = rows[item.index - offset];
            return person ? (
              <PersonRow
                key={person.id}
                person={person}
                start={item.start}
                selected={selected.has(person.id)}
                onToggle={onToggle}
                today={today}
              />
            ) : (
              <li
                key={`row-${item.index}`}
                className="person-row pending"
                aria-hidden="true"
                style={{ transform: `translateY(${item.start}px)` }}
              />
            );
          })}
        </ul>
      </div>
    </div>
  );
}
