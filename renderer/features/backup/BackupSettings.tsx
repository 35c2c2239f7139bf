import { Upload } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import {
  BackupSettings as BackupSettingsSchema,
  type BackupInfo,
  type BackupStatus,
} from '../../../shared/ipc/channels/interchange.ts';
import { toFieldIssues } from '../../../shared/ipc/result.ts';
import { rapport } from '../../api/rapport.ts';
import { useLive } from '../../api/useLive.ts';
import { LiveError } from '../../ui/LiveError.tsx';
import { useRequest } from '../../api/request.ts';
import { formatInstant } from '../../ui/dates.ts';
import { Field } from '../../ui/Field.tsx';
import { SafetyCopies } from './SafetyCopies.tsx';
import { RestoreDialog, type RestoreJob } from './RestoreDialog.tsx';
import { archiveSource } from './files.ts';
import { peopleCount } from '../../ui/counted.ts';

const when = (iso: string | undefined) => (iso ? formatInstant(iso) : 'never');

/**
 * Each backup's time; to the second where two were made in the same minute, and numbered where
 * even the seconds agree (a clock held still), so each reads and is named apart.
 */
function backupLabels(backups: readonly BackupInfo[]): { backup: BackupInfo; label: string }[] {
  const once = (labels: string[], i: number) => labels.indexOf(labels[i]!) === labels.lastIndexOf(labels[i]!);
  const minutes = backups.map((b) => formatInstant(b.createdAt));
  const times = backups.map((b, i) => (once(minutes, i) ? minutes[i]! : formatInstant(b.createdAt, true)));
  const seen = new Map<string, number>();
  return backups.map((backup, i) => {
    const time = times[i]!;
    const nth = (seen.get(time) ?? 0) + 1;
    seen.set(time, nth);
    return { backup, label: once(times, i) ? time : `${time} (${nth})` };
  });
}

/**
 * Backups on the Settings screen: status and last error, frequency, folder and how many to keep,
 * "Back up now", and restore from a listed backup or an archive file. Restoring into a profile
 * that already holds people asks for confirmation first.
 */
export function BackupSettings() {
  const live = useLive<BackupStatus>((onResult) => rapport().backup.status({}, onResult), []);
  const request = useRequest();
  const [error, setError] = useState('');
  const [restoring, setRestoring] = useState<RestoreJob | null>(null);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  if (live.status !== 'ready') return <LiveError state={live} what="the backup status" />;
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
    setError('');
    await request(() => rapport().backup.setSettings(parsed.data), {
      action: 'save the backup settings',
      onError: (e) => setError(e.message),
      success: () => ({ title: 'Saved the backup settings' }),
    });
  }

  async function runNow() {
    if (busy || status.running) return;
    setBusy(true);
    const result = await request(() => rapport().backup.runNow({}), {
      action: 'back up',
      success: (b) => ({ title: 'Backup written and verified', description: b.name }),
    });
    setBusy(false);
    if (result.ok && backups) void list();
  }

  async function list() {
    const result = await request(() => rapport().backup.list({}), { action: 'list the backups' });
    if (result.ok) setBackups(result.value);
  }

  async function restoreFile(file: File | undefined) {
    if (!file) return;
    const source = await archiveSource(file);
    if (!source.ok) return setError(source.error.message);
    setRestoring({
      label: file.name,
      run: (overwrite) => rapport().interchange.restoreArchive({ fileName: file.name, ...source.value, overwrite }),
    });
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
              ? `${when(status.lastSuccessAt)} (${peopleCount(status.lastBackup.counts.contacts ?? 0)})`
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
      <form className="form" onSubmit={(e) => void save(e)} noValidate key={JSON.stringify(s)}>
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
          {/* aria-disabled, not disabled, while it runs: disabling the focused button drops focus to the page. */}
          <button
            type="button"
            className="primary"
            aria-disabled={busy || status.running || undefined}
            onClick={() => void runNow()}
          >
            Back up now
          </button>
        </div>
        {error ? (
          <p role="alert" className="field-error">
            {error}
          </p>
        ) : null}
      </form>
      <h3>Restore</h3>
      <div className="actions">
        <button type="button" onClick={() => void list()}>
          Show backups
        </button>
        <label className="button file-button">
          <Upload size={14} aria-hidden /> Restore from an archive file…
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
            {backupLabels(backups).map(({ backup: b, label }) => (
              <li key={b.name}>
                <span>
                  {label} <span className="muted">· {peopleCount(b.counts.contacts ?? 0)}</span>
                </span>
                <button
                  type="button"
                  disabled={busy}
                  className="small"
                  aria-label={`Restore the backup of ${label}`}
                  onClick={() =>
                    setRestoring({
                      label: `the backup of ${label}`,
                      run: (overwrite) => rapport().backup.restore({ name: b.name, overwrite }),
                    })
                  }
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <SafetyCopies busy={busy} />
      <RestoreDialog job={restoring} onClose={() => setRestoring(null)} />
    </section>
  );
}
