import { Archive, ArchiveRestore, Download, Repeat, Tag, Trash2, X } from 'lucide-react';
import { useId, useState } from 'react';
import { Tier } from '../../../shared/domain/contact.ts';
import type { PersonListItem } from '../../../shared/domain/views.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { useTierLabels } from '../../api/useTierLabels.ts';
import { ConfirmDelete } from '../../ui/ConfirmDelete.tsx';
import { LiveError } from '../../ui/LiveError.tsx';
import { Menu } from '../../ui/Menu.tsx';
import { useExport } from '../backup/useExport.ts';
import { deletePeople } from '../person/forget-typed.ts';
import { peopleCount } from '../../ui/counted.ts';

/** Actions on the selected people: tag, set rhythm, archive, export, delete; each with Undo where possible. */
export function BulkBar({
  ids,
  people,
  onDone,
}: {
  ids: string[];
  people: readonly PersonListItem[];
  onDone: () => void;
}) {
  const id = useId();
  const request = useRequest();
  const exporter = useExport(ids);
  const rhythms = useTierLabels();
  const [tag, setTag] = useState('');
  const [confirm, setConfirm] = useState(false);
  const count = peopleCount(ids.length);
  const chosen = people.filter((p) => ids.includes(p.id));
  const archiving = !chosen.every((p) => p.archived);

  function addTag() {
    const name = tag.trim();
    // Undo removes the tag only from those who did not have it before.
    const without = chosen.filter((p) => !p.tags.includes(name)).map((p) => p.id);
    void request(() => rapport().contacts.retag({ ids, add: [name] }), {
      action: `tag ${count}`,
      success: ({ changed }) => ({
        title: `Tagged ${peopleCount(changed)} “${name}”`,
        undo: without.length ? { run: () => rapport().contacts.retag({ ids: without, remove: [name] }) } : undefined,
      }),
    }).then((r) => r.ok && setTag(''));
  }
  function setRhythm(tier: Tier | null) {
    void request(() => rapport().contacts.setTier({ ids, tier }), {
      action: `set the rhythm of ${count}`,
      success: ({ changed, undoToken }) => ({
        title: tier
          ? `${peopleCount(changed)} set to ${rhythms.labels[tier]}`
          : `Rhythm removed from ${peopleCount(changed)}`,
        undo: { token: undoToken },
      }),
    });
  }
  function archive() {
    void request(() => rapport().contacts.archive({ ids, archived: archiving }), {
      action: archiving ? `archive ${count}` : `unarchive ${count}`,
      success: ({ changed }) => ({
        title: `${archiving ? 'Archived' : 'Unarchived'} ${peopleCount(changed)}`,
        undo: { run: () => rapport().contacts.archive({ ids, archived: !archiving }) },
      }),
    }).then((r) => r.ok && onDone());
  }
  function remove() {
    setConfirm(false);
    deletePeople(request, ids, count, onDone);
  }

  return (
    <>
      <div className="bulk-bar" role="toolbar" aria-label={`Actions for ${count}`}>
        <span className="bulk-count">{count} selected</span>
        {/* Beside the count it clears, and short, so the actions keep to one line at 1280 px. */}
        <button type="button" className="ghost small" onClick={onDone} aria-label="Clear selection">
          <X size={14} aria-hidden /> Clear
        </button>
        <form
          className="actions"
          onSubmit={(e) => {
            e.preventDefault();
            if (tag.trim()) addTag();
          }}
        >
          <label htmlFor={`${id}-tag`} className="visually-hidden">
            Tag to add
          </label>
          <input id={`${id}-tag`} placeholder="Tag" value={tag} onChange={(e) => setTag(e.target.value)} />
          <button type="submit" disabled={!tag.trim()}>
            <Tag size={14} aria-hidden /> Add tag
          </button>
        </form>
        <Menu
          label="Set rhythm"
          align="start"
          trigger={
            <button type="button">
              <Repeat size={14} aria-hidden /> Set rhythm
            </button>
          }
          items={[
            ...Tier.options.map((t) => ({ label: rhythms.labels[t], onSelect: () => setRhythm(t) })),
            'separator' as const,
            { label: 'No rhythm', onSelect: () => setRhythm(null) },
          ]}
        />
        <button type="button" onClick={archive}>
          {archiving ? <Archive size={14} aria-hidden /> : <ArchiveRestore size={14} aria-hidden />}
          {archiving ? 'Archive' : 'Unarchive'}
        </button>
        <Menu
          label="Export the selection"
          align="start"
          trigger={
            <button type="button">
              <Download size={14} aria-hidden /> Export
            </button>
          }
          items={[
            { label: 'vCard 3.0', onSelect: () => exporter.vcard('3.0') },
            { label: 'vCard 4.0', onSelect: () => exporter.vcard('4.0') },
            { label: 'CSV (Google Contacts)', onSelect: () => exporter.csv() },
          ]}
        />
        <button type="button" className="danger" onClick={() => setConfirm(true)}>
          <Trash2 size={14} aria-hidden /> Delete
        </button>
        <ConfirmDelete open={confirm} title={`Delete ${count}?`} onCancel={() => setConfirm(false)} onDelete={remove}>
          <p>Their details and interactions only with them go too. You can undo for a few seconds afterwards.</p>
        </ConfirmDelete>
      </div>
      <LiveError state={rhythms.state} what="how often each rhythm is" />
    </>
  );
}
