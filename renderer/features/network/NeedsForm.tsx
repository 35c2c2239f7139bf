import { Pencil } from 'lucide-react';
import { useState } from 'react';
import { z } from 'zod';
import type { Contact, ContactFields } from '../../../shared/domain/contact.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { TextArea } from '../practice/fields.tsx';
import { personDraftSlot } from '../../ui/drafts/draft-store.ts';
import { RestoredDraft } from '../../ui/drafts/RestoredDraft.tsx';
import { useDraft } from '../../ui/drafts/useDraft.ts';
import { FormError } from '../../ui/Field.tsx';

const NeedsDraft = z.object({ lookingFor: z.string().max(2000), canHelpWith: z.string().max(2000) });

/** "Looking for" and "Can help with", shown and edited in place on the person page. */
export function NeedsForm({ contact, fields }: { contact: Contact; fields: ContactFields }) {
  const request = useRequest();
  // An edit left open (another screen, a restart) comes back open, while the person is unchanged.
  const draft = useDraft(
    personDraftSlot('needs', contact.id),
    { lookingFor: contact.lookingFor ?? '', canHelpWith: contact.canHelpWith ?? '' },
    NeedsDraft,
  );
  const { lookingFor, canHelpWith } = draft.values;
  const [editing, setEditing] = useState(draft.restored);
  const close = () => {
    draft.discard();
    setEditing(false);
  };
  const [error, setError] = useState<string>();
  const name = contact.displayName;

  if (!editing)
    return (
      <div className="needs">
        <dl className="facts">
          <dt>Looking for</dt>
          <dd>{contact.lookingFor || <span className="muted">Not known yet</span>}</dd>
          <dt>Can help with</dt>
          <dd>{contact.canHelpWith || <span className="muted">Not known yet</span>}</dd>
        </dl>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            draft.discard();
            setEditing(true);
          }}
        >
          <Pencil size={14} aria-hidden /> Edit what {name} is looking for and can help with
        </button>
      </div>
    );

  const save = () => {
    const next = {
      ...fields,
      lookingFor: lookingFor.trim() || undefined,
      canHelpWith: canHelpWith.trim() || undefined,
    };
    void request(() => rapport().contacts.update({ id: contact.id, fields: next }), {
      action: `save ${name}`,
      onError: (e) => setError(e.message),
      success: () => ({
        title: `Saved ${name}`,
        undo: { run: () => rapport().contacts.update({ id: contact.id, fields }) },
      }),
    }).then((r) => r.ok && close());
  };
  return (
    <form
      className="stack needs-form"
      aria-label={`What ${name} is looking for and can help with`}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <RestoredDraft draft={draft} />
      <TextArea
        label="Looking for"
        value={lookingFor}
        onChange={(e) => draft.set({ lookingFor: e.target.value })}
        maxLength={2000}
      />
      <TextArea
        label="Can help with"
        value={canHelpWith}
        onChange={(e) => draft.set({ canHelpWith: e.target.value })}
        maxLength={2000}
      />
      <FormError error={error} />
      <div className="relate-actions">
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
