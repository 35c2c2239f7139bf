/**
 * Bounded cache of parsed documents, one per table, keyed by SQLite rowid.
 *
 * Why rowid: every index B-tree stores (index column, rowid), so
 * `SELECT rowid … ORDER BY ix` is a covering-index scan that never touches
 * the table B-tree; only cache misses fetch and `JSON.parse` the `data`
 * column. Reading `id`/`lwt` instead would need a table lookup per row
 * (measured ~5× slower than rowid for a 730-row range).
 *
 * Validity: the storage owns every write to its tables (the data-folder lock
 * keeps other processes out, and all instances in this process share one
 * connection per file). bulkWrite/cleanup/remove invalidate the rowids they
 * touch, and `PRAGMA data_version` (checked before each read, see
 * connection.ts) drops every cache of a file whenever another connection
 * committed to it. Rowids are stable for our tables: rows are updated in
 * place (`UPDATE … WHERE id = ?`), and we never VACUUM (which may renumber
 * rowids of tables without an INTEGER PRIMARY KEY).
 *
 * Admission: a document is cached on its *second* miss within a while
 * (rowids of first misses are remembered in two bounded Sets of numbers,
 * rotated like the generations below). A scan that reads every row once
 * (replication, export, a one-off report) therefore parses and drops its
 * documents young, as without a cache; caching them instead promoted every
 * scanned document to V8's old space and left the process RSS ~100 MB
 * higher after a 200k-document scan (measured: 296 vs 198 MB), even with an
 * 8 MiB budget. Repeated reads (re-run queries, a timeline page, a contact's
 * history) hit from their third execution on.
 *
 * Eviction: two generations (young/old) per cache. Hits in `young` cost one
 * Map lookup; hits in `old` move the entry to `young`. When `young` exceeds
 * half the budget it becomes `old` and the previous `old` is dropped, which
 * approximates LRU without per-hit bookkeeping. One process-wide budget of
 * estimated bytes bounds all caches together: when exceeded, the largest
 * cache drops its old generation (or rotates).
 *
 * Cached objects are returned to callers as-is and shared between reads,
 * exactly like RxDB's memory storage returns its stored objects: RxDB treats
 * storage results as immutable (its dev-mode deep-freezes them). Set
 * `freeze` to deep-freeze cached documents so a mutation throws instead of
 * corrupting later reads (tests do).
 */

export type CacheBudget = {
  /** Upper bound of the summed size estimates; 0 disables caching. */
  maxBytes: number;
  usedBytes: number;
  /** Deep-freeze documents on insertion (tests; costs ~30% of a parse). */
  freeze: boolean;
  readonly caches: Set<DocumentCache>;
};

/** Default budget: ~50k typical documents (~25 MB of V8 heap measured for 50k 280-char interactions). */
export const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;

const PROCESS_BUDGET: CacheBudget = { maxBytes: DEFAULT_CACHE_BYTES, usedBytes: 0, freeze: false, caches: new Set() };

/** Sets the process-wide cache budget (bytes of estimated heap; 0 disables) and evicts down to it. */
export function configureDocumentCache(options: { maxBytes?: number; freeze?: boolean }): void {
  if (options.maxBytes !== undefined) PROCESS_BUDGET.maxBytes = Math.max(0, Math.floor(options.maxBytes));
  if (options.freeze !== undefined) PROCESS_BUDGET.freeze = options.freeze;
  enforceBudget(PROCESS_BUDGET);
}

/** Current process-wide budget and usage (diagnostics, tests). */
export function documentCacheStats(): { maxBytes: number; usedBytes: number; caches: number; documents: number } {
  let documents = 0;
  for (const cache of PROCESS_BUDGET.caches) documents += cache.size;
  return {
    maxBytes: PROCESS_BUDGET.maxBytes,
    usedBytes: PROCESS_BUDGET.usedBytes,
    caches: PROCESS_BUDGET.caches.size,
    documents,
  };
}

/**
 * Heap estimate of a parsed document from its JSON length: V8 needs ~1.5
 * bytes per JSON char for typical documents (2 for non-Latin-1 strings),
 * plus Map entry and wrapper (~64 bytes).
 */
export function estimateBytes(jsonLength: number): number {
  return 64 + 2 * jsonLength;
}

type Entry = { readonly doc: object; readonly bytes: number };

/** Rowids remembered per ghost generation (Sets of small integers: ~1–2 MB at most). */
const GHOST_GENERATION = 32_768;

