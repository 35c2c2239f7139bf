import { useState, type FormEvent } from 'react';
import type { SyncState } from '../../../shared/ipc/channels/sync.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { errorsOf } from './SyncSetupForm.tsx';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';

/**
 * After the server refused the password, or after a restart where the secrets could not be
 * kept: the password again, and the passphrase when this computer no longer holds the key.
 */
export function ReconnectForm({ state }: { state: SyncState }) {
  const request = useRequest();
  const [errors, setErrors] = useState<ReturnType<typeof errorsOf>>({});
  const formRef = useFocusFirstError(errors);
  const [busy, setBusy] = useState(false);
  const askPassphrase = !state.keyKept;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get('password') ?? '');
    const passphrase = String(data.get('passphrase') ?? '');
    const missing = [
      ...(password ? [] : [{ path: ['password'], message: 'Enter your password on the sync server' }]),
      ...(askPassphrase && !passphrase ? [{ path: ['passphrase'], message: 'Enter the sync passphrase' }] : []),
    ];
    if (missing.length) return setErrors(errorsOf(missing, ''));
    setErrors({});
    setBusy(true);
    await request(() => rapport().sync.reconnect({ password, ...(passphrase ? { passphrase } : {}) }), {
      action: 'reconnect to the sync server',
      onError: (error) => setErrors(errorsOf(error.details ?? [], error.message)),
      success: () => ({ title: 'Syncing again' }),
    });
    setBusy(false);
  }

  return (
    <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Reconnect">
      <div className="row">
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          hint={`For ${state.server?.username ?? 'your user'} on the sync server.`}
          error={errors.password}
        />
        {askPassphrase ? (
          <Field
            label="Sync passphrase"
            name="passphrase"
            type="password"
            autoComplete="off"
            required
            error={errors.passphrase}
          />
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Reconnecting…' : 'Reconnect'}
        </button>
      </div>
      <FormError error={errors.form} />
    </form>
  );
}
