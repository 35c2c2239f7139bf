import { Download, FileUp, MoreHorizontal, Users, UserPlus } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_PEOPLE_QUERY, type PeopleQuery } from '../../../shared/domain/people-list-view.ts';
import type { PersonListItem } from '../../../shared/domain/views.ts';
import { MAX_WINDOW_ROWS } from '../../../shared/ipc/channels/people.ts';
import { useFocusFallback } from '../../ui/focus-fallback.ts';
import { LiveError } from '../../ui/LiveError.tsx';
import { Menu } from '../../ui/Menu.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { Tooltip } from '../../ui/Tooltip.tsx';
import { useExport } from '../backup/useExport.ts';
import { ImportDialog } from '../backup/ImportDialog.tsx';
import { AddPersonDialog } from './AddPersonDialog.tsx';
import { BulkBar } from './BulkBar.tsx';
import { DuplicatesDialog } from './DuplicatesDialog.tsx';
import { PeopleList } from './PeopleList.tsx';
import { PeopleToolbar } from './PeopleToolbar.tsx';
import { usePeopleWindow } from './usePeopleWindow.ts';
import './people.css';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Windows move in steps of this many rows, so scrolling a few rows asks main for nothing. */
const STEP = 40;

/** The rows to ask for when rows `first` … `last` are on screen: a step of margin before, two after. */
function windowAround(first: number, last: number) {
  const offset = Math.max(0, (Math.floor(first / STEP) - 1) * STEP);
  return { offset, limit: Math.min(MAX_WINDOW_ROWS, (Math.floor(last / STEP) + 2) * STEP - offset) };
}

export function PeopleScreen() {
  const [view, setView] = useState<PeopleQuery>(DEFAULT_PEOPLE_QUERY);
  const [range, setRange] = useState(() => windowAround(0, 0));
  const onRange = useCallback((first: number, last: number) => {
    const next = windowAround(first, last);
    setRange((current) => (current.offset === next.offset && current.limit === next.limit ? current : next));
  }, []);
  const people = usePeopleWindow(view, range.offset, range.limit);
  // Selected people may scroll out of the window: the bulk bar keeps what it was shown of them.
  const [selected, setSelected] = useState<Map<string, PersonListItem>>(new Map());
  const [dialog, setDialog] = useState<'add' | 'import' | 'duplicates' | null>(null);
  // The bulk bar goes with the selection (Archive, Delete, Clear): the list takes focus then.
  const list = useRef<HTMLUListElement>(null);
  const barFocus = useFocusFallback(() => list.current);
  const exporter = useExport();
  const page = people.status === 'ready' ? people.window : undefined;
  const rows = useMemo(() => page?.rows ?? [], [page]);
  const everyone = page?.everyone ?? 0;
  const all = view.status === 'archived' ? (page?.archived ?? 0) : everyone;
  const chosen = useMemo(() => {
    const fresh = new Map(rows.map((p) => [p.id, p]));
    return [...selected.values()].map((p) => fresh.get(p.id) ?? p);
  }, [rows, selected]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'n' || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      setDialog('add');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const toggle = (pid: string) =>
    setSelected((s) => {
      const next = new Map(s);
      const person = rows.find((p) => p.id === pid);
      if (!next.delete(pid) && person) next.set(pid, person);
      return next;
    });

  return (
    <section aria-labelledby="screen-title" className="screen screen-fill people">
      <div className="screen-top">
        <ScreenHeading>People</ScreenHeading>
        <div className="actions">
          <Tooltip label="Add person" shortcut="N">
            <button type="button" className="primary" onClick={() => setDialog('add')} aria-keyshortcuts="N">
              <UserPlus size={16} aria-hidden /> Add person
            </button>
          </Tooltip>
          <button type="button" onClick={() => setDialog('import')}>
            <FileUp size={16} aria-hidden /> Import
          </button>
          <Menu
            label="More people actions"
            trigger={
              <button type="button" className="icon-button" aria-label="More people actions">
                <MoreHorizontal size={18} aria-hidden />
              </button>
            }
            items={[
              { label: 'Export vCard 3.0', icon: <Download size={14} />, onSelect: () => exporter.vcard('3.0') },
              { label: 'Export vCard 4.0', icon: <Download size={14} />, onSelect: () => exporter.vcard('4.0') },
              { label: 'Export CSV (Google Contacts)', icon: <Download size={14} />, onSelect: () => exporter.csv() },
              { label: 'Export archive (JSON)', icon: <Download size={14} />, onSelect: () => exporter.archive() },
              'separator',
              { label: 'Find duplicates', icon: <Users size={14} />, onSelect: () => setDialog('duplicates') },
            ]}
          />
        </div>
      </div>
      {people.status === 'error' ? (
        <LiveError state={people} what={view.status === 'archived' ? 'archived people' : 'your people'} />
      ) : null}
      {people.status === 'loading' ? <p className="muted">Loading people…</p> : null}
      {page && everyone === 0 && view.status !== 'archived' ? (
        <div className="card empty-state">
          <h2>Nobody here yet</h2>
          <p className="empty">
            Add someone you spoke to this week, or import your contacts, and Rapport will help you keep in touch.
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => setDialog('add')}>
              <UserPlus size={16} aria-hidden /> Add person
            </button>
            <button type="button" onClick={() => setDialog('import')}>
              <FileUp size={16} aria-hidden /> Import contacts
            </button>
          </div>
        </div>
      ) : (
        <>
          <PeopleToolbar view={view} tags={page?.tags ?? []} onChange={setView} shown={page?.total ?? 0} total={all} />
          <div className="bulk-bar-place" {...barFocus}>
            {selected.size ? (
              <BulkBar ids={[...selected.keys()]} people={chosen} onDone={() => setSelected(new Map())} />
            ) : null}
          </div>
          {page && people.status === 'ready' && people.current && page.total === 0 ? (
            <p className="empty">
              {view.status === 'archived' ? 'Nobody is archived.' : 'Nobody matches these filters.'}
            </p>
          ) : (
            <PeopleList
              ref={list}
              total={page?.total ?? 0}
              offset={page?.offset ?? 0}
              rows={rows}
              label={all}
              selected={selected}
              onToggle={toggle}
              onRange={onRange}
            />
          )}
        </>
      )}
      <AddPersonDialog open={dialog === 'add'} onClose={() => setDialog(null)} />
      <DuplicatesDialog open={dialog === 'duplicates'} onClose={() => setDialog(null)} />
      <ImportDialog open={dialog === 'import'} onClose={() => setDialog(null)} />
    </section>
  );
}
