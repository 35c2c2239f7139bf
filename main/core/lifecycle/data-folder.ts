/**
 * The files of a data folder, and what state its database is in before anything opens it.
 *
 *   rapport.sqlite            the database (WAL mode: -wal and -shm beside it while open)
 *   rapport-restore.sqlite    a restored database being built; renamed over rapport.sqlite when done
 *   rapport-readonly.sqlite   a copy of a damaged database, opened read-only
 *   rapport-state.json        this installation's notes: last known size, clean shutdown, backup folder
 *   safety-copies/            copies of the database taken before destructive operations
 *   journal/                  records of imports and other multi-write operations in progress (undone if found at start)
 *   rapport.reserve           space held back so a rollback still fits on a full disk
 *   rapport-today.json        Today as last computed, shown at the next start while nothing changed (reminders)
 *   rapport-reminders.ics     the reminders as a calendar file (reminders)
 */
import { closeSync, existsSync, openSync, readdirSync, readSync, rmSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export interface DataFolder {
  readonly dir: string;
  readonly database: string;
  readonly restoreTarget: string;
  readonly readOnlyCopy: string;
  readonly state: string;
  readonly safetyCopies: string;
  readonly journal: string;
  readonly reserve: string;
}

export const DATABASE_NAME = 'rapport';
export const RESTORE_DATABASE_NAME = 'rapport-restore';
export const READ_ONLY_DATABASE_NAME = 'rapport-readonly';

export function dataFolder(dir: string): DataFolder {
  return {
    dir,
    database: join(dir, `${DATABASE_NAME}.sqlite`),
    restoreTarget: join(dir, `${RESTORE_DATABASE_NAME}.sqlite`),
    readOnlyCopy: join(dir, `${READ_ONLY_DATABASE_NAME}.sqlite`),
    state: join(dir, 'rapport-state.json'),
    safetyCopies: join(dir, 'safety-copies'),
    journal: join(dir, 'journal'),
    reserve: join(dir, 'rapport.reserve'),
  };
}

/** SQLite's side files of a database file. */
export const sideFiles = (database: string) => [`${database}-wal`, `${database}-shm`, `${database}-journal`];

/** A temporary file `writeFileAtomic` left for one of the folder's notes: `<note>.<pid>.tmp`. */
const NOTE_TEMPORARY = /\.(?:json|ics)\.(\d+)\.tmp$/;

/**
 * Removes what a process that stopped in the middle of writing a note left behind: the
 * `<note>.<pid>.tmp` files of processes no longer running, in the folder, its journal and its
 * safety copies (the note itself kept its old content). Called with the folder's lock held; the
 * files of a live process are kept all the same.
 */
export function removeAbandonedTemporaryFiles(folder: DataFolder, isAlive: (pid: number) => boolean): void {
  for (const dir of [folder.dir, folder.journal, folder.safetyCopies]) {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // A folder not made yet.
    }
    for (const entry of entries) {
      const pid = NOTE_TEMPORARY.exec(entry.name)?.[1];
      if (pid === undefined || !entry.isFile() || isAlive(Number(pid))) continue;
      try {
        rmSync(join(dir, entry.name));
      } catch (error) {
        // Leftovers are only clutter: one that cannot go now (held by another program) must not stop the opening.
        console.warn(`[rapport] Could not remove ${entry.name}:`, (error as Error).message);
      }
    }
  }
}

/** Removes a restore being built (interrupted, or about to be rebuilt); the live database is never touched. */
export function removeLeftovers(folder: DataFolder, also: string[] = []): void {
  for (const database of [folder.restoreTarget, ...also]) {
    for (const file of [database, ...sideFiles(database)]) rmSync(file, { force: true });
  }
}

export type DatabaseHealth =
  | { state: 'ok' }
  /** No database file: a new profile, or a lost one (the caller decides from the evidence). */
  | { state: 'absent' }
  | { state: 'empty' }
  | { state: 'damaged'; detail: string };

const SQLITE_HEADER = 'SQLite format 3\0';

/** SQLite's check of the whole file: every page read, up to 5 problems listed. */
export const QUICK_CHECK_SQL = 'PRAGMA quick_check(5)';

/** The problems `QUICK_CHECK_SQL` found, in one line, or undefined when it answered "ok". */
export function quickCheckProblems(rows: { quick_check: string }[]): string | undefined {
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  return problems.length ? problems.join('; ') : undefined;
}

/**
 * Looks at the database file without changing it. `thorough` also runs SQLite's `quick_check`
 * (a full read of the file, so only after a run that did not shut down cleanly).
 */
export function checkDatabase(folder: DataFolder, thorough: boolean): DatabaseHealth {
  if (!existsSync(folder.database)) return { state: 'absent' };
  if (statSync(folder.database).size === 0) return { state: 'empty' };
  const header = Buffer.alloc(16);
  const fd = openSync(folder.database, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) return { state: 'damaged', detail: 'it is not an SQLite database' };
  let db: DatabaseSync | undefined;
  try {
    // Read-write is needed to replay a WAL left by a crash; nothing is written otherwise.
    db = new DatabaseSync(folder.database);
    db.prepare('PRAGMA schema_version').get();
    if (thorough) {
      const problems = quickCheckProblems(db.prepare(QUICK_CHECK_SQL).all() as { quick_check: string }[]);
      if (problems) return { state: 'damaged', detail: problems };
    }
    return { state: 'ok' };
  } catch (error) {
    return { state: 'damaged', detail: (error as Error).message };
  } finally {
    db?.close();
  }
}

/** Files in a folder of the data folder, or none if it does not exist. */
export function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
