import { Subject } from 'rxjs';
import type { EventBulk, RxStorageChangeEvent, RxStorageDefaultCheckpoint } from 'rxdb';
import { DocumentCache } from './doc-cache.ts';

export type ChangeBulk = EventBulk<RxStorageChangeEvent<unknown>, RxStorageDefaultCheckpoint>;

/**
 * State shared by every storage instance of one table in this process:
 * the change bus (so instance B sees instance A's writes) and whether the
 * table was removed (so stale instances fail loudly instead of recreating
 * an empty table).
 */
export type SharedTableState = {
  readonly changes$: Subject<ChangeBulk>;
  removed: boolean;
  refs: number;
  /**
   * Cached row counts for whole-table count() queries, maintained by
   * bulkWrite in this process (the data-dir lock keeps other processes out).
   * Undefined until first computed, or after cleanup() invalidated it.
   */
  counts: { live: number; total: number } | undefined;
  /** Parsed documents by rowid (doc-cache.ts), invalidated by this process's writes. */
  readonly cache: DocumentCache;
};

const TABLES = new Map<string, SharedTableState>();

function key(filePath: string, table: string): string {
  return filePath + '\u0000' + table;
}

/** Returns the shared state for `table` in `filePath`, creating it on first use. */
export function acquireTableState(filePath: string, table: string): SharedTableState {
  const k = key(filePath, table);
  let state = TABLES.get(k);
  if (!state || state.removed) {
    state = {
      changes$: new Subject<ChangeBulk>(),
      removed: false,
      refs: 0,
      counts: undefined,
      cache: new DocumentCache(),
    };
    TABLES.set(k, state);
  }
  state.refs++;
  return state;
}

/** Drops one reference; the state is forgotten when nobody uses it. */
export function releaseTableState(filePath: string, table: string, state: SharedTableState): void {
  state.refs--;
  const k = key(filePath, table);
  if (state.refs <= 0) {
    // Nobody can read through this state any more; a reopen starts cold.
    state.cache.dispose();
    if (TABLES.get(k) === state) TABLES.delete(k);
  }
}

/**
 * Forgets every cached document and count of `filePath`'s tables; called
 * when another connection committed to the file (PRAGMA data_version).
 */
export function invalidateFile(filePath: string): void {
  const prefix = filePath + '\u0000';
  for (const [k, state] of TABLES) {
    if (!k.startsWith(prefix)) continue;
    state.cache.clear();
    state.counts = undefined;
  }
}
