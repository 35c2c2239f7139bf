import { Command } from 'cmdk';
import { CalendarDays, FileText, MessageCircle, QrCode, Search, StickyNote } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { SearchHitView } from '../../../shared/domain/views.ts';
import type { Screen } from '../../../shared/ipc/contract.ts';
import { useToday } from '../../api/AppInfoProvider.tsx';
import { rapport } from '../../api/rapport.ts';
import { revealOnOpening, revealOnPage, type HitTarget } from '../../navigation/reveal.ts';
import { isShown, navigate } from '../../navigation/useScreen.ts';
import { SCREENS } from '../../navigation/screens.ts';
import { MY_CARD_PARAM } from '../cards/MyCardSettings.tsx';
import { Avatar } from '../../ui/Avatar.tsx';
import { formatDateShort } from '../../ui/dates.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { SEARCH_TEXT_MAX } from '../../../shared/ipc/channels/people.ts';
import { IndexBuilding } from './IndexBuilding.tsx';

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

/** Opens a page, and what on it to show (an interaction, a detail). */
type Go = (screen: Screen, param?: string, target?: HitTarget) => void;

/**
 * Ctrl/Cmd+K (cmdk in a dialog): search names, organisations, notes, details and interactions;
 * people come first. Focus starts in the field, so typing right after the shortcut is kept.
 * With nothing typed it offers the screens. A choice opens its page and shows the interaction or
 * detail it found there, scrolled to and focused (else the page's heading takes focus). On the page
 * already on screen, where opening changes nothing, the palette closes and shows it in place.
 */
export function SearchPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  // On the page on screen already: what to show once the palette has closed, in place of giving
  // focus back to what opened it.
  const showAfterClose = useRef<(() => void) | null>(null);
  const go: Go = (screen, param, target) => {
    const here = isShown(screen, param);
    if (here) showAfterClose.current = () => revealOnPage(target);
    else if (target) showAfterClose.current = () => revealOnOpening(target);
    onClose();
    if (!here) navigate(screen, param);
  };
  return (
    <Dialog
      open={open}
      title="Search"
      size="palette"
      hideTitle
      onClose={onClose}
      focusOnClose={() => {
        const show = showAfterClose.current;
        showAfterClose.current = null;
        show?.();
        return show !== null;
      }}
    >
      <PaletteBody go={go} />
    </Dialog>
  );
}

function PaletteBody({ go }: { go: Go }) {
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
  const openHit = (hit: SearchHitView) => {
    if (hit.kind === 'event') return go('events', hit.id);
    // On the page of one of its people already (an interaction with several): show it there.
    const person = hit.personIds.find((id) => isShown('people', id)) ?? hit.personIds[0];
    if (!person) return;
    go('people', person, hit.kind === 'person' ? undefined : { kind: hit.kind, id: hit.id });
  };

  return (
    <Command shouldFilter={false} loop className="palette" label="Search" value={highlighted} onValueChange={setMoved}>
      <div className="palette-input-row">
        <Search size={18} aria-hidden />
        <Command.Input
          data-autofocus
          value={q}
          onValueChange={setQ}
          maxLength={SEARCH_TEXT_MAX}
          aria-label="Search people, notes and interactions"
          placeholder="Search people, notes and interactions"
        />
      </div>
      <IndexBuilding />
      <Command.List className="palette-list" aria-label="Results">
        {error ? (
          <p className="inline-alert" role="alert">
            Search failed: {error}
          </p>
        ) : null}
        {!query ? (
          <Command.Group heading="Go to">
            {SCREENS.map((s) => (
              <Command.Item key={s.id} value={`screen-${s.id}`} className="palette-item" onSelect={() => go(s.id)}>
                <s.icon size={16} aria-hidden />
                {s.label}
              </Command.Item>
            ))}
            <Command.Item value={MY_CARD_VALUE} className="palette-item" onSelect={() => go('settings', MY_CARD_PARAM)}>
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
                  onSelect={() => openHit(hit)}
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
