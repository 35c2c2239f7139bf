import { Command } from 'cmdk';
import { CalendarDays, FileText, MessageCircle, QrCode, Search, StickyNote } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { SearchHitView } from '../../../shared/domain/views.ts';
import { useToday } from '../../api/AppInfoProvider.tsx';
import { rapport } from '../../api/rapport.ts';
import { navigate, openPerson } from '../../navigation/useScreen.ts';
import { SCREENS } from '../../navigation/screens.ts';
import { MY_CARD_PARAM } from '../cards/MyCardSettings.tsx';
import { Avatar } from '../../ui/Avatar.tsx';
import { formatDateShort } from '../../ui/dates.ts';
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

const GROUPS = [
  { kind: 'event', heading: 'Events' },
  { kind: 'person', heading: 'People' },
  { kind: 'detail', heading: 'Remembered' },
  { kind: 'interaction', heading: 'Interactions' },
] as const;

const hitValue = (hit: SearchHitView) => `${hit.kind}-${hit.id}`;
const MY_CARD_VALUE = 'action-my-card';

type Answer = { q: string; hits: SearchHitView[] } | { q: string; error: string };

/**
 * Ctrl/Cmd+K (cmdk in a dialog): search names, organisations, notes, details and interactions;
 * people come first. Focus starts in the field, so typing right after the shortcut is kept.
 * With nothing typed it offers the screens.
 */
export function SearchPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Search" size="palette" hideTitle onClose={onClose}>
      <PaletteBody onClose={onClose} />
    </Dialog>
  );
}

function PaletteBody({ onClose }: { onClose: () => void }) {
  const today = useToday();
  const [q, setQ] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const query = q.trim();

  useEffect(() => {
    if (!query) return;
    let current = true;
    void rapport()
      .search.query({ q: query, limit: 30 })
      .then((r) => {
        if (current) setAnswer(r.ok ? { q: query, hits: r.value } : { q: query, error: r.error.message });
      });
    return () => {
      current = false;
    };
  }, [query]);

  // Earlier results stay on screen while the next keystroke's answer is on its way.
  const hits = query && answer && 'hits' in answer ? answer.hits : [];
  const error = query && answer && 'error' in answer ? answer.error : '';
  // The row Enter opens. cmdk keeps the row it highlighted while that row's value stays set, even
  // after the row has gone with an earlier answer; then nothing was highlighted and Enter did
  // nothing (typing "Call number 35" one key at a time). A row that is gone hands over to the first.
  const [moved, setMoved] = useState('');
  const rows = query
    ? GROUPS.flatMap((group) => hits.filter((h) => h.kind === group.kind).map(hitValue))
    : [...SCREENS.map((s) => `screen-${s.id}`), MY_CARD_VALUE];
  const highlighted = rows.includes(moved) ? moved : (rows[0] ?? '');
  const go = (hit: SearchHitView) => {
    if (hit.kind === 'event') {
      onClose();
      navigate('events', hit.id);
      return;
    }
    const person = hit.personIds[0];
    if (!person) return;
    onClose();
    openPerson(person);
  };

  return (
    <Command shouldFilter={false} loop className="palette" label="Search" value={highlighted} onValueChange={setMoved}>
      <div className="palette-input-row">
        <Search size={18} aria-hidden />
        <Command.Input
          data-autofocus
          value={q}
          onValueChange={setQ}
          aria-label="Search people, notes and interactions"
          placeholder="Search people, notes and interactions"
        />
      </div>
      <Command.List className="palette-list" aria-label="Results">
        {error ? (
          <p className="inline-alert" role="alert">
            Search failed: {error}
          </p>
        ) : null}
        {!query ? (
          <Command.Group heading="Go to">
            {SCREENS.map((s) => (
              <Command.Item
                key={s.id}
                value={`screen-${s.id}`}
                className="palette-item"
                onSelect={() => {
                  onClose();
                  navigate(s.id);
                }}
              >
                <s.icon size={16} aria-hidden />
                {s.label}
              </Command.Item>
            ))}
            <Command.Item
              value={MY_CARD_VALUE}
              className="palette-item"
              onSelect={() => {
                onClose();
                navigate('settings', MY_CARD_PARAM);
              }}
            >
              <QrCode size={16} aria-hidden />
              Show my card
            </Command.Item>
          </Command.Group>
        ) : null}
        {GROUPS.map((group) => {
          const inGroup = hits.filter((h) => h.kind === group.kind);
          if (!inGroup.length) return null;
          return (
            <Command.Group key={group.kind} heading={group.heading}>
              {inGroup.map((hit) => (
                <Command.Item
                  key={`${hit.kind}-${hit.id}`}
                  value={hitValue(hit)}
                  className="palette-item"
                  onSelect={() => go(hit)}
                >
                  {hit.kind === 'event' ? (
                    <CalendarDays size={18} aria-hidden />
                  ) : hit.kind === 'person' ? (
                    <Avatar name={hit.title} />
                  ) : hit.kind === 'detail' ? (
                    <StickyNote size={18} aria-hidden />
                  ) : hit.field === 'notes' ? (
                    <FileText size={18} aria-hidden />
                  ) : (
                    <MessageCircle size={18} aria-hidden />
                  )}
                  <span className="hit-text">
                    {/* A name that matched is the title itself: highlighted there, not said twice. */}
                    <span className="hit-title">
                      {hit.snippet === hit.title ? <Highlighted hit={hit} /> : hit.title}
                    </span>
                    {hit.date ? <span className="muted"> · {formatDateShort(hit.date, today)}</span> : null}
                    {hit.snippet === hit.title ? null : (
                      <span className="hit-snippet">
                        <Highlighted hit={hit} />
                      </span>
                    )}
                  </span>
                </Command.Item>
              ))}
            </Command.Group>
          );
        })}
        {query && answer && !error && answer.q === query && !hits.length ? (
          <p className="palette-empty">Nothing matches “{query}”.</p>
        ) : null}
      </Command.List>
      <div className="palette-footer" aria-hidden="true">
        <span>
          <kbd>↑</kbd> <kbd>↓</kbd> to move
        </span>
        <span>
          <kbd>Enter</kbd> to open
        </span>
        <span>
          <kbd>Esc</kbd> to close
        </span>
      </div>
    </Command>
  );
}
