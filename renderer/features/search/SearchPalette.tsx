import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { SearchHitView } from '../../../shared/domain/views.ts';
import { rapport } from '../../api/rapport.ts';
import { openPerson } from '../../navigation/useScreen.ts';
import { Dialog } from '../../ui/Dialog.tsx';

/** The snippet with each match wrapped in <mark>. */
function Highlighted({ hit }: { hit: SearchHitView }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of hit.highlights) {
    if (start > at) parts.push(hit.snippet.slice(at, start));
    parts.push(<mark key={start}>{hit.snippet.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(hit.snippet.slice(at));
  return <>{parts}</>;
}

const KIND_LABEL = { person: 'Person', detail: 'Remembered', interaction: 'Interaction' } as const;

/** Ctrl/Cmd+K: search names, organisations, notes, details and interactions; people come first. */
export function SearchPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  const id = useId();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<SearchHitView[]>([]);
  const [active, setActive] = useState(0);
  // Earlier results stay on screen while the next keystroke's answer is on its way.
  const hits = q.trim() ? found : [];

  useEffect(() => {
    let current = true;
    if (!q.trim()) return;
    void rapport()
      .search.query({ q, limit: 30 })
      .then((r) => {
        if (current && r.ok) {
          setFound(r.value);
          setActive(0);
        }
      });
    return () => {
      current = false;
    };
  }, [q]);

  const go = (hit: SearchHitView | undefined) => {
    const person = hit?.personIds[0];
    if (!person) return;
    onClose();
    setQ('');
    openPerson(person);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter') go(hits[active]);
    else return;
    e.preventDefault();
  };

  return (
    <Dialog open={open} title="Search" onClose={onClose}>
      <input
        id={`${id}-q`}
        className="search-input"
        type="search"
        role="combobox"
        aria-label="Search people, notes and interactions"
        aria-expanded={hits.length > 0}
        aria-controls={`${id}-results`}
        aria-activedescendant={hits.length ? `${id}-hit-${active}` : undefined}
        autoFocus
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-results`} role="listbox" aria-label="Results" className="search-results">
        {hits.map((hit, i) => (
          <li
            key={`${hit.kind}-${hit.id}`}
            id={`${id}-hit-${i}`}
            role="option"
            aria-selected={i === active}
            onClick={() => go(hit)}
          >
            <span className="hit-kind">{KIND_LABEL[hit.kind]}</span>
            <span className="hit-title">{hit.title}</span>
            {hit.date ? <span className="person-meta"> · {hit.date}</span> : null}
            <div className="hit-snippet">
              <Highlighted hit={hit} />
            </div>
          </li>
        ))}
      </ul>
      {q.trim() && !hits.length ? <p className="empty">Nothing matches “{q.trim()}”.</p> : null}
    </Dialog>
  );
}
