import { Download, FileUp, MoreHorizontal, Users, UserPlus } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import type { PersonListItem } from '../../../shared/domain/views.ts';
import { usePeople } from '../../api/PeopleProvider.tsx';
import { rapport } from '../../api/rapport.ts';
import { useLive, type LiveState } from '../../api/useLive.ts';
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
import { DEFAULT_VIEW, tagsOf, viewPeople, type PeopleView } from './people-view.ts';
import './people.css';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Archived people are only fetched while the "Archived" filter is on. */
function useArchived(on: boolean): LiveState<PersonListItem[]> | null {
  const live = useLive<PersonListItem[]>(
    (onResult) => (on ? rapport().contacts.watch({ includeArchived: true }, onResult) : () => {}),
    [on],
  );
  return on ? live : null;
}

export function PeopleScreen() {
  const active = usePeople();
  const [view, setView] = useState<PeopleView>(DEFAULT_VIEW);
  const archived = useArchived(view.status === 'archived');
  const people = archived ?? active;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'add' | 'import' | 'duplicates' | null>(null);
  const exporter = useExport();
  const all = useMemo(() => (people.status === 'ready' ? people.data : []), [people]);
  const shown = useMemo(() => viewPeople(all, view), [all, view]);
  const tags = useMemo(() => tagsOf(all), [all]);
  const everyone = active.status === 'ready' ? active.data.length : 0;

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
      const next = new Set(s);
      if (!next.delete(pid)) next.add(pid);
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
              { label: 'Export archive (JSON)', icon: <Download size={14} />, onSelect: () => exporter.archive() },
              'separator',
              { label: 'Find duplicates', icon: <Users size={14} />, onSelect: () => setDialog('duplicates') },
            ]}
          />
        </div>
      </div>
      {archived ? <LiveError state={archived} what="archived people" /> : null}
      {people.status === 'loading' ? <p className="muted">Loading people…</p> : null}
      {active.status === 'ready' && everyone === 0 && view.status !== 'archived' ? (
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
          <PeopleToolbar view={view} tags={tags} onChange={setView} shown={shown.length} total={all.length} />
          {selected.size ? <BulkBar ids={[...selected]} people={all} onDone={() => setSelected(new Set())} /> : null}
          {people.status === 'ready' && shown.length === 0 ? (
            <p className="empty">
              {view.status === 'archived' ? 'Nobody is archived.' : 'Nobody matches these filters.'}
            </p>
          ) : (
            <PeopleList people={shown} total={all.length} selected={selected} onToggle={toggle} />
          )}
        </>
      )}
      <AddPersonDialog open={dialog === 'add'} onClose={() => setDialog(null)} />
      <DuplicatesDialog open={dialog === 'duplicates'} onClose={() => setDialog(null)} />
      <ImportDialog open={dialog === 'import'} onClose={() => setDialog(null)} />
    </section>
  );
}
