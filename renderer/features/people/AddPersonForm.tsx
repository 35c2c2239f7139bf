import { useRef, useState, type FormEvent } from 'react';
import { ContactFields, type Contact } from '../../../shared/domain/contact.ts';
import { toFieldIssues, type FieldIssue, type Result } from '../../../shared/ipc/result.ts';
import { Field } from '../../ui/Field.tsx';

type Errors = Partial<Record<'displayName' | 'organisation' | 'role' | 'email' | 'form', string>>;

/** The first message per field; `emails.0.value` is shown on the email field. */
function errorsFrom(issues: FieldIssue[]): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const key = issue.path[0] === 'emails' ? 'email' : issue.path[0];
    const field = (
      typeof key === 'string' && ['displayName', 'organisation', 'role', 'email'].includes(key) ? key : 'form'
    ) as keyof Errors;
    errors[field] ??= issue.message;
  }
  return errors;
}

export interface AddPersonFormProps {
  /** Sends the validated draft to main; `rapport().contacts.create` in the app. */
  create: (fields: ContactFields) => Promise<Result<Contact>>;
}

export function AddPersonForm({ create }: AddPersonFormProps) {
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const nameInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const email = text('email');
    const parsed = ContactFields.safeParse({
      displayName: String(data.get('displayName') ?? ''),
      organisation: text('organisation'),
      role: text('role'),
      emails: email ? [{ value: email }] : [],
    });
    if (!parsed.success) {
      setErrors(errorsFrom(toFieldIssues(parsed.error)));
      nameInput.current?.focus();
      return;
    }
    setSaving(true);
    const result = await create(parsed.data);
    setSaving(false);
    if (!result.ok) {
      setErrors(result.error.details ? errorsFrom(result.error.details) : { form: result.error.message });
      return;
    }
    setErrors({});
    setAnnouncement(`Added ${result.value.displayName}.`);
    form.reset();
    nameInput.current?.focus();
  }

  return (
    <form className="card add-person" aria-labelledby="add-person-title" noValidate onSubmit={(e) => void submit(e)}>
      <h2 id="add-person-title">Add person</h2>
      <Field ref={nameInput} label="Name" name="displayName" required autoComplete="off" error={errors.displayName} />
      <Field label="Organisation" name="organisation" autoComplete="off" error={errors.organisation} />
      <Field label="Role" name="role" autoComplete="off" error={errors.role} />
      <Field label="Email" name="email" type="email" autoComplete="off" error={errors.email} />
      {errors.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={saving}>
        {saving ? 'Adding…' : 'Add person'}
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </form>
  );
}
