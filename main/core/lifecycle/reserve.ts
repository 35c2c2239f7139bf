/**
 * Space held back for undoing. Undoing an import writes too (SQLite records removals like any
 * change), so on a disk that an import just filled, the undo itself could fail. A reserve file of
 * zeros is kept in the data folder; when a write fails for lack of space, it is deleted first,
 * which frees room for the undo, and written again at the next start.
 */
import { closeSync, existsSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import type { DataFolder } from './data-folder.ts';

/** At most this much is held back, and never more than a tenth of the free space. */
export const RESERVE_BYTES = 16 * 1024 * 1024;

/** Writes the reserve if it is missing (and there is room for it). Never throws. */
export function ensureReserve(folder: DataFolder): void {
  if (existsSync(folder.reserve)) return;
  try {
    const { bavail, bsize } = statfsSync(folder.dir);
    const size = Math.min(RESERVE_BYTES, Math.floor((bavail * bsize) / 10));
    if (size < 64 * 1024) return;
    // Real zeros, not a sparse file: only written blocks hold space.
    const fd = openSync(folder.reserve, 'w');
    try {
      const block = Buffer.alloc(64 * 1024);
      for (let written = 0; written < size; written += block.length) writeSync(fd, block);
    } finally {
      closeSync(fd);
    }
  } catch {
    rmSync(folder.reserve, { force: true });
  }
}

/** Frees the reserve for an undo; true when there was one. */
export function releaseReserve(folder: DataFolder): boolean {
  if (!existsSync(folder.reserve)) return false;
  rmSync(folder.reserve, { force: true });
  return true;
}

/** Whether a write failed because the disk (or the user's quota) is full. */
export function isDiskFull(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === 'ENOSPC' || code === 'EDQUOT' || /SQLITE_FULL|disk is full|ENOSPC|no space left/i.test(message ?? '');
}

/** Bytes free for this folder, or Infinity when the system cannot say. */
export function freeBytes(folder: DataFolder): number {
  try {
    const { bavail, bsize } = statfsSync(folder.dir);
    return bavail * bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
