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
  try {
    return acquire(dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError || !(error as NodeJS.ErrnoException).code) throw error;
    throw new DataDirUnusableError(path.resolve(dataDir), error as NodeJS.ErrnoException);
  }
}

/** Thrown when the data folder cannot be used at all (no permission, a full disk, a stray folder named like the lock). */
export class DataDirUnusableError extends Error {
  readonly dataDir: string;
  constructor(dataDir: string, cause: NodeJS.ErrnoException) {
    const why: Record<string, string> = {
      EACCES: 'Rapport is not allowed to write there',
      EPERM: 'Rapport is not allowed to write there',
      ENOSPC: 'the disk is full',
      EDQUOT: 'the disk quota is used up',
      EROFS: 'the disk is read-only',
      EISDIR: `${LOCK_FILE_NAME} there is a folder, not a file; remove it if no Rapport is running`,
      ENOTDIR: 'part of the path is a file, not a folder',
    };
    super(`Rapport cannot use the data folder ${dataDir}: ${why[cause.code ?? ''] ?? cause.message}.`);
    this.name = 'DataDirUnusableError';
    this.dataDir = dataDir;
  }
}

function acquire(dataDir: string): DataDirLock {
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
  } catch (error) {
    // A full disk: the half-written temporary file must not be left behind.
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
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

/** Whether a process with this id is running (one of another user's counts). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
