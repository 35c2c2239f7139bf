/**
 * SQLite's full check of the database file (`PRAGMA quick_check`), run after the core has opened
 * instead of before: on its own read-only connection in a worker thread, since node:sqlite is
 * synchronous and a check of a large file takes tens of seconds (33–50 s at 8.6 GB) that would
 * otherwise hold up the first screen, or the core's event loop.
 *
 * The read-only connection reads a snapshot of the file (WAL mode), so the core keeps writing
 * while it runs. The worker's code is a string, not a file, so the bundled app (one main bundle,
 * electron.vite.config.ts) and running from source start it the same way.
 *
 * A limit: node:sqlite cannot interrupt a running statement (it has no `sqlite3_interrupt`), and
 * `worker.terminate()` only takes effect once the statement returns. `stop()` asks at once and
 * says when the thread has ended; callers that must not wait (closing the core) do not await it.
 */
import type { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { QUICK_CHECK_SQL, quickCheckProblems, type DatabaseHealth } from './data-folder.ts';
import { lazyObject } from '../../../shared/lazy-schema.ts';

/** What a background check found; `unchecked` when it could not run (not a sign of damage). */
export type CheckOutcome =
  Extract<DatabaseHealth, { state: 'ok' | 'damaged' }> | { state: 'unchecked'; detail: string };

export interface BackgroundCheck {
  /** Settles once the worker has ended: with what it found, or `stopped` after `stop()`. */
  readonly result: Promise<CheckOutcome | { state: 'stopped' }>;
  /** Ends the check; resolves when the worker thread has ended (after its running statement). */
  stop(): Promise<void>;
}

export interface BackgroundCheckOptions {
  /** Test seam: a statement run instead of the quick check, answering rows of `{ quick_check }`. */
  sql?: string;
}

const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
let db;
try {
  db = new DatabaseSync(workerData.database, { readOnly: true, timeout: workerData.busyMs });
  parentPort.postMessage({ rows: db.prepare(workerData.sql).all() });
} catch (error) {
  parentPort.postMessage({ failed: String((error && error.message) || error), code: error && error.errcode });
} finally {
  db?.close();
}
`;

const Answer = z.union([
  lazyObject(() => ({ rows: z.array(z.object({ quick_check: z.string() })) })),
  lazyObject(() => ({ failed: z.string(), code: z.number().int().optional() })),
]);

/**
 * SQLite's primary result codes that mean the file cannot be read through: SQLITE_IOERR,
 * SQLITE_CORRUPT, SQLITE_NOTADB. Others (busy, out of memory) say nothing about the file.
 */
const DAMAGE_CODES = new Set([10, 11, 26]);

/** Starts checking `database` now; the returned promise never rejects. */
export function checkInBackground(database: string, options: BackgroundCheckOptions = {}): BackgroundCheck {
  let stopped = false;
  let answer: unknown;
  let failure: Error | undefined;
  let worker: Worker;
  try {
    // Loaded here, not at start: only a start after a crash, on a big file, needs a thread.
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: { database, sql: options.sql ?? QUICK_CHECK_SQL, busyMs: 10_000 },
    });
  } catch (error) {
    // No thread to be had (resources): the check is still owed, and opening goes on.
    const detail = `the check could not start (${(error as Error).message})`;
    return { result: Promise.resolve({ state: 'unchecked', detail }), stop: () => Promise.resolve() };
  }
  worker.on('message', (message) => (answer = message));
  worker.on('error', (error) => (failure = error));
  const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));

  const result = ended.then((): CheckOutcome | { state: 'stopped' } => {
    if (stopped) return { state: 'stopped' };
    const parsed = Answer.safeParse(answer);
    if (!parsed.success) return { state: 'unchecked', detail: failure?.message ?? 'the check ended without an answer' };
    if ('failed' in parsed.data) {
      const { failed, code } = parsed.data;
      return code !== undefined && DAMAGE_CODES.has(code & 0xff)
        ? { state: 'damaged', detail: failed }
        : { state: 'unchecked', detail: failed };
    }
    const problems = quickCheckProblems(parsed.data.rows);
    return problems ? { state: 'damaged', detail: problems } : { state: 'ok' };
  });

  return {
    result,
    stop() {
      stopped = true;
      void worker.terminate();
      return ended;
    },
  };
}

/** How the check owed after an unclean shutdown went, for this run's database. */
export type DatabaseCheck = 'not-needed' | 'passed' | 'damaged' | 'unchecked' | 'stopped';

/** The core's one check after opening: started, stopped and restarted as the database is swapped. */
export interface CheckAfterOpening {
  /** Starts checking the file; damage is handed to `onDamage`, which says whether it acted on it. */
  start(): void;
  /** Ends a running check; resolves once its worker has let go of the file. */
  stop(): Promise<void>;
  readonly running: boolean;
  /** A check was owed and has not passed: closing must not note a clean shutdown. */
  readonly owed: boolean;
  /** The file was replaced by one that owes no check (a restore). */
  forget(): void;
  /** The latest check's outcome; `not-needed` when none ran. */
  readonly outcome: Promise<DatabaseCheck>;
}

export function checkAfterOpening(
  database: string,
  onDamage: (detail: string) => Promise<boolean>,
  options: BackgroundCheckOptions = {},
): CheckAfterOpening {
  let current: BackgroundCheck | undefined;
  let owed = false;
  let outcome: Promise<DatabaseCheck> = Promise.resolve('not-needed');
  return {
    start() {
      owed = true;
      const running = checkInBackground(database, options);
      current = running;
      outcome = running.result.then(async (found): Promise<DatabaseCheck> => {
        if (current !== running || found.state === 'stopped') return 'stopped';
        current = undefined;
        switch (found.state) {
          case 'ok':
            owed = false;
            return 'passed';
          case 'unchecked':
            console.warn(`[rapport] ${database} was not checked: ${found.detail}`);
            return 'unchecked';
          case 'damaged':
            return (await onDamage(`The database file cannot be read: ${found.detail}.`)) ? 'damaged' : 'stopped';
        }
      });
    },
    stop() {
      const running = current;
      current = undefined;
      return running?.stop() ?? Promise.resolve();
    },
    get running() {
      return current !== undefined;
    },
    get owed() {
      return owed;
    },
    forget() {
      owed = false;
    },
    get outcome() {
      return outcome;
    },
  };
}
