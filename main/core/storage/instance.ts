import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { Subject, type Observable, type Subscription } from 'rxjs';
import {
  categorizeBulkWriteRows,
  getPrimaryFieldOfPrimaryKey,
  getSortComparator,
  getStartIndexStringFromLowerBound,
  now,
  RX_META_LWT_MINIMUM,
  type BulkWriteRow,
  type EventBulk,
  type PreparedQuery,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageBulkWriteResponse,
  type RxStorageChangeEvent,
  type RxStorageCountResult,
  type RxStorageDefaultCheckpoint,
  type RxStorageInstance,
  type RxStorageQueryResult,
} from 'rxdb';
import { invalidateFile, releaseTableState, type ChangeBulk, type SharedTableState } from './change-bus.ts';
import { changedByOtherConnection, releaseConnection } from './connection.ts';
import { estimateBytes } from './doc-cache.ts';
import { adjustCachedCounts, computeCounts, wholeTableCount } from './counts.ts';
import { changesIndexFields, encodeIndexString, quoteIdent, samePrefix, type IndexDef } from './index-keys.ts';
import { planScan, rangeCountSql, rangeSelectSql } from './query-to-sql.ts';
import { rowValues, type TableStatements } from './table.ts';

/** Internals exposed for diagnostics and tests. */
export type SqliteStorageInternals = {
  readonly db: DatabaseSync;
  readonly filePath: string;
  readonly table: string;
  readonly indexes: readonly IndexDef<any>[];
  readonly shared: SharedTableState;
};

export type SqliteInstanceOptions = Record<string, never>;

type Doc<T> = RxDocumentData<T>;

/** Cache misses are fetched in batches of at most this many rowids. */
const FETCH_CHUNK = 4096;

export class RxStorageInstanceSqlite<RxDocType> implements RxStorageInstance<
  RxDocType,
  SqliteStorageInternals,
  SqliteInstanceOptions,
  RxStorageDefaultCheckpoint
