/**
 * Sync failures as values with a code, so status, IPC and tests can tell them apart. Messages are
 * written for the person at the keyboard: what happened and what to do.
 */
export type SyncErrorCode =
  /** 401/403 from the server: retrying can't help until the user enters new credentials. */
  | 'needs-credentials'
  /** The server did not answer (refused, reset, timed out, 5xx). Retried with backoff. */
  | 'offline'
  /** The passphrase does not open this sync's key check. Nothing was written. */
  | 'wrong-passphrase'
  /** "Join" on a database that has no sync set up yet. */
  | 'not-set-up'
  /** "Set up a new sync" on a database that already holds one. */
  | 'already-set-up'
  /** The server holds documents written by a newer version of Rapport. */
  | 'update-required'
  /** A document failed authentication (tampered, or from another key). Nothing was written. */
  | 'integrity'
  /** The server answered with something the sync can't use (missing database, bad JSON, …). */
  | 'server';

export const UPDATE_REQUIRED_MESSAGE = 'Update Rapport on this device to keep syncing.';

export class SyncError extends Error {
  readonly code: SyncErrorCode;
  constructor(code: SyncErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SyncError';
    this.code = code;
  }
}

/** Errors after which retrying makes no sense until the user acts (or the app is updated). */
export function isFatal(error: SyncError): boolean {
  return error.code !== 'offline';
}
