import { useEffect, useState } from 'react';
import type { DatabaseProblem, OperationProgress, RecoveryStatus } from '../../../shared/ipc/channels/lifecycle.ts';
import type { Result } from '../../../shared/ipc/result.ts';
import { rapport } from '../../api/rapport.ts';
import './recovery.css';
import { peopleCount } from '../../ui/counted.ts';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const people = (n: number | undefined) => (n === undefined ? '' : peopleCount(n));
const TITLES: Record<DatabaseProblem, string> = {
  missing: 'Your Rapport database is missing',
  empty: 'Your Rapport database is empty',
  damaged: 'Your Rapport database is damaged',
};

/**
 * What the app shows when the core opened without its database: what happened, and the ways
 * back, best first. Nothing is replaced until the person chooses; the old file is always kept.
 */
export function RecoveryScreen({ problem, detail }: { problem: DatabaseProblem; detail: string }) {
  const [status, setStatus] = useState<RecoveryStatus | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState('');
  const [progress, setProgress] = useState<OperationProgress | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);

  useEffect(() => {
    void rapport()
      .recovery.status({})
      .then((result) => (result.ok ? setStatus(result.value) : setError(result.error.message)));
    return rapport().on('app.progress', setProgress);
  }, []);

  async function act(label: string, run: () => Promise<Result<unknown>>) {
    setBusy(label);
    setError('');
    const result = await run();
    setBusy('');
    // Success replaces the database: the app reloads its view (app.databaseReplaced).
    if (!result.ok) setError(result.error.message);
  }

  const latest = status?.backups[0];
  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{TITLES[problem]}</h1>
      <p>{detail}</p>
      <p>Nothing has been changed. Choose how to carry on; whatever you choose, the old file is kept.</p>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {busy && (
        <p role="status">
          {busy}…{progress && progress.total > 0 ? ` ${Math.round((progress.done / progress.total) * 100)}%` : ''}
        </p>
      )}
      {status && (
        <ol className="recovery-options">
          <li className="card">
            <h2>Restore your latest backup</h2>
            {latest ? (
              <>
                <p>
                  From {when(latest.createdAt)}, with {people(latest.counts.contacts)}
                  {status.lastKnownPeople !== undefined
                    ? ` (the database last held ${people(status.lastKnownPeople)})`
                    : ''}
                  .
                </p>
                <button
                  type="button"
                  className="primary"
                  disabled={!!busy}
                  onClick={() =>
                    act('Restoring the backup', () => rapport().recovery.restoreBackup({ name: latest.name }))
                  }
                >
                  Restore the backup of {when(latest.createdAt)}
                </button>
                {status.backups.length > 1 && (
                  <details>
                    <summary>Older backups ({status.backups.length - 1})</summary>
                    <ul>
                      {status.backups.slice(1).map((b) => (
                        <li key={b.name}>
                          <button
                            type="button"
                            disabled={!!busy}
                            onClick={() =>
                              act('Restoring the backup', () => rapport().recovery.restoreBackup({ name: b.name }))
                            }
                          >
                            Restore {when(b.createdAt)} ({people(b.counts.contacts)})
                          </button>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </>
            ) : (
              <p>No backups were found in {status.backupFolder}.</p>
            )}
          </li>
          {status.safetyCopies.length > 0 && (
            <li className="card">
              <h2>Put back a safety copy</h2>
              <ul>
                {status.safetyCopies.map((c) => (
                  <li key={c.name}>
                    <button
                      type="button"
                      disabled={!!busy}
                      onClick={() =>
                        act('Putting back the safety copy', () =>
                          rapport().recovery.restoreSafetyCopy({ name: c.name }),
                        )
                      }
                    >
                      {c.reason}, {when(c.createdAt)}
                      {c.people !== undefined ? ` (${people(c.people)})` : ''}
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          )}
          {status.canOpenReadOnly && (
            <li className="card">
              <h2>Open a read-only copy</h2>
              <p>Look at what can still be read and export it. Nothing can be changed in it.</p>
              <button
                type="button"
                disabled={!!busy}
                onClick={() => act('Opening a copy', () => rapport().recovery.openReadOnly({}))}
              >
                Open read-only
              </button>
            </li>
          )}
          <li className="card">
            <h2>Start with an empty profile</h2>
            <p>Your people will not be there. The old file stays in the safety-copies folder of your data folder.</p>
            <label>
              <input type="checkbox" checked={confirmEmpty} onChange={(e) => setConfirmEmpty(e.target.checked)} /> I
              understand: start empty
            </label>{' '}
            <button
              type="button"
              disabled={!!busy || !confirmEmpty}
              onClick={() => act('Starting empty', () => rapport().recovery.startEmpty({ confirm: true }))}
            >
              Start empty
            </button>
          </li>
        </ol>
      )}
    </main>
  );
}
