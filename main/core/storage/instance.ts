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
import { releaseTableState, type ChangeBulk, type SharedTableState } from './change-bus.ts';
import { releaseConnection } from './connection.ts';
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

export class RxStorageInstanceSqlite<RxDocType>
  implements RxStorageInstance<RxDocType, SqliteStorageInternals, SqliteInstanceOptions, RxStorageDefaultCheckpoint>
{
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

  bulkWrite(documentWrites: BulkWriteRow<RxDocType>[], context: string): Promise<RxStorageBulkWriteResponse<RxDocType>> {
    this.ensureUsable();
    if (documentWrites.length === 0) return Promise.resolve({ error: [] });
    const { db, indexes } = this.internals;
    const pk = this.primaryPath;
    // IMMEDIATE takes the write lock before reading, so the conflict check
    // and the write see the same state even with a second connection.
    db.exec('BEGIN IMMEDIATE');
    let categorized: ReturnType<typeof categorizeBulkWriteRows<RxDocType>>;
    try {
      const ids = documentWrites.map((row) => (row.document as Record<string, unknown>)[pk] as string);
      const inDb = new Map<string, Doc<RxDocType>>();
      for (const row of this.statements.selectByIdsForWrite.all(JSON.stringify(ids)) as { id: string; data: string }[]) {
        inDb.set(row.id, JSON.parse(row.data) as Doc<RxDocType>);
      }
      categorized = categorizeBulkWriteRows<RxDocType>(this, pk as Extract<keyof RxDocType, string>, inDb, documentWrites, context);
      for (const row of categorized.bulkInsertDocs) {
        const doc = row.document;
        this.statements.insert.run((doc as Record<string, unknown>)[pk] as string, ...rowValues(doc, indexes));
      }
      for (const row of categorized.bulkUpdateDocs) {
        const doc = row.document;
        this.statements.update.run(...rowValues(doc, indexes), (doc as Record<string, unknown>)[pk] as string);
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
    this.ensureUsable();
    if (ids.length === 0) return Promise.resolve([]);
    const stmt = withDeleted ? this.statements.selectByIds : this.statements.selectByIdsNotDeleted;
    const rows = stmt.all(JSON.stringify(ids)) as { data: string }[];
    return Promise.resolve(rows.map((row) => JSON.parse(row.data) as Doc<RxDocType>));
  }

  query(prepared: PreparedQuery<RxDocType>): Promise<RxStorageQueryResult<RxDocType>> {
    this.ensureUsable();
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
      const stmt = this.cached(rangeSelectSql(table, plan, { withIndexColumn: false, paged: true }));
      const rows = stmt.all(plan.lower, plan.upper, Number.isFinite(limit) ? limit : -1, skip) as { data: string }[];
      return rows.map((row) => JSON.parse(row.data) as Doc<RxDocType>);
    }

    const streaming = plan.sortMode !== 'none' && Number.isFinite(want);
    const stmt = this.cached(rangeSelectSql(table, plan, { withIndexColumn: plan.sortMode === 'prefix', paged: false }));
    const matcher = plan.matcher;
    let docs: Doc<RxDocType>[] = [];
    if (!streaming) {
      for (const row of stmt.all(plan.lower, plan.upper) as { data: string }[]) {
        const doc = JSON.parse(row.data) as Doc<RxDocType>;
        if (!matcher || matcher(doc)) docs.push(doc);
      }
    } else {
      let tieKey: Uint8Array | null = null;
      for (const row of stmt.iterate(plan.lower, plan.upper) as Iterable<{ data: string; ix?: Uint8Array }>) {
        if (tieKey && !samePrefix(tieKey, row.ix as Uint8Array, plan.tieBytes)) break;
        const doc = JSON.parse(row.data) as Doc<RxDocType>;
        if (matcher && !matcher(doc)) continue;
        docs.push(doc);
        if (docs.length === want) {
          if (plan.sortMode === 'exact') break;
          tieKey = row.ix as Uint8Array;
        }
      }
    }
    if (plan.sortMode !== 'exact') {
      docs.sort(getSortComparator(this.schema, query) as (a: Doc<RxDocType>, b: Doc<RxDocType>) => number);
    }
    if (skip > 0 || docs.length > want) docs = docs.slice(skip, want);
    return docs;
  }

  count(prepared: PreparedQuery<RxDocType>): Promise<RxStorageCountResult> {
    this.ensureUsable();
    const whole = wholeTableCount(prepared.query.selector as Record<string, unknown>);
    if (whole) {
      // A B-tree COUNT is O(rows); whole-table counts are served from a cache.
      const counts = this.internals.shared.counts ?? computeCounts(this.internals.db, this.internals.table, this.internals.shared);
      return Promise.resolve({ count: counts[whole], mode: 'fast' });
    }
    const plan = planScan(this.schema, this.primaryPath, this.indexesByKey, prepared);
    if (!plan.matcher) {
      const row = this.cached(rangeCountSql(this.internals.table, plan)).get(plan.lower, plan.upper) as { n: number };
      return Promise.resolve({ count: row.n, mode: 'fast' });
    }
    const stmt = this.cached(rangeSelectSql(this.internals.table, plan, { withIndexColumn: false, paged: false }));
    let count = 0;
    for (const row of stmt.iterate(plan.lower, plan.upper) as Iterable<{ data: string }>) {
      if (plan.matcher(JSON.parse(row.data) as Doc<RxDocType>)) count++;
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
    this.ensureUsable();
    const fields = changesIndexFields(this.primaryPath);
    const column = (this.indexesByKey.get(fields.join(',')) as IndexDef<RxDocType>).column;
    const lower = checkpoint
      ? getStartIndexStringFromLowerBound(this.schema, fields, [checkpoint.lwt, checkpoint.id])
      : getStartIndexStringFromLowerBound(this.schema, fields, [RX_META_LWT_MINIMUM, '']);
    const c = quoteIdent(column);
    const stmt = this.cached(
      `SELECT data FROM ${quoteIdent(this.internals.table)} WHERE ${c} ${checkpoint ? '>' : '>='} ? ORDER BY ${c} LIMIT ?`,
    );
    const rows = stmt.all(encodeIndexString(lower), Math.max(0, Math.floor(limit))) as { data: string }[];
    const documents = rows.map((row) => JSON.parse(row.data) as Doc<RxDocType>);
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
    const maxDeletionTime = now() - minimumDeletedTime;
    const result = this.cached(`DELETE FROM ${quoteIdent(this.internals.table)} WHERE deleted = 1 AND lwt <= ?`).run(maxDeletionTime);
    const counts = this.internals.shared.counts;
    if (counts) counts.total -= Number(result.changes);
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

  private cached(sql: string): StatementSync {
    let stmt = this.sqlCache.get(sql);
    if (!stmt) {
      stmt = this.internals.db.prepare(sql);
      this.sqlCache.set(sql, stmt);
    }
    return stmt;
  }
}
