import { Archive, ArchiveRestore, ArrowLeft, MoreHorizontal, PenLine, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { Contact, ContactFields } from '../../../shared/domain/contact.ts';
import type { PersonView } from '../../../shared/domain/views.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { useLive } from '../../api/useLive.ts';
import { navigate } from '../../navigation/useScreen.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { ConfirmDelete } from '../../ui/ConfirmDelete.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Menu } from '../../ui/Menu.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { useQuickLog } from '../log/QuickLog.tsx';
import { PersonNetwork } from '../network/PersonNetwork.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import '../timeline/timeline.css';
import { AddDetailForm } from './AddDetailForm.tsx';
import { AskAboutChips } from './AskAboutChips.tsx';
import { PersonEvents } from '../events/PersonEvents.tsx';
import { ContactFacts } from './ContactFacts.tsx';
import { PersonForm } from './PersonForm.tsx';
import { ReciprocityPanel } from './ReciprocityPanel.tsx';
import { StarterSuggestions } from './StarterSuggestions.tsx';
import './person.css';
import { SetAsideValues } from './SetAsideValues.tsx';
import { deletePeople } from './forget-typed.ts';

const fieldsOf = ({ id: _i, createdAt: _c, updatedAt: _u, relationships: _r, ...fields }: Contact): ContactFields =>
  fields;

export function PersonScreen({ id }: { id: string }) {
  const view = useLive<PersonView>((onResult) => rapport().person.watch({ id }, onResult), [id]);
  const { openLog } = useQuickLog();
  const request = useRequest();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  if (view.status === 'loading') return <p className="screen muted">Loading…</p>;
  if (view.status === 'error') {
    return (
      <section className="screen" aria-labelledby="screen-title">
        <ScreenHeading>Person not found</ScreenHeading>
        <p role="alert">{view.error.message}</p>
        <a href="#/people">Back to People</a>
      </section>
    );
  }
  const { contact, status, openDetails, reciprocity, snoozedUntil, setAside, detailsSetAside } = view.data;
  const name = contact.displayName;

  function remove() {
    setConfirmDelete(false);
    deletePeople(request, [id], name, () => navigate('people'));
  }
  const archive = (archived: boolean) =>
    void request(() => rapport().contacts.archive({ ids: [id], archived }), {
      action: `${archived ? 'archive' : 'unarchive'} ${name}`,
      success: () => ({
        title: `${archived ? 'Archived' : 'Unarchived'} ${name}`,
        undo: { run: () => rapport().contacts.archive({ ids: [id], archived: !archived }) },
      }),
    });

  return (
    <section aria-labelledby="screen-title" className="screen person">
      <a href="#/people" className="back-link">
        <ArrowLeft size={14} aria-hidden /> People
      </a>
      <header className="person-header">
        <Avatar name={name} photo={contact.photo} size="xl" />
        <div className="person-title">
          <ScreenHeading>{name}</ScreenHeading>
          {contact.role || contact.organisation ? (
            <p className="lead">{[contact.role, contact.organisation].filter(Boolean).join(' at ')}</p>
          ) : null}
          <p className="person-status">
            <StatusBadge status={status} snoozedUntil={snoozedUntil} />
            {contact.archived ? <span className="badge">Archived</span> : null}
            {contact.tags.map((t) => (
              <span key={t} className="tag">
                {t}
              </span>
            ))}
          </p>
        </div>
        <div className="actions">
          <button type="button" className="primary" onClick={() => openLog([id])}>
            <PenLine size={16} aria-hidden /> Log interaction
          </button>
          <button type="button" onClick={() => setEditing(true)}>
            <Pencil size={14} aria-hidden /> Edit
          </button>
          <Menu
            label={`More actions for ${name}`}
            trigger={
              <button type="button" className="icon-button" aria-label={`More actions for ${name}`}>
                <MoreHorizontal size={18} aria-hidden />
              </button>
            }
            items={[
              contact.archived
                ? { label: 'Unarchive', icon: <ArchiveRestore size={14} />, onSelect: () => archive(false) }
                : { label: 'Archive', icon: <Archive size={14} />, onSelect: () => archive(true) },
              'separator',
              { label: 'Delete', icon: <Trash2 size={14} />, danger: true, onSelect: () => setConfirmDelete(true) },
            ]}
          />
        </div>
      </header>
      <AskAboutChips
        level={2}
        details={openDetails}
        onResolve={(d) =>
          void request(() => rapport().details.resolve({ id: d.id }), {
            action: 'mark the detail as asked about',
            success: () => ({
              title: `Asked about “${d.text}”`,
              undo: { run: () => rapport().details.reopen({ id: d.id }) },
            }),
          })
        }
      />
      <div className="person-columns">
        <div className="stack person-main">
          <SetAsideValues contactId={id} values={setAside} details={detailsSetAside} />
          <StarterSuggestions contactId={id} name={name} />
          <ReciprocityPanel reciprocity={reciprocity} />
          <PersonEvents contactId={id} />
          <PersonNetwork contact={contact} fields={fieldsOf(contact)} />
          <AddDetailForm contactId={id} />
          <section aria-labelledby="person-timeline-title">
            <h2 id="person-timeline-title" className="section-title">
              Timeline
            </h2>
            <Timeline
              inPage
              filter={{ contactId: id }}
              label={`Timeline with ${name}`}
              emptyText={`Nothing logged with ${name} yet. Log your first coffee or call to start the clock.`}
            />
          </section>
        </div>
        <ContactFacts contact={contact} />
      </div>
      <Dialog open={editing} title={`Edit ${name}`} size="wide" onClose={() => setEditing(false)}>
        <PersonForm
          initial={contact}
          save={(fields) => rapport().contacts.update({ id, fields })}
          onSaved={(saved) => {
            setEditing(false);
            toast({
              title: `Saved ${saved.displayName}`,
              undo: { run: () => rapport().contacts.update({ id, fields: fieldsOf(contact) }) },
            });
          }}
        />
      </Dialog>
      <ConfirmDelete
        open={confirmDelete}
        title={`Delete ${name}?`}
        onCancel={() => setConfirmDelete(false)}
        onDelete={remove}
      >
        <p>
          This removes {name}, their remembered details and any interactions only with them. Shared interactions stay
          for the others. You can undo for a few seconds afterwards.
        </p>
      </ConfirmDelete>
    </section>
  );
}
