import { useId, useState, type FormEvent } from 'react';
import { ContactFields, type Contact } from '../../../shared/domain/contact.ts';
import { isEmailAddress, notAnEmail } from '../../../shared/domain/email.ts';
import { detectSocialKind } from '../../../shared/domain/social-kind.ts';
import { toFieldIssues, type FieldIssue, type Result } from '../../../shared/ipc/result.ts';
import { personDraftSlot } from '../../ui/drafts/draft-store.ts';
import { RestoredDraft } from '../../ui/drafts/RestoredDraft.tsx';
import { useFormDraft } from '../../ui/drafts/useFormDraft.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';
import { RhythmSelect } from '../../ui/RhythmSelect.tsx';

interface PersonFormProps {
  initial: Contact;
  save: (fields: ContactFields) => Promise<Result<Contact>>;
  /** With the person as saved (a new name shows at once). */
  onSaved: (saved: Contact) => void;
}

/** "work: ada@example.org" ⇄ { label: 'work', value: 'ada@example.org' }, one per line; "https://…" is never a label. */
const toLines = (values: Contact['emails']) =>
  values.map((v) => (v.label ? `${v.label}: ${v.value}` : v.value)).join('\n');
function fromLines(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^([^:@+\d][^:@]{0,40}):(?!\/\/)\s*(.+)$/.exec(line);
      return match ? { label: match[1]!.trim(), value: match[2]!.trim() } : { value: line };
    });
}

/** The form's own field for a part of a birthday or cadence; others are named as in the contact. */
const FORM_FIELD: Record<string, string> = {
  'birthday.day': 'bday',
  'birthday.month': 'bmonth',
  'birthday.year': 'byear',
  birthday: 'bday',
  'cadence.idealDays': 'idealDays',
  'cadence.maxDays': 'maxDays',
  cadence: 'idealDays',
};

/**
 * Each message under the field it is about, in the user's words only: the contact's inner names
 * ("maxDays", "day") mean nothing on screen.
 */
function errorsByField(issues: FieldIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { path, message } of issues) {
    const [first, second] = path.map(String);
    const field = FORM_FIELD[`${first}.${second}`] ?? FORM_FIELD[first ?? ''] ?? first ?? 'form';
    errors[field] ??= message;
  }
  return errors;
}

