import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useMemo, useRef, useState } from 'react';
import { usePeople } from '../../api/PeopleProvider.tsx';
import { rapport } from '../../api/rapport.ts';
import { openPerson } from '../../navigation/useScreen.ts';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { ExportButtons } from '../backup/ExportButtons.tsx';
import { ImportDialog } from '../backup/ImportDialog.tsx';
import { AddPersonForm } from './AddPersonForm.tsx';
import { BulkBar } from './BulkBar.tsx';
import { DuplicatesDialog } from './DuplicatesDialog.tsx';

export function PeopleScreen() {
  const id = useId();
  const people = usePeople();
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [duplicates, setDuplicates] = useState(false);
  const [importing, setImporting] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const all = useMemo(() => (people.status === 'ready' ? people.data : []), [people]);
  const shown = useMemo(() => {
    const q = filter.trim().toLocaleLowerCase();
    return q
      ? all.filter((p) =>
          `${p.displayName} ${p.organisation ?? ''} ${p.tags.join(' ')}`.toLocaleLowerCase().includes(q),
        )
      : all;
  }, [all, filter]);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56,
    overscan: 10,
  });
  const toggle = (pid: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(pid)) next.add(pid);
      return next;
    });

  return (
    <section aria-labelledby="screen-title" className="people">
      <div className="screen-top">
        <ScreenHeading>People</ScreenHeading>
        <div className="actions">
          <button type="button" onClick={() => setImporting(true)}>
            Import contacts…
          </button>
          {all.length > 0 ? <ExportButtons /> : null}
          {all.length > 1 ? (
            <button type="button" onClick={() => setDuplicates(true)}>
              Find duplicates
            </button>
          ) : null}
        </div>
      </div>
      {people.status === 'loading' ? <p role="status">Loading people…</p> : null}
      {people.status === 'error' ? (
        <p role="alert" className="field-error">
          {people.error.message}
        </p>
      ) : null}
      <div className="people-layout">
        <div>
          {people.status === 'ready' && all.length === 0 ? (
            <p className="empty">
              Nobody here yet. Add someone you spoke to this week, and Rapport will help you keep in touch.
            </p>
          ) : null}
          {all.length > 0 ? (
            <>
              <div className="filters">
                <label htmlFor={`${id}-filter`}>Filter</label>
                <input
                  id={`${id}-filter`}
                  type="search"
                  placeholder="Name, organisation or tag"
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                />
                <span className="person-meta">
                  {shown.length === all.length ? `${all.length} people` : `${shown.length} of ${all.length}`}
                </span>
              </div>
              {selected.size ? <BulkBar ids={[...selected]} onDone={() => setSelected(new Set())} /> : null}
              <div ref={scroller} className="people-scroller" tabIndex={-1}>
                <ul
                  className="people-list"
                  aria-label={`People (${all.length})`}
                  style={{ height: virtualizer.getTotalSize() }}
                >
                  {virtualizer.getVirtualItems().map((item) => {
                    const person = shown[item.index]!;
                    return (
                      <li key={person.id} className="person-row" style={{ transform: `translateY(${item.start}px)` }}>
                        <input
                          type="checkbox"
                          aria-label={`Select ${person.displayName}`}
                          checked={selected.has(person.id)}
                          onChange={() => toggle(person.id)}
                        />
                        <a
                          href={`#/people/${encodeURIComponent(person.id)}`}
                          className="person-link"
                          onClick={(e) => {
                            e.preventDefault();
                            openPerson(person.id);
                          }}
                        >
                          <span className="person-name">{person.displayName}</span>
                          {person.role || person.organisation ? (
                            <span className="person-meta">
                              {[person.role, person.organisation].filter(Boolean).join(' · ')}
                            </span>
                          ) : null}
                        </a>
                        <StatusBadge status={person.status} />
                      </li>
                    );
                  })}
                </ul>
              </div>
            </>
          ) : null}
        </div>
        <AddPersonForm create={(fields) => rapport().contacts.create(fields)} />
      </div>
      <DuplicatesDialog open={duplicates} onClose={() => setDuplicates(false)} />
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </section>
  );
}
