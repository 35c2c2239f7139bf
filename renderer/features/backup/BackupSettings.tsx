import { useState, type FormEvent } from 'react';
import {
  BackupSettings as BackupSettingsSchema,
  type BackupInfo,
  type BackupStatus,
} from '../../../shared/ipc/channels/interchange.ts';
import { toFieldIssues } from '../../../shared/ipc/result.ts';
import { rapport } from '../../api/rapport.ts';
import { useLive } from '../../api/useLive.ts';
import { Field } from '../../ui/Field.tsx';
import { archiveSource } from './files.ts';

const when = (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : 'never');

/**
 * Backups on the Settings screen: status and last error, frequency, folder and how many to keep,
 * "Back up now", and restore from a listed backup or an archive file. Restoring into a profile
 * that already holds people asks for confirmation first.
 */
export function BackupSettings() {
  const live = useLive<BackupStatus>((onResult) => rapport().backup.status({}, onResult), 'backup.status');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  if (live.status !== 'ready')
    return live.status === 'error' ? (
      <p role="alert" className="field-error">
        {live.error.message}
      </p>
    ) : null;
  const status = live.data;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const folder = String(data.get('backup-folder') ?? '').trim();
    const parsed = BackupSettingsSchema.safeParse({
      frequency: data.get('backup-frequency'),
      ...(folder ? { folder } : {}),
      keepDaily: Number(data.get('backup-daily')),
      keepWeekly: Number(data.get('backup-weekly')),
    });
    if (!parsed.success) return setError(toFieldIssues(parsed.error)[0]?.message ?? 'Check the backup settings');
    const result = await rapport().backup.setSettings(parsed.data);
    setError(result.ok ? '' : result.error.message);
    setMessage(result.ok ? 'Backup settings saved.' : '');
  }

  async function runNow() {
    setBusy(true);
    const result = await rapport().backup.runNow({});
    setBusy(false);
    setError(result.ok ? '' : result.error.message);
    setMessage(result.ok ? `Backup ${result.value.name} written and verified.` : '');
    if (backups) void list();
  }

  async function list() {
    const result = await rapport().backup.list({});
    if (result.ok) setBackups(result.value);
    else setError(result.error.message);
  }

  /** Restores, asking before replacing a profile that already holds data. */
  async function restore(
    run: (overwrite: boolean) => ReturnType<ReturnType<typeof rapport>['backup']['restore']>,
    label: string,
  ) {
    setBusy(true);
    let result = await run(false);
    if (
      !result.ok &&
      result.error.code === 'conflict' &&
      window.confirm(`${result.error.message}\n\nReplace everything with ${label}?`)
    )
      result = await run(true);
    setBusy(false);
    setError(result.ok ? '' : result.error.message);
    setMessage(result.ok ? `Restored ${label}: ${result.value.counts.contacts ?? 0} people.` : '');
  }

  async function restoreFile(file: File | undefined) {
    if (!file) return;
    const source = await archiveSource(file);
    if (!source.ok) return setError(source.error.message);
    await restore(
      (overwrite) => rapport().interchange.restoreArchive({ fileName: file.name, ...source.value, overwrite }),
      file.name,
    );
  }

  const s = status.settings;
  return (
    <section className="card backup-settings" aria-labelledby="backup-title">
      <h2 id="backup-title">Backups</h2>
      <dl className="facts">
        <dt>Last backup</dt>
        <dd>
          {status.running
            ? 'Backing up now…'
            : status.lastBackup
              ? `${when(status.lastSuccessAt)} (${status.lastBackup.counts.contacts ?? 0} people)`
              : 'never'}
        </dd>
        <dt>Next backup</dt>
        <dd>{status.nextDueAt ? when(status.nextDueAt) : 'automatic backups are off'}</dd>
        <dt>Folder</dt>
        <dd>
          <code>{status.folder}</code>
        </dd>
        {status.lastError ? (
          <>
            <dt>Last error</dt>
            <dd className="field-error" role="alert">
              {when(status.lastRunAt)}: {status.lastError}
            </dd>
          </>
        ) : null}
      </dl>
      <form onSubmit={(e) => void save(e)} noValidate key={JSON.stringify(s)}>
        <div className="row">
          <div className="field">
            <label htmlFor="backup-frequency">Back up automatically</label>
            <select id="backup-frequency" name="backup-frequency" defaultValue={s.frequency}>
              <option value="daily">Every day</option>
              <option value="weekly">Every week</option>
              <option value="off">Never</option>
            </select>
          </div>
          <Field label="Keep daily backups" name="backup-daily" type="number" min={1} defaultValue={s.keepDaily} />
          <Field label="Keep weekly backups" name="backup-weekly" type="number" min={0} defaultValue={s.keepWeekly} />
        </div>
        <Field
          label="Backup folder"
          name="backup-folder"
          defaultValue={s.folder ?? ''}
          placeholder={status.folder}
          hint="A full path. Leave empty for the backups folder inside the data folder."
        />
        <div className="actions">
          <button type="submit">Save backup settings</button>
          <button type="button" className="primary" disabled={busy || status.running} onClick={() => void runNow()}>
            Back up now
          </button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <p role="status">{message}</p>
      <h3>Restore</h3>
      <div className="actions">
        <button type="button" onClick={() => void list()}>
          Show backups
        </button>
        <label className="button-like">
          Restore from an archive file…{' '}
          <input
            type="file"
            accept=".json,application/json"
            aria-label="Archive file to restore"
            disabled={busy}
            onChange={(e) => void restoreFile(e.currentTarget.files?.[0])}
          />
        </label>
      </div>
      {backups ? (
        backups.length === 0 ? (
          <p className="empty">No backups in {status.folder} yet.</p>
        ) : (
          <ul className="backup-list" aria-label="Backups">
            {backups.map((b) => (
              <li key={b.name}>
                {when(b.createdAt)} — {b.counts.contacts ?? 0} people{' '}
                <button
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    void restore(
                      (overwrite) => rapport().backup.restore({ name: b.name, overwrite }),
                      `the backup of ${when(b.createdAt)}`,
                    )
                  }
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
