import { closeSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** File inside the data folder that records the owning process id. */
export const LOCK_FILE_NAME = 'rapport.lock';

/** Thrown when another live process holds the data folder. */
export class DataDirLockedError extends Error {
  readonly code = 'data_dir_locked';
  readonly pid: number;
  readonly dataDir: string;

  constructor(pid: number, dataDir: string) {
    super(`Rapport is already running (pid ${pid}) with this data folder: ${dataDir}`);
    this.name = 'DataDirLockedError';
    this.pid = pid;
    this.dataDir = dataDir;
  }
}

export type DataDirLock = {
  /** Deletes the lock file if it is still ours. Idempotent. */
  release(): void;
};

/**
 * Takes an exclusive, process-level lock on `dataDir` (created if missing)
 * so two app instances never open the same SQLite files.
 *
 * The lock file is created atomically with the pid already inside (write to
 * a private temp file, then hard-link it into place, which fails if the
 * name exists), so a reader never sees an empty lock. A lock whose pid is no
 * longer alive is stale and taken over.
 *
 * Known limits: a recycled pid of an unrelated process makes a stale lock
 * look live (the user can delete `rapport.lock`); two processes taking over
 * the same stale lock in the same microsecond window are arbitrated by the
 * re-check before unlink, not fully serialized.
 *
 * @throws DataDirLockedError when a live process holds the lock.
 * @throws the underlying fs error when the folder is not writable.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, LOCK_FILE_NAME);
  const ownContent = String(process.pid);

  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreateExclusive(lockPath, ownContent)) {
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (readLock(lockPath) === ownContent) unlinkSync(lockPath);
        },
      };
    }
    const content = readLock(lockPath);
    if (content === null) continue; // removed meanwhile; try again
    const pid = Number.parseInt(content, 10);
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) throw new DataDirLockedError(pid, dir);
    // Stale (dead pid or garbage). Re-check right before unlinking so we do
    // not delete a lock another process just took over.
    if (readLock(lockPath) === content) {
      try {
        unlinkSync(lockPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }
  throw new Error(`Could not acquire the data folder lock ${lockPath} after repeated stale-lock takeovers`);
}

function tryCreateExclusive(lockPath: string, content: string): boolean {
  const temp = `${lockPath}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

function readLock(lockPath: string): string | null {
  try {
    return readFileSync(lockPath, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
