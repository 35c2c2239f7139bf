import type { ReactNode } from 'react';
import { useAppInfo } from '../../api/AppInfoProvider.tsx';
import { RecoveryScreen } from './RecoveryScreen.tsx';
import './recovery.css';

/**
 * Shows the app over a database that is open. When the core opened without one (lost or
 * damaged), the recovery screen takes its place; a read-only copy gets a banner above the app.
 * Until `app.info` answers the app renders as usual, so its keyboard shortcuts work at once.
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const database = useAppInfo()?.database;
  if (database?.state === 'needs-recovery')
    return <RecoveryScreen problem={database.problem} detail={database.detail} />;
  return (
    <>
      {database?.state === 'read-only' && (
        <div className="read-only-banner" role="status">
          <strong>Read-only copy.</strong> The database is damaged: you can look at everything and export it (Settings →
          Backups), but not change it. Restore a backup to carry on as before.
        </div>
      )}
      {children}
    </>
  );
}
