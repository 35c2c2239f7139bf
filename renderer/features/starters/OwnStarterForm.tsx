import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { CHANNEL_OPTIONS, STARTER_SITUATION_LABELS, STARTER_SITUATIONS } from '../../../shared/content/library.ts';
import { PLACEHOLDER_LIST } from '../../../shared/content/placeholders.ts';
import { Channel, StarterSituation, Tone } from '../../../shared/content/schema.ts';
import type { OwnStarter, OwnStarterFields } from '../../../shared/domain/practice/model.ts';
import { rapport } from '../../api/rapport.ts';
import { errorsFrom, SelectField, TextArea, type FieldErrors } from '../practice/fields.tsx';
import { FormError } from '../../ui/Field.tsx';
import { RestoredDraft } from '../../ui/drafts/RestoredDraft.tsx';
import { useDraft } from '../../ui/drafts/useDraft.ts';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';
import { DraftText } from '../../ui/drafts/draft-store.ts';

const TONES: Tone[] = Tone.options;
const StarterDraft = z.object({
  text: DraftText,
  situation: StarterSituation,
  channel: Channel,
  tone: Tone,
});
type StarterDraft = z.infer<typeof StarterDraft>;

/**
 * Write or edit one of your own starters; placeholders are checked in main with the library's
 * rules. `initial` edits a starter; `initialFields` starts a new one from a library line ("Make it
 * yours"), saved as a new starter of the user's own.
 */
export function OwnStarterForm({
  initial,
  initialFields,
  onSaved,
}: {
  initial?: OwnStarter | undefined;
  initialFields?: OwnStarterFields | undefined;
  onSaved: (saved: OwnStarter) => void;
}) {
  const start = initial ?? initialFields;
  const blank: StarterDraft = {
    text: start?.text ?? '',
    situation: start?.situation ?? 'reconnect',
    channel: start?.channel ?? 'any',
    tone: start?.tone ?? 'warm',
  };
  const slot = initial
    ? `starter:${initial.id}`
    : initialFields
      ? `starter:adapt:${initialFields.text}`
      : 'starter:new';
  const draft = useDraft(slot, blank, StarterDraft);
  const { text, situation, channel, tone } = draft.values;
  const [setText, setSituation, setChannel, setTone] = [
    draft.setter('text'),
    draft.setter('situation'),
    draft.setter('channel'),
    draft.setter('tone'),
  ];
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useFocusFirstError(errors);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await rapport().starters.saveOwn({
      ...(initial ? { id: initial.id } : {}),
      fields: { text, situation, channel, tone },
    });
    if (!result.ok) return setErrors(errorsFrom(result.error.details, result.error.message, ['fields']));
    draft.discard();
    onSaved(result.value);
  }

  return (
    <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate>
      <RestoredDraft draft={draft} alsoClear={() => setErrors({})} />
      <TextArea
        label="Your starter"
        hint={`Write ${PLACEHOLDER_LIST} where something about the person goes; suggestions fill them in for each person.`}
        value={text}
        rows={3}
        error={errors.text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="row">
        <SelectField
          label="Situation"
          value={situation}
          onChange={(v) => setSituation(v as StarterSituation)}
          error={errors.situation}
        >
          {STARTER_SITUATIONS.map((s) => (
            <option key={s} value={s}>
              {STARTER_SITUATION_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Channel" value={channel} onChange={(v) => setChannel(v as Channel)}>
          {CHANNEL_OPTIONS.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Tone" value={tone} onChange={(v) => setTone(v as Tone)}>
          {TONES.map((t) => (
            <option key={t} value={t}>
              {t.charAt(0).toUpperCase() + t.slice(1)}
            </option>
          ))}
        </SelectField>
      </div>
      <FormError error={errors.form} />
      <div className="dialog-footer">
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </form>
  );
}
