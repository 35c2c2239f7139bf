import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';

/**
 * `synchronous` level for the WAL journal. See docs/storage.md:
 * FULL fsyncs the WAL on every commit (a committed batch survives power
 * loss); NORMAL only fsyncs at checkpoints (may lose the newest commits on
 * power loss, never corrupts, never breaks the committed-prefix property).
 * OFF never fsyncs: only for a file being built that is flushed and checked
 * before anyone relies on it (a restore builds its database this way).
 */
export type SynchronousLevel = 'OFF' | 'NORMAL' | 'FULL';

export type ConnectionOptions = {
  synchronous: SynchronousLevel;
  /** Milliseconds SQLite waits for a lock held by another connection. */
  busyTimeoutMs: number;
};

type PooledConnection = {
  readonly db: DatabaseSync;
  readonly filePath: string;
  refs: number;
  /** Set once a table was dropped; the last release then deletes an empty file. */
  tableDropped: boolean;
  /** `PRAGMA data_version`; changes only when *another* connection commits. */
  readonly dataVersionStmt: StatementSync;
  dataVersion: number;
};

const levelStatements = new WeakMap<DatabaseSync, StatementSync>();

/**
 * Runs `transaction` (a BEGIN … COMMIT that never yields) with commits that do not wait for the
 * disk (`synchronous = NORMAL`), then puts the connection's own level back; SQLite allows the
 * change only outside a transaction. For derived data only: in WAL mode such a commit may be
 * rolled back by a power cut (never by a crash of the process), and only as the newest commits
 * are: the next commit that waits for the disk (any source write, at FULL) makes every commit
 * before it durable too, so what survives is always a prefix. A derived commit lost that way is
 * repeated by its projection, whose checkpoint is written after it. On macOS each commit saved
 * this way is an F_FULLFSYNC less.
 */
export function withRelaxedCommits<T>(db: DatabaseSync, transaction: () => T): T {
  restoreOwedLevel(db);
  let read = levelStatements.get(db);
  if (!read) levelStatements.set(db, (read = db.prepare('PRAGMA synchronous')));
  const level = (read.get() as { synchronous: number }).synchronous;
  // 0 OFF, 1 NORMAL: already no wait.
  if (level <= 1) return transaction();
  db.exec('PRAGMA synchronous = NORMAL');
  try {
    return transaction();
  } finally {
    try {
      db.exec(`PRAGMA synchronous = ${level}`);
    } catch {
      // Only inside a transaction, which a ROLLBACK that failed can leave open: put back before
      // the next write instead, so no source write ever commits at NORMAL.
      owedLevels.set(db, level);
    }
  }
}

const owedLevels = new WeakMap<DatabaseSync, number>();

/**
 * Puts back a level `withRelaxedCommits` could not restore. Every write calls it first; it costs
 * a lookup unless a level is owed. (With a transaction still open, the write's BEGIN fails.)
 */
export function restoreOwedLevel(db: DatabaseSync): void {
  const level = owedLevels.get(db);
  if (level === undefined || db.isTransaction) return;
  db.exec(`PRAGMA synchronous = ${level}`);
  owedLevels.delete(db);
}

/**
 * One connection per database file per process. node:sqlite is synchronous
 * and every storage call runs its transaction to completion without
 * yielding, so sharing the connection between collections is safe and
 * avoids one WAL reader/writer per collection.
 */
const POOL = new Map<string, PooledConnection>();

/** Resolves `<dir>/<databaseName>.sqlite`, refusing names that escape `dir`. */
export function databaseFilePath(directory: string, databaseName: string): string {
  if (!/^[A-Za-z0-9_$\-.]+$/.test(databaseName) || databaseName.startsWith('.')) {
    throw new Error(`Invalid database name for the SQLite storage: ${JSON.stringify(databaseName)}`);
  }
  return path.join(path.resolve(directory), databaseName + '.sqlite');
}

/**
 * SQLite's page cache, in KiB: its own default. Each page a larger cache adds is new memory,
 * faulted in as it is first filled: a fresh process computing Today at 50,000 people reads ~8,000
 * pages, and with 16 MiB (the earlier setting) those reads took 1.8× as long, while warm reads
 * showed no difference (docs/storage.md). Parsed documents stay cached in doc-cache.ts, and the
 * file's pages in the system's cache.
 */
