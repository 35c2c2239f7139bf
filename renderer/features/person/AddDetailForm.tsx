import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { useToday } from '../../api/AppInfoProvider.tsx';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { personDraftSlot, DraftText } from '../../ui/drafts/draft-store.ts';
import { useDraft } from '../../ui/drafts/useDraft.ts';

/** What is typed and not yet remembered, kept as a draft per person. */
const DetailDraft = z.object({
  text: DraftText,
  sensitivity: z.enum(['normal', 'private', 'sensitive']),
});
const BLANK: z.infer<typeof DetailDraft> = { text: '', sensitivity: 'normal' };

/** Remember something about this person outside of a logged interaction. */
export function AddDetailForm({ contactId }: { contactId: string }) {
  const id = useId();
  const today = useToday();
  const request = useRequest();
  const draft = useDraft(personDraftSlot('detail', contactId), BLANK, DetailDraft);
  const { text, sensitivity } = draft.values;
  const [error, setError] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await request(() => rapport().details.add({ contactId, text, sensitivity, learnedOn: today }), {
      action: 'remember that',
      onError: (e) => setError(e.details?.[0]?.message ?? e.message),
      success: (detail) => ({
        title: `Remembered “${detail.text}”`,
        undo: { run: () => rapport().details.resolve({ id: detail.id }) },
      }),
    });
    if (!result.ok) return;
    // The privacy chosen stays for the next detail, as it always has; the text is done.
    draft.set({ text: '' });
    setError('');
  }

  return (
    <form className="card add-detail row" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field grow">
        <label htmlFor={`${id}-text`}>Remember about them</label>
        <input
          id={`${id}-text`}
          value={text}
          placeholder="e.g. training for a half marathon"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => draft.set({ text: e.target.value })}
        />
        {error ? (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-sens`}>Privacy</label>
        <select
          id={`${id}-sens`}
          value={sensitivity}
          onChange={(e) => draft.set({ sensitivity: e.target.value as typeof sensitivity })}
        >
          <option value="normal">Normal</option>
          <option value="private">Private</option>
          <option value="sensitive">Sensitive</option>
        </select>
      </div>
      <button type="submit">Remember</button>
    </form>
  );
}