> {
  readonly storage: RxStorage<SqliteStorageInternals, SqliteInstanceOptions>;
  readonly databaseName: string;
  readonly collectionName: string;
  readonly schema: Readonly<RxJsonSchema<Doc<RxDocType>>>;
  readonly internals: SqliteStorageInternals;
  readonly options: Readonly<SqliteInstanceOptions>;
  readonly primaryPath: string;
  closed = false;
  private readonly statements: TableStatements;
  private readonly indexesByKey: Map<string, IndexDef<RxDocType>>;
  private readonly sqlCache = new Map<string, StatementSync>();
  private readonly changes$ = new Subject<EventBulk<RxStorageChangeEvent<RxDocType>, RxStorageDefaultCheckpoint>>();
  private readonly busSubscription: Subscription;

  constructor(
    storage: RxStorage<SqliteStorageInternals, SqliteInstanceOptions>,
    databaseName: string,
    collectionName: string,
    schema: RxJsonSchema<Doc<RxDocType>>,
    internals: SqliteStorageInternals,
    options: SqliteInstanceOptions,
    statements: TableStatements,
  ) {
    this.storage = storage;
    this.databaseName = databaseName;
    this.collectionName = collectionName;
    this.schema = schema;
    this.internals = internals;
    this.options = options;
    this.statements = statements;
    this.primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string;
    this.indexesByKey = new Map(internals.indexes.map((ix) => [ix.key, ix as IndexDef<RxDocType>]));
    this.busSubscription = internals.shared.changes$.subscribe((bulk) =>
      this.changes$.next(bulk as unknown as EventBulk<RxStorageChangeEvent<RxDocType>, RxStorageDefaultCheckpoint>),
    );
  }

  bulkWrite(
    documentWrites: BulkWriteRow<RxDocType>[],
    context: string,
  ): Promise<RxStorageBulkWriteResponse<RxDocType>> {
    this.ensureUsable();
    if (documentWrites.length === 0) return Promise.resolve({ error: [] });
    const { db, indexes } = this.internals;
    const pk = this.primaryPath;
    // IMMEDIATE takes the write lock before reading, so the conflict check
    // and the write see the same state even with a second connection.
    db.exec('BEGIN IMMEDIATE');
    let categorized: ReturnType<typeof categorizeBulkWriteRows<RxDocType>>;
    const cache = this.internals.shared.cache;
    try {
      // Under the write lock: drop caches if another connection committed.
      this.dropCachesIfChangedElsewhere();
      const ids = documentWrites.map((row) => (row.document as Record<string, unknown>)[pk] as string);
      const found = this.statements.selectRowidsByIds.all(JSON.stringify(ids)) as unknown as [number, string][];
      const rowids = found.map((row) => row[0]);
      const docs = this.materialize(rowids);
      const inDb = new Map<string, Doc<RxDocType>>();
      const rowidById = new Map<string, number>();
      for (let i = 0; i < found.length; i++) {
        const [rowid, id] = found[i] as [number, string];
        inDb.set(id, docs[i] as Doc<RxDocType>);
        rowidById.set(id, rowid);
      }
      categorized = categorizeBulkWriteRows<RxDocType>(
        this,
        pk as Extract<keyof RxDocType, string>,
        inDb,
        documentWrites,
        context,
      );
      // Cache entries are dropped before each write: if the transaction
      // rolls back we merely lose cache entries, never serve unsaved data.
      for (const row of categorized.bulkInsertDocs) {
        const doc = row.document;
        const result = this.statements.insert.run(
          (doc as Record<string, unknown>)[pk] as string,
          ...rowValues(doc, indexes),
        );
        cache.delete(Number(result.lastInsertRowid));
      }
      for (const row of categorized.bulkUpdateDocs) {
        const doc = row.document;
        const id = (doc as Record<string, unknown>)[pk] as string;
        const rowid = rowidById.get(id);
        if (rowid !== undefined) cache.delete(rowid);
        this.statements.update.run(...rowValues(doc, indexes), id);
      }
      db.exec('COMMIT');
      adjustCachedCounts(this.internals.shared, this.primaryPath, categorized, inDb);
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      this.internals.shared.counts = undefined;
      throw error;
    }
    if (categorized.eventBulk.events.length > 0 && categorized.newestRow) {
      const last = categorized.newestRow.document;
      categorized.eventBulk.checkpoint = { id: (last as Record<string, unknown>)[pk] as string, lwt: last._meta.lwt };
      this.internals.shared.changes$.next(categorized.eventBulk as unknown as ChangeBulk);
    }
    return Promise.resolve({ error: categorized.errors });
  }

  findDocumentsById(ids: string[], withDeleted: boolean): Promise<Doc<RxDocType>[]> {
    this.ensureReadable();
    if (ids.length === 0) return Promise.resolve([]);
    const rows = this.statements.selectRowidsByIds.all(JSON.stringify(ids)) as unknown as [number, string][];
    const docs = this.materialize(rows.map((row) => row[0]));
    return Promise.resolve(withDeleted ? docs : docs.filter((doc) => !doc._deleted));
  }

  /**
   * Documents for `rowids`, in the same order: cache hits as-is, misses
   * fetched in one statement per chunk, parsed and cached.
   * @throws if a rowid has no row (cannot happen: callers read the rowids
   *   in the same synchronous call, with no write in between).
   */
  private materialize(rowids: readonly number[]): Doc<RxDocType>[] {
    const cache = this.internals.shared.cache;
    const out = new Array<Doc<RxDocType>>(rowids.length);
    let missing: Map<number, number> | undefined;
    for (let i = 0; i < rowids.length; i++) {
      const rowid = rowids[i] as number;
      const doc = cache.get(rowid);
      if (doc !== undefined) out[i] = doc as Doc<RxDocType>;
      else (missing ??= new Map()).set(rowid, i);
    }
    if (!missing) return out;
    const keys = [...missing.keys()];
    for (let start = 0; start < keys.length; start += FETCH_CHUNK) {
      const chunk = keys.length <= FETCH_CHUNK ? keys : keys.slice(start, start + FETCH_CHUNK);
      for (const row of this.statements.selectDataByRowids.all(JSON.stringify(chunk)) as unknown as [
        number,
        string,
      ][]) {
        const [rowid, json] = row;
        const doc = JSON.parse(json) as Doc<RxDocType>;
        cache.offer(rowid, doc, estimateBytes(json.length));
        out[missing.get(rowid) as number] = doc;
        missing.delete(rowid);
      }
    }
    if (missing.size > 0)
      throw new Error(`SQLite storage: ${missing.size} row(s) vanished during a read of ${this.internals.table}`);
    return out;
  }

  query(prepared: PreparedQuery<RxDocType>): Promise<RxStorageQueryResult<RxDocType>> {
    this.ensureReadable();
    return Promise.resolve({ documents: this.runQuery(prepared) });
  }

  private runQuery(prepared: PreparedQuery<RxDocType>): Doc<RxDocType>[] {
    const query = prepared.query;
    const skip = query.skip ? query.skip : 0;
    const limit = typeof query.limit === 'number' ? query.limit : Infinity;
    if (limit <= 0) return [];
    const want = skip + limit;
    const plan = planScan(this.schema, this.primaryPath, this.indexesByKey, prepared);
    const table = this.internals.table;

    if (plan.sortMode === 'exact' && !plan.matcher) {
      const stmt = this.cached(rangeSelectSql(table, plan, { withIndexColumn: false, paged: true }), true);
      const rows = stmt.all(plan.lower, plan.upper, Number.isFinite(limit) ? limit : -1, skip) as unknown as [number][];
      return this.materialize(rows.map((row) => row[0]));
    }

    const streaming = plan.sortMode !== 'none' && Number.isFinite(want);
    const prefix = plan.sortMode === 'prefix';
    const stmt = this.cached(rangeSelectSql(table, plan, { withIndexColumn: streaming && prefix, paged: false }), true);
    const matcher = plan.matcher;
    let docs: Doc<RxDocType>[];
    if (!streaming) {
      docs = this.materialize((stmt.all(plan.lower, plan.upper) as unknown as [number][]).map((row) => row[0]));
      if (matcher) docs = docs.filter(matcher);
    } else if (!matcher) {
      // Every row matches: decide where to stop on index keys alone, then
      // materialise just those rows.
      const rowids: number[] = [];
      let tieKey: Uint8Array | null = null;
      for (const row of stmt.iterate(plan.lower, plan.upper) as Iterable<[number, Uint8Array]>) {
        if (tieKey && !samePrefix(tieKey, row[1], plan.tieBytes)) break;
        rowids.push(row[0]);
        if (rowids.length === want) tieKey = row[1];
      }
      docs = this.materialize(rowids);
    } else {
      docs = this.streamMatches(stmt, plan.lower, plan.upper, matcher, want, prefix ? plan.tieBytes : -1);
    }
    if (plan.sortMode !== 'exact') {
      docs.sort(getSortComparator(this.schema, query) as (a: Doc<RxDocType>, b: Doc<RxDocType>) => number);
    }
    if (skip > 0 || docs.length > want) docs = docs.slice(skip, want);
    return docs;
  }

  /**
   * Streams the range in index order, materialising rows in growing chunks,
   * until `want` documents matched; with `tieBytes >= 0` (prefix sort) it
   * then finishes the tie group of the last needed row.
   */
  private streamMatches(
    stmt: StatementSync,
    lower: Uint8Array,
    upper: Uint8Array,
    matcher: (doc: Doc<RxDocType>) => boolean,
    want: number,
    tieBytes: number,
  ): Doc<RxDocType>[] {
    const docs: Doc<RxDocType>[] = [];
    const rowids: number[] = [];
    const keys: Uint8Array[] = [];
    let tieKey: Uint8Array | null = null;
    let chunkSize = Math.min(Math.max(want, 16), 256);
    /** Processes the buffered rows; true once the scan can stop. */
    const drain = (): boolean => {
      const batch = this.materialize(rowids);
      for (let i = 0; i < batch.length; i++) {
        if (tieKey && !samePrefix(tieKey, keys[i] as Uint8Array, tieBytes)) return true;
        const doc = batch[i] as Doc<RxDocType>;
        if (!matcher(doc)) continue;
        docs.push(doc);
        if (docs.length === want) {
          if (tieBytes < 0) return true;
          tieKey = keys[i] as Uint8Array;
        }
      }
      rowids.length = 0;
      keys.length = 0;
      return false;
    };
    let stopped = false;
    for (const row of stmt.iterate(lower, upper) as Iterable<[number, Uint8Array?]>) {
      rowids.push(row[0]);
      if (tieBytes >= 0) keys.push(row[1] as Uint8Array);
      if (rowids.length >= chunkSize) {
        if (drain()) {
          stopped = true;
          break;
        }
        chunkSize = Math.min(chunkSize * 2, FETCH_CHUNK);
      }
    }
    if (!stopped && rowids.length > 0) drain();
    return docs;
  }

  count(prepared: PreparedQuery<RxDocType>): Promise<RxStorageCountResult> {
    this.ensureReadable();
    const whole = wholeTableCount(prepared.query.selector as Record<string, unknown>);
    if (whole) {
      // A B-tree COUNT is O(rows); whole-table counts are served from a cache.
      const counts =
        this.internals.shared.counts ?? computeCounts(this.internals.db, this.internals.table, this.internals.shared);
      return Promise.resolve({ count: counts[whole], mode: 'fast' });
    }
    const plan = planScan(this.schema, this.primaryPath, this.indexesByKey, prepared);
    if (!plan.matcher) {
      const row = this.cached(rangeCountSql(this.internals.table, plan)).get(plan.lower, plan.upper) as { n: number };
      return Promise.resolve({ count: row.n, mode: 'fast' });
    }
    const stmt = this.cached(
      rangeSelectSql(this.internals.table, plan, { withIndexColumn: false, paged: false }),
      true,
    );
    const rowids = (stmt.all(plan.lower, plan.upper) as unknown as [number][]).map((row) => row[0]);
    let count = 0;
    for (let start = 0; start < rowids.length; start += FETCH_CHUNK) {
      for (const doc of this.materialize(rowids.slice(start, start + FETCH_CHUNK))) if (plan.matcher(doc)) count++;
    }
    return Promise.resolve({ count, mode: 'fast' });
  }

  /**
   * Documents written after `checkpoint`, ordered by (lwt, id) in JS string
   * order (the changes index column), at most `limit` of them.
   */
  getChangedDocumentsSince(
    limit: number,
    checkpoint?: RxStorageDefaultCheckpoint,
  ): Promise<{ documents: Doc<RxDocType>[]; checkpoint: RxStorageDefaultCheckpoint }> {
    this.ensureReadable();
    const fields = changesIndexFields(this.primaryPath);
    const column = (this.indexesByKey.get(fields.join(',')) as IndexDef<RxDocType>).column;
    const lower = checkpoint
      ? getStartIndexStringFromLowerBound(this.schema, fields, [checkpoint.lwt, checkpoint.id])
      : getStartIndexStringFromLowerBound(this.schema, fields, [RX_META_LWT_MINIMUM, '']);
    const c = quoteIdent(column);
    const stmt = this.cached(
      `SELECT rowid FROM ${quoteIdent(this.internals.table)} WHERE ${c} ${checkpoint ? '>' : '>='} ? ORDER BY ${c} LIMIT ?`,
      true,
    );
    const rows = stmt.all(encodeIndexString(lower), Math.max(0, Math.floor(limit))) as unknown as [number][];
    const documents = this.materialize(rows.map((row) => row[0]));
    const last = documents.at(-1);
    return Promise.resolve({
      documents,
      checkpoint: last
        ? { id: (last as Record<string, unknown>)[this.primaryPath] as string, lwt: last._meta.lwt }
        : (checkpoint ?? { id: '', lwt: 0 }),
    });
  }

  changeStream(): Observable<EventBulk<RxStorageChangeEvent<RxDocType>, RxStorageDefaultCheckpoint>> {
    this.ensureUsable();
    return this.changes$.asObservable();
  }

  /** Purges deleted documents whose last write is older than `minimumDeletedTime` ms. */
  cleanup(minimumDeletedTime: number): Promise<boolean> {
    this.ensureUsable();
    this.dropCachesIfChangedElsewhere();
    const maxDeletionTime = now() - minimumDeletedTime;
    // RETURNING: a purged rowid may be reused by a later insert, so its cache entry must go.
    const purged = this.cached(
      `DELETE FROM ${quoteIdent(this.internals.table)} WHERE deleted = 1 AND lwt <= ? RETURNING rowid`,
      true,
    ).all(maxDeletionTime) as unknown as [number][];
    const cache = this.internals.shared.cache;
    for (const row of purged) cache.delete(row[0]);
    const counts = this.internals.shared.counts;
    if (counts) counts.total -= purged.length;
    return Promise.resolve(true);
  }

  getAttachmentData(documentId: string, attachmentId: string): Promise<never> {
    return Promise.reject(
      new Error(`SQLite storage does not store attachments (document ${documentId}, attachment ${attachmentId})`),
    );
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.busSubscription.unsubscribe();
    this.changes$.complete();
    this.sqlCache.clear();
    releaseTableState(this.internals.filePath, this.internals.table, this.internals.shared);
    releaseConnection(this.internals.filePath);
    return Promise.resolve();
  }

  /** Drops this collection's table; the file is deleted once no table is left. */
  async remove(): Promise<void> {
    this.ensureUsable();
    this.internals.db.exec(`DROP TABLE IF EXISTS ${quoteIdent(this.internals.table)}`);
    this.internals.shared.removed = true;
    this.internals.shared.cache.clear();
    this.closed = true;
    this.busSubscription.unsubscribe();
    this.changes$.complete();
    releaseTableState(this.internals.filePath, this.internals.table, this.internals.shared);
    releaseConnection(this.internals.filePath, true);
  }

  private ensureUsable(): void {
    if (this.closed) throw new Error(`SQLite storage instance ${this.collectionName} is closed`);
    if (this.internals.shared.removed) throw new Error(`SQLite storage collection ${this.collectionName} was removed`);
  }

  /** ensureUsable + drop caches if another connection wrote to the file. */
  private ensureReadable(): void {
    this.ensureUsable();
    this.dropCachesIfChangedElsewhere();
  }

  private dropCachesIfChangedElsewhere(): void {
    if (changedByOtherConnection(this.internals.filePath)) invalidateFile(this.internals.filePath);
  }

  /** Prepared statement for `sql`, reused; `arrays` makes rows arrays instead of objects. */
  private cached(sql: string, arrays = false): StatementSync {
    const key = arrays ? 'A' + sql : 'O' + sql;
    let stmt = this.sqlCache.get(key);
    if (!stmt) {
      stmt = this.internals.db.prepare(sql);
      if (arrays) stmt.setReturnArrays(true);
      this.sqlCache.set(key, stmt);
    }
    return stmt;
  }
}
