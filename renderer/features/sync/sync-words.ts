import type { SyncState, SyncStatus } from '../../../shared/ipc/channels/sync.ts';
import { formatInstant } from '../../ui/dates.ts';
import { formatCount } from '../../ui/counted.ts';

/** The sync status in words, for the sidebar and Settings → Sync; never by colour alone. */
export function syncStatusText(status: SyncStatus): string {
  switch (status.state) {
    case 'off':
      return 'Sync is off';
    case 'up-to-date':
      return 'Synced';
    case 'syncing':
      return status.changes > 0 ? `Syncing ${formatCount(status.changes)} changes…` : 'Syncing…';
    case 'paused':
      return 'Sync paused';
    case 'offline':
      return 'Sync server offline';
    case 'needs-credentials':
      return 'Sync needs your password';
    case 'update-required':
      return 'Update Rapport to keep syncing';
    case 'error':
      return 'Sync stopped';
  }
}

/** A second line: what happened and what to do, or when the last sync finished. */
export function syncStatusDetail(state: SyncState): string | undefined {
  const { status } = state;
  if ('message' in status) {
    if (status.state !== 'offline') return status.message;
    const retry = new Date(status.retryAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    return `${status.message} Next try at ${retry}.`;
  }
  return state.lastSyncedAt ? `Last synced ${formatInstant(state.lastSyncedAt)}` : undefined;
}

/** Whether the status asks the user to act (shown as an alert, and the sidebar line stands out). */
export const syncNeedsAttention = (status: SyncStatus): boolean =>
  status.state === 'needs-credentials' || status.state === 'update-required' || status.state === 'error';
