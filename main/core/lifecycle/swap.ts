/**
 * Putting a finished database file in place of the live one, so that a crash at any moment
 * leaves either the old data or the new data, never a mix:
 *
 *   1. the live database is already closed (no connection left in this process, its WAL merged
 *      and removed: both checked here);
 *   2. the old file is hard-linked into safety-copies/ (kept, not copied);
 *   3. the new file is renamed over `rapport.sqlite`: one atomic step;
 *   4. the folder is flushed.
 *
 * A crash before 3 leaves the old file (and a leftover new one, removed at the next start); a
 * crash after 3 leaves the new one.
 */
import { existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SafetyCopyInfo } from '../../../shared/ipc/channels/lifecycle.ts';
import { syncFile, syncFolder } from './atomic-file.ts';
import type { DataFolder } from './data-folder.ts';
import { keepClosedDatabase } from './safety-copies.ts';
import { isConnectionOpen } from '../storage/connection.ts';

/** A connection kept across a swap would go on reading and writing the old, unlinked file. */
function assertClosed(folder: DataFolder): void {
  if (isConnectionOpen(folder.database)) throw new Error('The database is still open; it was left as it was.');
}

/** @throws Error when the database is still open, or closed with unmerged writes (its WAL), before anything changed. */
export function swapInDatabase(
  folder: DataFolder,
  replacement: string,
  at: Date,
  keep: { reason: string; people?: number | undefined },
): SafetyCopyInfo | null {
  assertClosed(folder);
  const wal = `${folder.database}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new Error('The database did not close cleanly (its write-ahead log is not empty); it was left as it was.');
  }
  syncFile(replacement);
  const kept = keepClosedDatabase(folder, at, keep.reason, keep.people);
  // Stale side files of the old database must never be read as the new one's.
  rmSync(wal, { force: true });
  rmSync(`${folder.database}-shm`, { force: true });
  renameSync(replacement, folder.database);
  syncFolder(folder.dir);
  return kept;
}

/**
 * Moves a damaged or empty database aside (into safety-copies/, with its write-ahead log, which
 * may hold the newest data) so a restored or new database can take its place.
 */
export function setAside(folder: DataFolder, at: Date, reason: string): SafetyCopyInfo | null {
  assertClosed(folder);
  const wal = `${folder.database}-wal`;
  const kept =
    existsSync(folder.database) && statSync(folder.database).size > 0 ? keepClosedDatabase(folder, at, reason) : null;
  if (kept && existsSync(wal) && statSync(wal).size > 0) linkSync(wal, `${join(folder.safetyCopies, kept.name)}-wal`);
  for (const file of [folder.database, wal, `${folder.database}-shm`]) rmSync(file, { force: true });
  syncFolder(folder.dir);
  return kept;
}

/** Puts a finished file where the database belongs, when there is no live database to keep. */
export function moveIntoPlace(folder: DataFolder, replacement: string): void {
  assertClosed(folder);
  syncFile(replacement);
  renameSync(replacement, folder.database);
  syncFolder(folder.dir);
}
