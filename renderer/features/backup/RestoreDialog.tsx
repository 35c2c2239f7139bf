import { useEffect, useState } from 'react';
import type { RequestOutput } from '../../../shared/ipc/contract.ts';
import { needsConfirming, wasCancelled } from '../../../shared/ipc/channels/interchange.ts';
import type { OperationProgress } from '../../../shared/ipc/channels/lifecycle.ts';
import type { Result } from '../../../shared/ipc/result.ts';
import { rapport } from '../../api/rapport.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { formatCount, peopleCount } from '../../ui/counted.ts';

type Restored = RequestOutput<'backup.restore'>;
export interface RestoreJob {
  /** "the backup of 3 Mar 2026, 09:30" or a file name. */
  label: string;
  run: (overwrite: boolean) => Promise<Result<Restored>>;
}

type Step = { name: 'running' } | { name: 'confirm'; message: string } | { name: 'failed'; message: string };

const PHASES: Record<OperationProgress['phase'], string> = {
  reading: 'Reading and checking the archive',
  writing: 'Writing the new database',
  checking: 'Checking the new database',
  replacing: 'Putting it in place',
  opening: 'Opening it',
};

/**
 * Restoring, in the app's own dialog: it starts at once, shows its progress (reading, writing the
 * new database, checking it, putting it in place) with Cancel until the swap begins, and, when
 * the profile already holds people, asks before replacing them. No `confirm()`.
 */
export function RestoreDialog({ job, onClose }: { job: RestoreJob | null; onClose: () => void }) {
  return (
    <Dialog open={job !== null} title={job ? `Restore ${job.label}` : 'Restore'} onClose={onClose}>
      {job ? <RestoreFlow job={job} onClose={onClose} /> : null}
    </Dialog>
  );
}

function RestoreFlow({ job, onClose }: { job: RestoreJob; onClose: () => void }) {
  const toast = useToast();
  const [step, setStep] = useState<Step>({ name: 'running' });
  const [progress, setProgress] = useState<OperationProgress | null>(null);
  useEffect(() => rapport().on('app.progress', setProgress), []);

  const finish = (result: Result<Restored>, overwrite: boolean) => {
    if (result.ok) {
      onClose();
      toast({
        title: `Restored ${job.label}`,
        description: `${peopleCount(result.value.counts.contacts ?? 0)} ${result.value.counts.contacts === 1 ? 'is' : 'are'} back.`,
      });
    } else if (wasCancelled(result.error)) {
      onClose();
      toast({ title: 'Restore cancelled', description: 'Nothing was changed.' });
    } else if (needsConfirming(result.error) && !overwrite) setStep({ name: 'confirm', message: result.error.message });
    else setStep({ name: 'failed', message: result.error.message });
  };
  const start = (overwrite: boolean) => {
    setStep({ name: 'running' });
    setProgress(null);
    void job.run(overwrite).then((r) => finish(r, overwrite));
  };
  useEffect(() => {
    // The first attempt never overwrites: main refuses when there is something to lose, and we ask.
    void job.run(false).then((r) => finish(r, false));
    // Runs once per opening: the dialog's content mounts fresh each time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (step.name === 'running') {
    const phase = progress ? PHASES[progress.phase] : 'Reading the archive';
    const canCancel = !progress || ['reading', 'writing', 'checking'].includes(progress.phase);
    return (
      <div className="stack" role="status" aria-live="polite">
        <label htmlFor="restore-progress">
          {phase}…
          {progress?.phase === 'writing' ? ` ${formatCount(progress.done)} of ${formatCount(progress.total)}` : ''}
        </label>
        {progress?.phase === 'writing' && progress.total > 0 ? (
          <progress id="restore-progress" value={progress.done} max={progress.total} />
        ) : (
          <progress id="restore-progress" />
        )}
        <p className="muted small">
          Everything is written into a new file first; what is here now stays untouched until the last step, and is kept
          as a safety copy.
        </p>
        <div className="dialog-footer">
          <button type="button" disabled={!canCancel} onClick={() => void rapport().app.cancelOperation({})}>
            Cancel
          </button>
        </div>
      </div>
    );
  }
  if (step.name === 'confirm')
    return (
      <div className="stack">
        <p>{step.message}</p>
        <p>
          Replace everything here with {job.label}? What is here now is kept as a safety copy, which you can put back
          from Settings → Backups → Safety copies.
        </p>
        <div className="dialog-footer">
          {/* The question comes after the dialog opened: focus moves to the safe answer with it. */}
          <button type="button" data-autofocus autoFocus onClick={onClose}>
            Keep what is here
          </button>
          <button type="button" className="danger solid" onClick={() => start(true)}>
            Replace everything
          </button>
        </div>
      </div>
    );
  return (
    <div className="stack">
      <p className="inline-alert" role="alert">
        Could not restore: {step.message}
      </p>
      <div className="dialog-footer">
        <button type="button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="primary" data-autofocus onClick={() => start(false)}>
          Try again
        </button>
      </div>
    </div>
  );
}