export const PAGE_CACHE_KIB = 2000;

/**
 * Opens (or reuses) the connection for `filePath`. Every call must be paired
 * with {@link releaseConnection}.
 * @throws if the file cannot be opened or is not an SQLite database.
 */
export function acquireConnection(filePath: string, options: ConnectionOptions): DatabaseSync {
  const pooled = POOL.get(filePath);
  if (pooled) {
    pooled.refs++;
    return pooled.db;
  }
  mkdirSync(path.dirname(filePath), { recursive: true });
  const db = new DatabaseSync(filePath);
  try {
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
    const mode = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode?: string } | undefined;
    if (mode?.journal_mode !== 'wal') {
      throw new Error(`Could not enable WAL journal mode on ${filePath} (got ${String(mode?.journal_mode)})`);
    }
    db.exec(`PRAGMA synchronous = ${options.synchronous}`);
    // On macOS a plain fsync leaves the commit in the drive's cache, lost at a power cut;
    // F_FULLFSYNC flushes it. Other systems have no such call, and SQLite ignores these there.
    if (options.synchronous === 'FULL') db.exec('PRAGMA fullfsync = ON; PRAGMA checkpoint_fullfsync = ON');
    db.exec(`PRAGMA cache_size = -${PAGE_CACHE_KIB}`);
    db.exec('PRAGMA temp_store = MEMORY');
  } catch (error) {
    db.close();
    throw error;
  }
  const dataVersionStmt = db.prepare('PRAGMA data_version');
  dataVersionStmt.setReturnArrays(true);
  const dataVersion = (dataVersionStmt.get() as unknown as [number])[0];
  POOL.set(filePath, { db, filePath, refs: 1, tableDropped: false, dataVersionStmt, dataVersion });
  return db;
}

/**
 * True if another connection (another process ignoring the data-folder
 * lock, or a second DatabaseSync on the file in this process) committed to
 * `filePath` since the last call. In-process caches (parsed documents,
 * counts) must then be dropped. Costs one statement, i.e. one more read
 * transaction (~8–17 µs on the dev VM, as much as a small indexed count), so
 * reads instead select {@link DATA_VERSION_SQL} along with their rows and
 * pass it to {@link noteDataVersion}.
 */
export function changedByOtherConnection(filePath: string): boolean {
  const pooled = POOL.get(filePath);
  if (!pooled) return false;
  return noteDataVersion(filePath, (pooled.dataVersionStmt.get() as unknown as [number])[0]);
}

/**
 * `PRAGMA data_version` as a scalar SQL expression. Selected in the same
 * statement as a read's rows, it comes from the same read transaction (the
 * same snapshot) at no measurable cost.
 */
export const DATA_VERSION_SQL = '(SELECT data_version FROM pragma_data_version)';

/** Records a data_version read on `filePath`'s pooled connection; true if it changed since the last one. */
export function noteDataVersion(filePath: string, version: number): boolean {
  const pooled = POOL.get(filePath);
  if (!pooled || version === pooled.dataVersion) return false;
  pooled.dataVersion = version;
  return true;
}

/**
 * Drops one reference; the last one closes the connection. Pass
 * `tableDropped` from remove(): if, at the last release, no table is left,
 * the file and its WAL/SHM side files are deleted (RxDB's
 * `database.remove()` path).
 */
export function releaseConnection(filePath: string, tableDropped = false): void {
  const pooled = POOL.get(filePath);
  if (!pooled) return;
  if (tableDropped) pooled.tableDropped = true;
  pooled.refs--;
  if (pooled.refs > 0) return;
  POOL.delete(filePath);
  let empty = false;
  if (pooled.tableDropped) {
    const row = pooled.db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as {
      n: number;
    };
    empty = row.n === 0;
  }
  pooled.db.close();
  if (empty) {
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(filePath + suffix)) rmSync(filePath + suffix, { force: true });
    }
  }
}

/** Whether this process holds a connection to `filePath` (the path as it was opened). */
export function isConnectionOpen(filePath: string): boolean {
  return POOL.has(filePath);
}

/** Number of open pooled connections; used by tests to detect leaks. */
export function openConnectionCount(): number {
  return POOL.size;
}
