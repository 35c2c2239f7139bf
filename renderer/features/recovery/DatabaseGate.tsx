import { useEffect, useState, type ReactNode } from 'react';
import type { DatabaseState } from '../../../shared/ipc/channels/lifecycle.ts';
import { rapport } from '../../api/rapport.ts';
import { RecoveryScreen } from './RecoveryScreen.tsx';

/**
 * Shows the app over a database that is open. When the core opened without one (lost or
 * damaged), the recovery screen takes its place; a read-only copy gets a banner above the app.
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<DatabaseState | null>(null);
  const [failed, setFailed] = useState('');

  useEffect(() => {
    let live = true;
    const load = () =>
      void rapport()
        .app.info({})
        .then((result) => {
          if (!live) return;
          if (result.ok) setState(result.value.database);
          else setFailed(result.error.message);
        });
    load();
    const off = rapport().on('app.databaseReplaced', load);
    return () => {
      live = false;
      off();
    };
  }, []);

  if (failed)
    return (
      <p role="alert" className="field-error">
        {failed}
      </p>
    );
  // Until the answer arrives the app renders as usual, so its keyboard shortcuts work at once;
  // a database that needs recovery is rare, and then the app gives way to the recovery screen.
  if (state?.state === 'needs-recovery') return <RecoveryScreen problem={state.problem} detail={state.detail} />;
  return (
    <>
      {state?.state === 'read-only' && (
        <div className="read-only-banner" role="status">
          <strong>Read-only copy.</strong> The database is damaged: you can look at everything and export it (Settings →
          Backups), but not change it. Restore a backup to carry on as before.
        </div>
      )}
      {children}
    </>
  );
}
