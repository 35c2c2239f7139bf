/**
 * Deciding, before the database opens, whether it may open at all. A missing or empty database
 * is a new profile only when nothing says this folder held data before; a damaged one is never
 * opened as if nothing happened. Otherwise the core opens in recovery: no database, and the app
 * shows what happened and the ways out.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseProblem, RecoveryStatus } from '../../../shared/ipc/channels/lifecycle.ts';
import { listBackups } from '../backup/backup-files.ts';
import { checkDatabase, type DataFolder } from './data-folder.ts';
import { listSafetyCopies } from './safety-copies.ts';
import { readFolderState } from './state-file.ts';

export type Opening =
  /** `checkInBackground`: SQLite's full check is still owed, once the database is open (background-check.ts). */
  { mode: 'normal'; checkInBackground: boolean } | { mode: 'recovery'; problem: DatabaseProblem; detail: string };

/** Where backups go: the folder chosen in Settings (remembered outside the database) or the default. */
export const backupFolderOf = (folder: DataFolder) =>
  readFolderState(folder)?.backupFolder ?? join(folder.dir, 'backups');

/**
 * @param checkInBackgroundFromBytes a database file at least this large is opened before its full
 *   check (which then runs in the background); a smaller one is checked first, which takes at most
 *   about 0.1 s, so damage shows from the first screen.
 */
export async function decideOpening(folder: DataFolder, checkInBackgroundFromBytes = Infinity): Promise<Opening> {
  const state = readFolderState(folder);
  // A run that did not shut down cleanly gets SQLite's full check; a clean one only a quick look.
  const unclean = state !== undefined && !state.cleanShutdown;
  const later = unclean && sizeOf(folder.database) >= checkInBackgroundFromBytes;
  const health = checkDatabase(folder, unclean && !later);
  if (health.state === 'ok') return { mode: 'normal', checkInBackground: later };
  if (health.state === 'damaged') {
    return { mode: 'recovery', problem: 'damaged', detail: `The database file cannot be read: ${health.detail}.` };
  }
  const backups = await listBackups(backupFolderOf(folder)).catch(() => []);
  const heldPeople = (state?.people ?? 0) > 0;
  if (!heldPeople && !backups.length && !listSafetyCopies(folder).length)
    return { mode: 'normal', checkInBackground: false };
  const problem = health.state === 'absent' ? 'missing' : 'empty';
  const what = problem === 'missing' ? 'is missing' : 'is empty (0 bytes)';
  const before = heldPeople
    ? ` It held ${state!.people} ${state!.people === 1 ? 'person' : 'people'} when it was last open.`
    : '';
  return { mode: 'recovery', problem, detail: `The database file ${folder.database} ${what}.${before}` };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export async function recoveryStatus(
  folder: DataFolder,
  problem: DatabaseProblem,
  detail: string,
): Promise<RecoveryStatus> {
  const backupFolder = backupFolderOf(folder);
  const people = readFolderState(folder)?.people;
  return {
    problem,
    detail,
    ...(people ? { lastKnownPeople: people } : {}),
    backupFolder,
    backups: await listBackups(backupFolder).catch(() => []),
    safetyCopies: listSafetyCopies(folder),
    canOpenReadOnly: problem === 'damaged',
  };
}
