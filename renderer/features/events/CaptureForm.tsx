import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { CaptureMatch } from '../../../shared/ipc/channels/events.ts';
import type { RapportError } from '../../../shared/ipc/result.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import {
  clearDraft,
  EMPTY_CAPTURE,
  hasExtras,
  loadDraft,
  saveDraft,
  type CapturePrefill,
  type CaptureValues,
} from './capture-draft.ts';
import { KnownPerson, matchesNow, useKnownMatches } from './KnownPerson.tsx';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';

/** The fields "Already in Rapport?" is asked by. */
const ASKED_BY = new Set<keyof CaptureValues>(['name', 'email', 'phone', 'followUp', 'url']);

const EXTRAS: { field: keyof CaptureValues; label: string; type?: string }[] = [
  { field: 'email', label: 'Email', type: 'email' },
  { field: 'phone', label: 'Phone', type: 'tel' },
  { field: 'organisation', label: 'Organisation' },
  { field: 'title', label: 'Job title' },
  { field: 'url', label: 'Profile link', type: 'url' },
  { field: 'note', label: 'Note' },
];

/**
 * Name, one detail, how to follow up: three fields and Enter, so a person is saved in seconds
 * with the keyboard alone, and the form is ready for the next one. Everything typed is kept as a
 * draft until it is saved. A card's fields (email, phone, …) show below for review when present.
 */
export function CaptureForm({
  eventId,
  prefill,
  saved,
  onSaved,
  onDone,
}: {
  eventId: string;
  prefill: CapturePrefill;
  /** Names saved since the dialog opened, announced in the dialog (toasts sit behind the modal). */
  saved: readonly string[];
  onSaved: (name: string) => void;
  onDone: () => void;
}) {
  const [values, setValues] = useState<CaptureValues>(() => {
    // A card's fields fill in what it has; anything already typed for this event is kept.
    const draft = loadDraft(eventId) ?? EMPTY_CAPTURE;
    const filled = Object.fromEntries(Object.entries(prefill).filter(([, v]) => v?.trim()));
    return { ...draft, ...filled };
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  const [saving, setSaving] = useState(false);
  const [more, setMore] = useState(() => hasExtras(values));
  const [known, setKnown] = useState<CaptureMatch | undefined>();
  const { matches: typedMatches, error: matchError } = useKnownMatches(values);
  /** Found at Save, before the pause after typing brought them. */
  const [offered, setOffered] = useState<CaptureMatch[]>([]);
  /**
   * The question (`asking`) already put: by a Save (the offer then says a second Save adds them
   * anew) or answered with "Add as someone new instead" (the offer then stays away).
   */
  const [answered, setAnswered] = useState<{ asking: string; by: 'save' | 'new' } | null>(null);
  const answeredNew = answered?.by === 'new';
  const matches = answeredNew ? [] : typedMatches.length ? typedMatches : offered;
  const asking = JSON.stringify([values.name.trim(), values.email, values.phone, values.followUp, values.url]);
  const nameRef = useRef<HTMLInputElement>(null);
  const request = useRequest();

  useEffect(() => saveDraft(eventId, values), [eventId, values]);
  const set = (field: keyof CaptureValues) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    // Who they may be is asked by name and ways to reach them: a detail typed changes neither.
    if (ASKED_BY.has(field)) {
      setOffered([]);
      setAnswered(null);
    }
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    if (!values.name.trim()) {
      setErrors({ name: 'Name is required' });
      nameRef.current?.focus();
      return;
    }
    setSaving(true);
    const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim())) as Partial<CaptureValues>;
    // Someone already in Rapport by this name, e-mail or phone, and none chosen: the first Save asks
    // (typed and saved faster than the offer appears, they would be added twice), a second adds anew.
    if (!known && answered?.asking !== asking) {
      const found = matches.length ? matches : await matchesNow(values);
      if (found.length) {
        setOffered(found);
        setAnswered({ asking, by: 'save' });
        setSaving(false);
        return;
      }
    }
    const contactId = known?.id;
    const result = await request(
      () => rapport().events.capture({ eventId, name: values.name, ...input, ...(contactId ? { contactId } : {}) }),
      {
        action: 'save this person',
        onError: (error: RapportError) => setErrors(errorsOf(error)),
      },
    );
    setSaving(false);
    if (!result.ok) return;
    onSaved(known?.displayName ?? values.name.trim());
    setKnown(undefined);
    setOffered([]);
    setAnswered(null);
    clearDraft(eventId);
    setValues(EMPTY_CAPTURE);
    setErrors({});
    setMore(false);
    nameRef.current?.focus();
  }

  return (
    <form ref={formRef} className="form capture-form" onSubmit={submit} noValidate>
      <Field
        ref={nameRef}
        label="Name"
        required
        autoComplete="off"
        value={values.name}
        onChange={set('name')}
        error={errors.name}
        data-autofocus
      />
      <Field
        label="One detail"
        hint="Something to remember them by, or to ask about next time"
        autoComplete="off"
        value={values.detail}
        onChange={set('detail')}
        error={errors.detail}
      />
      <Field
        label="How to follow up"
        hint="An email, phone number or profile link, or a note like “coffee next week”"
        autoComplete="off"
        value={values.followUp}
        onChange={set('followUp')}
        error={errors.followUp}
      />
      {/* After the three fields, so a fast Tab from Name still lands on "One detail". */}
      <KnownPerson
        matches={matches}
        // People found at Save show even when the check while typing failed.
        error={matches.length ? undefined : matchError}
        known={known}
        asked={answered?.by === 'save'}
        onChoose={(match) => {
          setKnown(match);
          // "Add as someone new instead" answers the question a Save would ask.
          if (!match) setAnswered({ asking, by: 'new' });
          // The button pressed goes away; the form keeps the focus.
          nameRef.current?.focus();
        }}
      />
      {more ? (
        <fieldset className="capture-extras">
          <legend>From their card</legend>
          {EXTRAS.map(({ field, label, type }) => (
            <Field
              key={field}
              label={label}
              type={type ?? 'text'}
              autoComplete="off"
              value={values[field]}
              onChange={set(field)}
              error={errors[field]}
            />
          ))}
        </fieldset>
      ) : (
        <button type="button" className="ghost small capture-more" onClick={() => setMore(true)}>
          More fields
        </button>
      )}
      <FormError error={errors.form} />
      <p className="muted small capture-count" role="status">
        {saved.length
          ? `Saved ${saved.at(-1)} (${saved.length} so far). Type the next person, or press Escape when done.`
          : 'Enter saves; the form stays open for the next person.'}
      </p>
      <div className="actions end">
        <button type="button" onClick={onDone}>
          Done
        </button>
        <button type="submit" className="primary" disabled={saving}>
          Save person
        </button>
      </div>
    </form>
  );
}

function errorsOf(error: RapportError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const d of error.details ?? []) fields[String(d.path.at(-1) ?? 'form')] ??= d.message;
  if (!Object.keys(fields).length) fields.form = error.message;
  return fields;
}
