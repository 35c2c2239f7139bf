import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { CardDraft } from '../../../shared/domain/cards/card-draft.ts';
import { ContactFields, Tier, type Contact } from '../../../shared/domain/contact.ts';
import { EMAIL_HINT, isEmailAddress } from '../../../shared/domain/email.ts';
import { detectSocialKind } from '../../../shared/domain/social-kind.ts';
import { toFieldIssues, type FieldIssue, type Result } from '../../../shared/ipc/result.ts';
import { RestoredDraft } from '../../ui/drafts/RestoredDraft.tsx';
import { useFormDraft } from '../../ui/drafts/useFormDraft.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { fold } from '../../../shared/domain/people/rank-people.ts';
import type { PickedPerson } from '../../../shared/ipc/channels/people.ts';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';
import { RhythmSelect } from '../../ui/RhythmSelect.tsx';

type Errors = Partial<
  Record<'displayName' | 'organisation' | 'role' | 'email' | 'phone' | 'url' | 'notes' | 'form', string>
>;

/** The first message per field; `emails.0.value` is shown on the email field. */
function errorsFrom(issues: FieldIssue[]): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const key =
      issue.path[0] === 'emails'
        ? 'email'
        : issue.path[0] === 'phones'
          ? 'phone'
          : issue.path[0] === 'social'
            ? 'url'
            : issue.path[0];
    const field = (
      typeof key === 'string' && ['displayName', 'organisation', 'role', 'email', 'phone', 'url', 'notes'].includes(key)
        ? key
        : 'form'
    ) as keyof Errors;
    errors[field] ??= issue.message;
  }
  return errors;
}

export interface AddPersonFormProps {
  /** Sends the validated draft to main; `rapport().contacts.create` in the app. */
  create: (fields: ContactFields) => Promise<Result<Contact>>;
  onAdded: (contact: Contact) => void;
  /** People whose names match this one (`people.pick`), to warn before adding a second person with the same name. */
  sameName?: (name: string) => Promise<readonly PickedPerson[]>;
  /** The rhythm a new person starts with (Settings → default rhythm); 'unread' while it is read. */
  defaultTier?: Tier | undefined | 'unread';
  /** Fields read from a business card, filled in for review; web address and note appear when it has them. */
  initial?: CardDraft | undefined;
  /** Shown above the button (the card reader), so the form's footer stays last and in view. */
  aside?: ReactNode;
}

/** Name, organisation, role, email and rhythm; warns (once) when the name is already taken. */
export function AddPersonForm({
  create,
  onAdded,
  sameName: findSameName,
  defaultTier,
  initial,
  aside,
}: AddPersonFormProps) {
  const id = useId();
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstError(errors);
  // A card's review is its own draft, tied to that card (read it again to get the edits back), so
  // it never overwrites what was typed into the blank form.
  const typed = useFormDraft(defaultTier === 'unread' ? null : initial ? 'person:new:card' : 'person:new', formRef);
  const tier = defaultTier === 'unread' ? undefined : defaultTier;
  const [saving, setSaving] = useState(false);
  const [sameName, setSameName] = useState<{ name: string; others: string[] } | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const email = text('email');
    const phone = text('phone');
    const url = text('url');
    const tier = text('tier') as Tier | undefined;
    const parsed = ContactFields.safeParse({
      displayName: String(data.get('displayName') ?? ''),
      organisation: text('organisation'),
      role: text('role'),
      emails: email ? [{ value: email }] : [],
      phones: phone ? [{ value: phone }] : [],
      social: url ? [{ kind: detectSocialKind(url), url }] : [],
      notes: text('notes'),
      ...(tier ? { tier } : {}),
    });
    const emailError = email && !isEmailAddress(email) ? EMAIL_HINT : undefined;
    if (!parsed.success || emailError) {
      setErrors({
        ...(parsed.success ? {} : errorsFrom(toFieldIssues(parsed.error))),
        ...(emailError ? { email: emailError } : {}),
      });
      nameInput.current?.focus();
      return;
    }
    const name = parsed.data.displayName;
    if (sameName?.name !== name) {
      setSaving(true);
      const twins = ((await findSameName?.(name)) ?? []).filter((p) => fold(p.displayName) === fold(name));
      setSaving(false);
      if (twins.length) {
        setErrors({});
        setSameName({
          name,
          others: twins.map((p) => (p.organisation ? `${p.displayName} (${p.organisation})` : p.displayName)),
        });
        return;
      }
    }
    setSaving(true);
    const result = await create(parsed.data);
    setSaving(false);
    if (!result.ok) {
      setErrors(result.error.details ? errorsFrom(result.error.details) : { form: result.error.message });
      return;
    }
    typed.forget();
    onAdded(result.value);
  }

  return (
    <form ref={formRef} className="form add-person" noValidate onSubmit={(e) => void submit(e)}>
      <RestoredDraft
        draft={typed}
        alsoClear={() => {
          setErrors({});
          setSameName(null);
        }}
      />
      <Field
        ref={nameInput}
        label="Name"
        name="displayName"
        required
        autoComplete="off"
        error={errors.displayName}
        defaultValue={initial?.name}
        autoFocus={initial !== undefined}
        onChange={() => setSameName(null)}
      />
      <div className="row">
        <Field
          label="Organisation"
          name="organisation"
          autoComplete="off"
          error={errors.organisation}
          defaultValue={initial?.organisation}
        />
        <Field label="Role" name="role" autoComplete="off" error={errors.role} defaultValue={initial?.title} />
      </div>
      <div className="row">
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          error={errors.email}
          defaultValue={initial?.email}
        />
        <Field
          label="Phone"
          name="phone"
          type="tel"
          autoComplete="off"
          error={errors.phone}
          defaultValue={initial?.phone}
        />
      </div>
      {initial?.url ? (
        <Field label="Web address" name="url" autoComplete="off" error={errors.url} defaultValue={initial.url} />
      ) : null}
      {initial?.note ? (
        <div className="field">
          <label htmlFor={`${id}-notes`}>Note</label>
          <textarea id={`${id}-notes`} name="notes" rows={3} defaultValue={initial.note} />
          {errors.notes ? (
            <p className="field-error" role="alert">
              {errors.notes}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="row">
        {/* Made anew when the default rhythm arrives: a select takes its default only once. */}
        <RhythmSelect
          id={`${id}-tier`}
          label="Rhythm"
          name="tier"
          defaultValue={tier ?? ''}
          noneLabel="No rhythm"
          remakeOn={defaultTier ?? ''}
        />
      </div>
      {sameName ? (
        <p className="field-warning" role="alert">
          You already have {sameName.others.join(', ')}. Press Add person again to add another {sameName.name}, or
          change the name.
        </p>
      ) : null}
      <FormError error={errors.form} />
      {aside}
      <div className="dialog-footer">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Adding…' : 'Add person'}
        </button>
      </div>
    </form>
  );
}
