import { useId, useState } from 'react';
import { rapport } from '../../api/rapport.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ExportButtons } from '../backup/ExportButtons.tsx';
import { useOfferUndo } from '../../ui/UndoToast.tsx';

/** Actions on the selected people: tag, archive, delete (with undo). */
export function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const id = useId();
  const offerUndo = useOfferUndo();
  const [tag, setTag] = useState('');
  const [confirm, setConfirm] = useState(false);
  const count = `${ids.length} ${ids.length === 1 ? 'person' : 'people'}`;

  return (
    <div className="bulk-bar" role="toolbar" aria-label={`Actions for ${count}`}>
      <span>{count} selected</span>
      <label htmlFor={`${id}-tag`} className="visually-hidden">
        Tag to add
      </label>
      <input id={`${id}-tag`} placeholder="Tag" value={tag} onChange={(e) => setTag(e.target.value)} />
      <button
        type="button"
        disabled={!tag.trim()}
        onClick={() =>
          void rapport()
            .contacts.retag({ ids, add: [tag.trim()] })
            .then(() => setTag(''))
        }
      >
        Add tag
      </button>
      <button type="button" onClick={() => void rapport().contacts.archive({ ids, archived: true }).then(onDone)}>
        Archive
      </button>
      <ExportButtons ids={ids} />
      <button type="button" className="danger" onClick={() => setConfirm(true)}>
        Delete
      </button>
      <button type="button" onClick={onDone}>
        Clear selection
      </button>
      <Dialog open={confirm} title={`Delete ${count}?`} onClose={() => setConfirm(false)}>
        <p>Their details and interactions only with them go too. You can undo for a few seconds afterwards.</p>
        <div className="actions">
          <button type="button" onClick={() => setConfirm(false)}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            onClick={() =>
              void rapport()
                .contacts.delete({ ids })
                .then((r) => {
                  setConfirm(false);
                  if (r.ok) offerUndo(`Deleted ${count}`, r.value.undoToken);
                  onDone();
                })
            }
          >
            Delete
          </button>
        </div>
      </Dialog>
    </div>
  );
}
