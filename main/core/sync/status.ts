import { UPDATE_REQUIRED_MESSAGE, type SyncError } from './errors.ts';
import { NEEDS_CREDENTIALS_MESSAGE } from './transport.ts';

import type { SyncStatus } from '../../../shared/ipc/channels/sync.ts';

export type { SyncStatus };

export interface StatusInputs {
  authorised: boolean;
  fatal: SyncError | null;
  paused: boolean;
  online: boolean;
  retryAt: number;
  /** Whether RxDB is moving documents, or has not finished its first pass yet. */
  busy: boolean;
  changes: number;
}

/** One collection's status, most urgent condition first. */
export function statusOf(input: StatusInputs): SyncStatus {
  if (!input.authorised) return { state: 'needs-credentials', message: NEEDS_CREDENTIALS_MESSAGE };
  if (input.fatal) {
    if (input.fatal.code === 'needs-credentials') return { state: 'needs-credentials', message: input.fatal.message };
    if (input.fatal.code === 'update-required') return { state: 'update-required', message: UPDATE_REQUIRED_MESSAGE };
    return { state: 'error', message: input.fatal.message };
  }
  if (input.paused) return { state: 'paused' };
  if (!input.online) {
    return {
      state: 'offline',
      retryAt: input.retryAt,
      message: 'The sync server is not answering. Your changes are kept here and sync when it is back.',
    };
  }
  if (input.busy) return { state: 'syncing', changes: input.changes };
  return { state: 'up-to-date' };
}

const URGENCY: Record<SyncStatus['state'], number> = {
  'needs-credentials': 6,
  'update-required': 5,
  error: 4,
  offline: 3,
  syncing: 2,
  paused: 1,
  'up-to-date': 0,
  // Sync switched off never outranks a collection that is syncing.
  off: -1,
};

/** The status of several collections as one: the most urgent, with syncing counts added up. */
export function combineStatuses(statuses: readonly SyncStatus[]): SyncStatus {
  if (statuses.length === 0) return { state: 'up-to-date' };
  const top = statuses.reduce((a, b) => (URGENCY[b.state] > URGENCY[a.state] ? b : a));
  if (top.state !== 'syncing') return top;
  return { state: 'syncing', changes: statuses.reduce((sum, s) => sum + (s.state === 'syncing' ? s.changes : 0), 0) };
}