export class DocumentCache {
  private young = new Map<number, Entry>();
  private old = new Map<number, Entry>();
  private youngBytes = 0;
  private oldBytes = 0;
  private disposed = false;
  private seenYoung = new Set<number>();
  private seenOld = new Set<number>();
  /**
   * Share of recent reads' rows found here (moving average over reads):
   * readers fetch `data` along with their scans while it is below 1/2.
   */
  hitRate = 0;
  readonly budget: CacheBudget;

  constructor(budget: CacheBudget = PROCESS_BUDGET) {
    this.budget = budget;
    budget.caches.add(this);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  get bytes(): number {
    return this.youngBytes + this.oldBytes;
  }

  get(rowid: number): object | undefined {
    const entry = this.young.get(rowid);
    if (entry !== undefined) return entry.doc;
    const promoted = this.old.get(rowid);
    if (promoted === undefined) return undefined;
    this.old.delete(rowid);
    this.oldBytes -= promoted.bytes;
    this.young.set(rowid, promoted);
    this.youngBytes += promoted.bytes;
    if (this.youngBytes > this.budget.maxBytes / 2) this.rotate();
    return promoted.doc;
  }

  /** Records a read of `rows` rows, `misses` of which were not cached. */
  noteRead(rows: number, misses: number): void {
    if (rows > 0) this.hitRate = (this.hitRate + (rows - misses) / rows) / 2;
  }

  /**
   * Offers a freshly parsed document after a miss: cached if `rowid` missed
   * recently already, else only remembered (see "Admission" above).
   */
  offer(rowid: number, doc: object, bytes: number): void {
    if (this.disposed || this.budget.maxBytes === 0) return;
    if (this.seenYoung.delete(rowid) || this.seenOld.delete(rowid)) {
      this.set(rowid, doc, bytes);
      return;
    }
    this.seenYoung.add(rowid);
    if (this.seenYoung.size >= GHOST_GENERATION) {
      this.seenOld = this.seenYoung;
      this.seenYoung = new Set();
    }
  }

  /** Caches `doc` unconditionally (replacing any entry for `rowid`). */
  set(rowid: number, doc: object, bytes: number): void {
    if (this.disposed || this.budget.maxBytes === 0) return;
    this.delete(rowid);
    if (this.budget.freeze) deepFreeze(doc);
    this.young.set(rowid, { doc, bytes });
    this.youngBytes += bytes;
    this.budget.usedBytes += bytes;
    if (this.youngBytes > this.budget.maxBytes / 2) this.rotate();
    if (this.budget.usedBytes > this.budget.maxBytes) enforceBudget(this.budget);
  }

  delete(rowid: number): void {
    let entry = this.young.get(rowid);
    if (entry !== undefined) {
      this.young.delete(rowid);
      this.youngBytes -= entry.bytes;
      this.budget.usedBytes -= entry.bytes;
      return;
    }
    entry = this.old.get(rowid);
    if (entry !== undefined) {
      this.old.delete(rowid);
      this.oldBytes -= entry.bytes;
      this.budget.usedBytes -= entry.bytes;
    }
  }

  clear(): void {
    this.budget.usedBytes -= this.youngBytes + this.oldBytes;
    this.young = new Map();
    this.old = new Map();
    this.youngBytes = 0;
    this.oldBytes = 0;
    this.seenYoung = new Set();
    this.seenOld = new Set();
  }

  /** Releases the memory and leaves the budget; later `set` calls are ignored. */
  dispose(): void {
    this.clear();
    this.disposed = true;
    this.budget.caches.delete(this);
  }

  /** Drops the old generation; returns false if there was nothing to drop. */
  dropOld(): boolean {
    if (this.old.size === 0) return false;
    this.budget.usedBytes -= this.oldBytes;
    this.old = new Map();
    this.oldBytes = 0;
    return true;
  }

  /** young becomes old; the previous old generation is dropped. */
  rotate(): void {
    this.dropOld();
    this.old = this.young;
    this.oldBytes = this.youngBytes;
    this.young = new Map();
    this.youngBytes = 0;
  }
}

function enforceBudget(budget: CacheBudget): void {
  while (budget.usedBytes > budget.maxBytes) {
    let largest: DocumentCache | undefined;
    for (const cache of budget.caches) if (!largest || cache.bytes > largest.bytes) largest = cache;
    if (!largest || largest.bytes === 0) return;
    if (!largest.dropOld()) largest.rotate();
  }
}

function deepFreeze(value: object): void {
  Object.freeze(value);
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== null && typeof child === 'object' && !Object.isFrozen(child)) deepFreeze(child);
  }
}
