import { useState, type FormEvent } from 'react';
import { Passphrase, SyncConnection } from '../../../shared/ipc/channels/sync.ts';
import { toFieldIssues, type FieldIssue, type RapportError } from '../../../shared/ipc/result.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';

type Action = 'test' | 'set-up' | 'join';
type Errors = Partial<
  Record<'url' | 'database' | 'username' | 'password' | 'passphrase' | 'passphrase2' | 'form', string>
>;

/** Field issues from zod or from main, as one message per form field. */
export function errorsOf(issues: readonly FieldIssue[], fallback: string): Errors {
  const errors: Errors = {};
  for (const issue of issues) {
    const field = issue.path.at(-1);
    const key = typeof field === 'string' && FIELDS.has(field) ? (field as keyof Errors) : 'form';
    errors[key] ??= issue.message;
  }
  if (!Object.keys(errors).length) errors.form = fallback;
  return errors;
}

const FIELDS = new Set(['url', 'database', 'username', 'password', 'passphrase', 'passphrase2']);

/**
 * Sync set-up on a device that does not sync yet: the server's address and database, the
 * server account, and the passphrase that encrypts everything before it leaves this computer.
 * "Test connection" says whether to set up a new sync or join the one already there. Once it
 * works, Settings shows the running sync from the live state; this form has nothing to hand back.
 */
export function SyncSetupForm() {
  const request = useRequest();
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstError(errors);
  const [finding, setFinding] = useState('');
  const [busy, setBusy] = useState<Action | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const action = (submitter?.value ?? 'test') as Action;
    const data = new FormData(event.currentTarget);
    const connection = SyncConnection.safeParse({
      url: String(data.get('url') ?? '').trim(),
      database: String(data.get('database') ?? '').trim(),
      username: String(data.get('username') ?? ''),
      password: String(data.get('password') ?? ''),
    });
    const passphraseText = String(data.get('passphrase') ?? '');
    const passphrase = action === 'set-up' ? Passphrase.safeParse(passphraseText) : null;
    // A new sync's passphrase is typed twice: a typo would lock every other device out of it.
    const retyped =
      action === 'set-up' && passphrase?.success && String(data.get('passphrase2') ?? '') !== passphraseText;
    const issues = [
      ...(connection.success ? [] : toFieldIssues(connection.error)),
      ...(passphrase && !passphrase.success
        ? toFieldIssues(passphrase.error).map((i) => ({ ...i, path: ['passphrase'] }))
        : []),
      ...(action === 'join' && !passphraseText
        ? [{ path: ['passphrase'], message: 'Enter the passphrase the sync was set up with' }]
        : []),
      ...(retyped ? [{ path: ['passphrase2'], message: 'The two passphrases differ: type the same one twice' }] : []),
    ];
    if (issues.length || !connection.success) return setErrors(errorsOf(issues, 'Check the sync details'));
    setErrors({});
    setFinding('');
    setBusy(action);
    const onError = (error: RapportError) => setErrors(errorsOf(error.details ?? [], error.message));
    if (action === 'test') {
      const result = await request(() => rapport().sync.testConnection(connection.data), {
        action: 'test the connection',
        onError,
      });
      if (result.ok) setFinding(result.value.message);
    } else {
      const input = { ...connection.data, passphrase: passphraseText };
      await request(() => (action === 'set-up' ? rapport().sync.setUp(input) : rapport().sync.join(input)), {
        action: action === 'set-up' ? 'set up sync' : 'join the sync',
        onError,
        success: () => ({
          title: action === 'set-up' ? 'Sync is set up' : 'Joined the sync',
          description: 'Everything is encrypted on this computer before it is sent.',
        }),
      });
    }
    setBusy(null);
  }

  return (
    <form ref={formRef} className="form sync-setup" onSubmit={(e) => void submit(e)} noValidate>
      <div className="row">
        <Field
          label="Server address"
          name="url"
          type="url"
          required
          placeholder="https://couch.example.org/"
          autoComplete="url"
          error={errors.url}
        />
        <Field
          label="Database name"
          name="database"
          required
          defaultValue="rapport"
          hint="Lower-case; the same on every device."
          error={errors.database}
        />
      </div>
      <div className="row">
        <Field label="User name" name="username" required autoComplete="username" error={errors.username} />
        <Field
          label="Password"
          name="password"
          type="password"
          required
          autoComplete="current-password"
          error={errors.password}
        />
      </div>
      <div className="row">
        <Field
          label="Sync passphrase"
          name="passphrase"
          type="password"
          required
          autoComplete="new-password"
          hint="Encrypts your data before it leaves this computer; the server never sees it. Use the same passphrase on every device. If you lose it, nobody can recover the synced copy."
          error={errors.passphrase}
        />
        <Field
          label="Passphrase again"
          name="passphrase2"
          type="password"
          autoComplete="new-password"
          hint="Only to set up a new sync."
          error={errors.passphrase2}
        />
      </div>
      <div className="actions">
        <button type="submit" value="test" aria-disabled={busy !== null || undefined}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" value="join" aria-disabled={busy !== null || undefined}>
          {busy === 'join' ? 'Joining…' : 'Join an existing sync'}
        </button>
        <button type="submit" value="set-up" className="primary" aria-disabled={busy !== null || undefined}>
          {busy === 'set-up' ? 'Setting up…' : 'Set up a new sync'}
        </button>
      </div>
      {finding ? (
        <p role="status" className="sync-finding">
          {finding}
        </p>
      ) : null}
      <FormError error={errors.form} />
    </form>
  );
}
