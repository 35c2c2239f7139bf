import { useState } from 'react';
import type { PersonView } from '../../../shared/domain/views.ts';
import { rapport } from '../../api/rapport.ts';
import { useLive } from '../../api/useLive.ts';
import { navigate } from '../../navigation/useScreen.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { useOfferUndo } from '../../ui/UndoToast.tsx';
import { useQuickLog } from '../log/QuickLog.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { AddDetailForm } from './AddDetailForm.tsx';
import { AskAboutChips } from './AskAboutChips.tsx';
import { ContactFacts } from './ContactFacts.tsx';
import { PersonForm } from './PersonForm.tsx';
import { ReciprocityPanel } from './ReciprocityPanel.tsx';
import { StarterSuggestions } from './StarterSuggestions.tsx';

export function PersonScreen({ id }: { id: string }) {
  const view = useLive<PersonView>((onResult) => rapport().person.watch({ id }, onResult), id);
  const openLog = useQuickLog();
  const offerUndo = useOfferUndo();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  if (view.status === 'loading') return <p role="status">Loading…</p>;
  if (view.status === 'error') {
    return (
      <section>
        <ScreenHeading>Person not found</ScreenHeading>
        <p>{view.error.message}</p>
        <a href="#/people">Back to People</a>
      </section>
    );
  }
  const { contact, status, openDetails, reciprocity } = view.data;

  async function remove() {
    const result = await rapport().contacts.delete({ ids: [id] });
    setConfirmDelete(false);
    if (result.ok) {
      offerUndo(`Deleted ${contact.displayName}`, result.value.undoToken);
      navigate('people');
    }
  }

  return (
    <section aria-labelledby="screen-title" className="person">
      <p>
        <a href="#/people">← People</a>
      </p>
      <div className="screen-top">
        <div>
          <ScreenHeading>{contact.displayName}</ScreenHeading>
          {contact.role || contact.organisation ? (
            <p className="lead">{[contact.role, contact.organisation].filter(Boolean).join(' at ')}</p>
          ) : null}
          <StatusBadge status={status} />
          {contact.archived ? <span className="status"> Archived</span> : null}
        </div>
        <div className="actions">
          <button type="button" className="primary" onClick={() => openLog([id])}>
            Log interaction
          </button>
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button
            type="button"
            onClick={() => void rapport().contacts.archive({ ids: [id], archived: !contact.archived })}
          >
            {contact.archived ? 'Unarchive' : 'Archive'}
          </button>
          <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
            Delete
          </button>
        </div>
      </div>
      <AskAboutChips details={openDetails} onResolve={(d) => void rapport().details.resolve({ id: d.id })} />
      <div className="person-columns">
        <div>
          <StarterSuggestions contactId={id} name={contact.displayName} />
          <ReciprocityPanel reciprocity={reciprocity} />
          <AddDetailForm contactId={id} />
          <h2>Timeline</h2>
          <Timeline
            filter={{ contactId: id }}
            label={`Timeline with ${contact.displayName}`}
            emptyText={`Nothing logged with ${contact.displayName} yet. Log your first coffee or call to start the clock.`}
          />
        </div>
        <ContactFacts contact={contact} />
      </div>
      <Dialog open={editing} title={`Edit ${contact.displayName}`} wide onClose={() => setEditing(false)}>
        <PersonForm
          initial={contact}
          save={(fields) => rapport().contacts.update({ id, fields })}
          onSaved={() => setEditing(false)}
        />
      </Dialog>
      <Dialog open={confirmDelete} title={`Delete ${contact.displayName}?`} onClose={() => setConfirmDelete(false)}>
        <p>
          This removes {contact.displayName}, their remembered details and any interactions only with them. Shared
          interactions stay for the others. You can undo for a few seconds afterwards.
        </p>
        <div className="actions">
          <button type="button" onClick={() => setConfirmDelete(false)}>
            Cancel
          </button>
          <button type="button" className="danger" onClick={() => void remove()}>
            Delete
          </button>
        </div>
      </Dialog>
    </section>
  );
}