/** Edits everything a person types; imported fields it does not show (photo, addresses, extensions) are kept. */
export function PersonForm({ initial, save, onSaved }: PersonFormProps) {
  const id = useId();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  // An edit typed and not saved comes back while the person is as it was when the edit began.
  const typed = useFormDraft(personDraftSlot('person', initial.id), formRef);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const number = (name: string) => (text(name) ? Number(text(name)) : undefined);
    const { id: _id, createdAt: _c, updatedAt: _u, ...kept } = initial;
    const day = number('bday'),
      month = number('bmonth'),
      year = number('byear');
    const ideal = number('idealDays'),
      max = number('maxDays');
    const draft = {
      ...kept,
      displayName: String(data.get('displayName') ?? ''),
      givenName: text('givenName'),
      familyName: text('familyName'),
      organisation: text('organisation'),
      role: text('role'),
      location: text('location'),
      emails: fromLines(String(data.get('emails') ?? '')),
      phones: fromLines(String(data.get('phones') ?? '')),
      tags: String(data.get('tags') ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      social: fromLines(String(data.get('social') ?? '')).map(({ label, value }) => ({
        // A profile kept as it was keeps its kind (an import may know it is LinkedIn on any domain).
        kind: initial.social.find((p) => p.url === value)?.kind ?? detectSocialKind(value),
        url: value,
        ...(label ? { label } : {}),
      })),
      birthday: day || month ? { day, month, ...(year ? { year } : {}) } : undefined,
      howWeMet: text('howWeMet'),
      lookingFor: text('lookingFor'),
      canHelpWith: text('canHelpWith'),
      notes: text('notes'),
      tier: text('tier'),
      cadence: ideal || max ? { idealDays: ideal, maxDays: max ?? ideal } : undefined,
    };
    const parsed = ContactFields.safeParse(draft);
    if (!parsed.success) return setErrors(errorsByField(toFieldIssues(parsed.error)));
    const badEmail = parsed.data.emails.find((e) => !isEmailAddress(e.value));
    if (badEmail) return setErrors({ emails: notAnEmail(badEmail.value) });
    const result = await save(parsed.data);
    if (!result.ok)
      return setErrors(result.error.details ? errorsByField(result.error.details) : { form: result.error.message });
    typed.forget();
    onSaved(result.value);
  }
  const area = (name: keyof Contact, label: string, value = '', hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <textarea
        id={`${id}-${name}`}
        name={name}
        rows={2}
        defaultValue={value}
        aria-invalid={errors[name] ? true : undefined}
      />
      {errors[name] ? (
        <p className="field-error" role="alert">
          {errors[name]}
        </p>
      ) : null}
    </div>
  );

  return (
    <form ref={formRef} className="form person-form" noValidate onSubmit={(e) => void submit(e)}>
      <RestoredDraft draft={typed} alsoClear={() => setErrors({})} />
      <div className="row">
        <Field label="Name" name="displayName" required defaultValue={initial.displayName} error={errors.displayName} />
        <Field label="Given name" name="givenName" defaultValue={initial.givenName} error={errors.givenName} />
        <Field label="Family name" name="familyName" defaultValue={initial.familyName} error={errors.familyName} />
      </div>
      <div className="row">
        <Field
          label="Organisation"
          name="organisation"
          defaultValue={initial.organisation}
          error={errors.organisation}
        />
        <Field label="Role" name="role" defaultValue={initial.role} error={errors.role} />
        <Field label="Location" name="location" defaultValue={initial.location} error={errors.location} />
      </div>
      <div className="row">
        {area('emails', 'Emails', toLines(initial.emails), 'One per line; "work: name@example.org" adds a label.')}
        {area('phones', 'Phones', toLines(initial.phones), 'One per line; "mobile: 07700 900123" adds a label.')}
      </div>
      {area(
        'social',
        'Online profiles',
        initial.social.map((p) => (p.label ? `${p.label}: ${p.url}` : p.url)).join('\n'),
        'One link or @user@server per line: LinkedIn, X, Mastodon, GitHub, a website.',
      )}
      <Field
        label="Tags"
        name="tags"
        hint="Separated by commas"
        defaultValue={initial.tags.join(', ')}
        error={errors.tags}
      />
      <fieldset className="row">
        <legend>Birthday (year optional)</legend>
        <Field
          label="Day"
          name="bday"
          type="number"
          min={1}
          max={31}
          defaultValue={initial.birthday?.day}
          error={errors.bday}
        />
        <Field
          label="Month"
          name="bmonth"
          type="number"
          min={1}
          max={12}
          defaultValue={initial.birthday?.month}
          error={errors.bmonth}
        />
        <Field
          label="Year"
          name="byear"
          type="number"
          min={1800}
          max={9999}
          defaultValue={initial.birthday?.year}
          error={errors.byear}
        />
      </fieldset>
      <fieldset className="row">
        <legend>Keep in touch</legend>
        <RhythmSelect
          id={`${id}-tier`}
          label="Rhythm"
          name="tier"
          defaultValue={initial.tier ?? ''}
          noneLabel="No rhythm"
        />
        <Field
          label="Or your own: due after (days)"
          name="idealDays"
          type="number"
          min={1}
          defaultValue={initial.cadence?.idealDays}
          error={errors.idealDays}
        />
        <Field
          label="Overdue after (days)"
          name="maxDays"
          type="number"
          min={1}
          defaultValue={initial.cadence?.maxDays}
          error={errors.maxDays}
        />
      </fieldset>
      {area('howWeMet', 'How and where we met', initial.howWeMet)}
      <div className="row">
        {area('lookingFor', 'Looking for', initial.lookingFor)}
        {area('canHelpWith', 'Can help with', initial.canHelpWith)}
      </div>
      {area('notes', 'Notes', initial.notes)}
      <FormError error={errors.form} />
      <div className="dialog-footer">
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </form>
  );
}
