import type { SyncStatus } from '../../../shared/ipc/channels/sync.ts';
import { AppError } from '../../../shared/ipc/result.ts';
import { SyncError, UPDATE_REQUIRED_MESSAGE } from './errors.ts';

/**
 * Sync failures as the user sees them: a request's error (with the form field to fix where there
 * is one) or the status line Settings → Sync and the sidebar show.
 */
export function toAppError(error: unknown): never {
  if (!(error instanceof SyncError)) throw error;
  switch (error.code) {
    case 'needs-credentials':
      throw new AppError('invalid_input', error.message, [
        { path: ['password'], message: 'The server refused this user name or password' },
      ]);
    case 'wrong-passphrase':
      throw new AppError('invalid_input', error.message, [{ path: ['passphrase'], message: error.message }]);
    case 'not-set-up':
    case 'already-set-up':
      throw new AppError('conflict', error.message);
    default:
      throw new AppError('unavailable', error.message);
  }
}

export function syncErrorStatus(error: unknown): SyncStatus {
  if (!(error instanceof SyncError)) {
    return { state: 'error', message: 'Sync stopped after an unexpected error. Your data here is safe; try Resume.' };
  }
  switch (error.code) {
    case 'needs-credentials':
    case 'wrong-passphrase':
      return { state: 'needs-credentials', message: error.message };
    case 'update-required':
      return { state: 'update-required', message: UPDATE_REQUIRED_MESSAGE };
    default:
      return { state: 'error', message: error.message };
  }
}
