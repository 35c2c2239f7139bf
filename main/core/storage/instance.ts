import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { Subject, type Observable, type Subscription } from 'rxjs';
import {
  categorizeBulkWriteRows,
  getPrimaryFieldOfPrimaryKey,
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
import {
  changedByOtherConnection,
  DATA_VERSION_SQL,
  releaseConnection,
  restoreOwedLevel,
  withRelaxedCommits,
} from './connection.ts';
import { adjustCachedCounts, computeCounts, wholeTableCount } from './counts.ts';
import { changesIndexFields, quoteIdent, type IndexDef } from './index-keys.ts';
import { planScan, rangeScanSql, ScanVariant, type ScanPlan, type ShapeCache } from './query-to-sql.ts';
import { DocumentReader, type Row } from './reader.ts';
import { rowValues, type TableStatements } from './table.ts';

/** Internals exposed for diagnostics and tests. */
export type SqliteStorageInternals = {
  readonly db: DatabaseSync;
  readonly filePath: string;
  readonly table: string;
  readonly indexes: readonly IndexDef<any>[];
  readonly shared: SharedTableState;
};

export type SqliteInstanceOptions = {
  /**
   * Derived data, rebuilt from source data: its commits do not wait for the disk
   * (`withRelaxedCommits`, connection.ts).
   */
  relaxedDurability?: boolean;
};

type Doc<T> = RxDocumentData<T>;

/** Largest chunk a streaming scan with a JS matcher materialises at once. */
const STREAM_CHUNK = 4096;

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
  private readonly shapes: ShapeCache = new Map();
  private readonly reader: DocumentReader;
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
    this.reader = new DocumentReader(internals.shared, internals.filePath, internals.table, statements);
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
    const cache = this.internals.shared.cache;
    const write = (): ReturnType<typeof categorizeBulkWriteRows<RxDocType>> => {
      // IMMEDIATE takes the write lock before reading, so the conflict check
      // and the write see the same state even with a second connection.
      db.exec('BEGIN IMMEDIATE');
      try {
        // Under the write lock: drop caches if another connection committed.
        this.dropCachesIfChangedElsewhere();
        const ids = documentWrites.map((row) => (row.document as Record<string, unknown>)[pk] as string);
        const found = this.selectByIds(ids);
        const docs = this.reader.documents<RxDocType>(found);
        const inDb = new Map<string, Doc<RxDocType>>();
        const rowidById = new Map<string, number>();
        for (let i = 0; i < found.length; i++) {
          const row = found[i] as Row;
          inDb.set(row[3] as string, docs[i] as Doc<RxDocType>);
          rowidById.set(row[3] as string, row[0]);
        }
        const categorized = categorizeBulkWriteRows<RxDocType>(
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
        return categorized;
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        this.internals.shared.counts = undefined;
        throw error;
      }
    };
    restoreOwedLevel(db);
    const categorized = this.options.relaxedDurability ? withRelaxedCommits(db, write) : write();
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
    const docs = this.reader.documents<RxDocType>(this.selectByIds(ids));
    return Promise.resolve(withDeleted ? docs : docs.filter((doc) => !doc._deleted));
  }

  /** Reader rows (plus `id` as 4th column) of the stored documents among `ids`. */
  private selectByIds(ids: readonly string[]): Row[] {
    return this.statements.selectByIds[this.reader.withData].all(JSON.stringify(ids)) as unknown as Row[];
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
    const plan = planScan(this.schema, this.primaryPath, this.indexesByKey, this.shapes, prepared);
    const sortMode = plan.shape.sortMode;
    const data = this.reader.withData ? ScanVariant.data : 0;
    const matcher = plan.matcher;

    if (sortMode === 'exact' && !matcher) {
      const rows = this.scan(plan, data | ScanVariant.paged, Number.isFinite(limit) ? limit : -1, skip);
      return this.reader.documents<RxDocType>(rows);
    }
    let docs: Doc<RxDocType>[];
    if (sortMode === 'none' || !Number.isFinite(want)) {
      docs = this.reader.documents<RxDocType>(this.scan(plan, data));
      if (matcher) docs = docs.filter(matcher);
    } else if (!matcher) {
      docs = this.prefixDocs(plan, data, want);
    } else {
      const rows = this.scanStatement(plan, data).iterate(plan.lower, plan.upper);
      docs = this.streamMatches(rows, matcher, want, undefined, sortMode === 'prefix' ? plan.shape.tieKey : undefined);
    }
    if (sortMode !== 'exact') docs.sort(plan.shape.compare);
    if (skip > 0 || docs.length > want) docs = docs.slice(skip, want);
    return docs;
  }

  /** Runs the plan's range scan (statement `variant`, see ScanVariant) and returns all rows. */
  private scan(plan: ScanPlan<RxDocType>, variant: number, ...paging: number[]): Row[] {
    return this.scanStatement(plan, variant).all(plan.lower, plan.upper, ...paging) as unknown as Row[];
  }

  private scanStatement(plan: ScanPlan<RxDocType>, variant: number): StatementSync {
    const statements = plan.shape.statements;
    let stmt = statements.get(variant);
    if (!stmt) {
      stmt = this.internals.db.prepare(rangeScanSql(this.internals.table, plan.shape, variant));
      stmt.setReturnArrays(true);
      statements.set(variant, stmt);
    }
    return stmt;
  }

  /**
   * Documents of a prefix-sorted scan with every row matching: the first `want`
   * in index order plus the rest of the last one's tie group. Reads `want + 1`
   * rows in one statement; only when the extra row ties does it stream on
   * through the tie group.
   */
  private prefixDocs(plan: ScanPlan<RxDocType>, data: number, want: number): Doc<RxDocType>[] {
    const variant = data | ScanVariant.paged;
    const docs = this.reader.documents<RxDocType>(this.scan(plan, variant, want + 1, 0));
    if (docs.length <= want) return docs;
    const tieKey = plan.shape.tieKey;
    const tie = tieKey(docs[want - 1] as Doc<RxDocType>);
    if (tieKey(docs[want] as Doc<RxDocType>) !== tie) return docs.slice(0, want);
    const stmt = this.scanStatement(plan, variant);
    return docs.concat(
      this.streamMatches(stmt.iterate(plan.lower, plan.upper, -1, want + 1), null, Infinity, tie, tieKey),
    );
  }

  /**
   * Streams scan rows, materialising them in growing chunks, until `want`
   * documents matched; with `tieKey`, it then finishes the tie group of the
   * last needed one (prefix sort). Given `tie`, the stream starts inside that
   * tie group and stops where it ends.
   */
  private streamMatches(
    scanRows: Iterable<unknown>,
    matcher: ((doc: Doc<RxDocType>) => boolean) | null,
    want: number,
    tie?: string,
    tieKey?: (doc: Doc<RxDocType>) => string,
  ): Doc<RxDocType>[] {
    const docs: Doc<RxDocType>[] = [];
    const rows: Row[] = [];
    let chunkSize = Number.isFinite(want) ? Math.min(Math.max(want, 16), 256) : 16;
    /** Processes the buffered rows; true once the scan can stop. */
    const drain = (): boolean => {
      for (const doc of this.reader.documents<RxDocType>(rows)) {
        if (tie !== undefined && tieKey!(doc) !== tie) return true;
        if (matcher && !matcher(doc)) continue;
        docs.push(doc);
        if (docs.length === want) {
          if (!tieKey) return true;
          tie = tieKey(doc);
        }
      }
      rows.length = 0;
      return false;
    };
    for (const row of scanRows as Iterable<Row>) {
      rows.push(row);
      if (rows.length >= chunkSize) {
        if (drain()) return docs;
        chunkSize = Math.min(chunkSize * 2, STREAM_CHUNK);
      }
    }
    if (rows.length > 0) drain();
    return docs;
  }

  count(prepared: PreparedQuery<RxDocType>): Promise<RxStorageCountResult> {
    this.ensureUsable();
    const whole = wholeTableCount(prepared.query.selector as Record<string, unknown>);
    if (whole) {
      // A B-tree COUNT is O(rows); whole-table counts are served from a cache.
      this.dropCachesIfChangedElsewhere();
      const counts =
        this.internals.shared.counts ?? computeCounts(this.internals.db, this.internals.table, this.internals.shared);
      return Promise.resolve({ count: counts[whole], mode: 'fast' });
    }
    const plan = planScan(this.schema, this.primaryPath, this.indexesByKey, this.shapes, prepared);
    const matcher = plan.matcher;
    if (!matcher) {
      const row = this.scanStatement(plan, ScanVariant.count).get(plan.lower, plan.upper) as unknown as [
        number,
        number,
      ];
      this.reader.checkVersion(row[1]);
      return Promise.resolve({ count: row[0], mode: 'fast' });
    }
    const rows = this.scan(plan, this.reader.withData ? ScanVariant.data : 0);
    let count = 0;
    for (let start = 0; start < rows.length; start += STREAM_CHUNK) {
      const end = Math.min(rows.length, start + STREAM_CHUNK);
      for (const doc of this.reader.documents<RxDocType>(rows, start, end)) if (matcher(doc)) count++;
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
    const index = this.indexesByKey.get(changesIndexFields(this.primaryPath).join(',')) as IndexDef<RxDocType>;
    const lower = index.lowerBound(checkpoint ? [checkpoint.lwt, checkpoint.id] : [RX_META_LWT_MINIMUM, '']);
    const c = quoteIdent(index.column);
    const stmt = this.cached(
      `SELECT rowid, ${this.reader.withData ? 'data' : 'NULL'}, ${DATA_VERSION_SQL} FROM ${quoteIdent(this.internals.table)} WHERE ${c} ${checkpoint ? '>' : '>='} ? ORDER BY ${c} LIMIT ?`,
      true,
    );
    const rows = stmt.all(lower, Math.max(0, Math.floor(limit))) as unknown as Row[];
    const documents = this.reader.documents<RxDocType>(rows);
    const last = documents.at(-1);
    return Promise.resolve({
      documents,
      checkpoint: last
        ? { id: (last as Record<string, unknown>)[this.primaryPath] as string, lwt: last._meta.lwt }
        : (checkpoint ?? { id: '', lwt: 0 }),
    });
  }

  /**
   * The checkpoint of the table's latest write, deleted documents included (null when empty): it
   * moves on with every write whoever made it, so a value computed from the table can be kept
   * with it and trusted while it has not moved (reminders/remembered-today.ts).
   */
  lastWrite(): RxStorageDefaultCheckpoint | null {
    this.ensureUsable();
    const index = this.indexesByKey.get(changesIndexFields(this.primaryPath).join(',')) as IndexDef<RxDocType>;
    const c = quoteIdent(index.column);
    const stmt = this.cached(`SELECT id, lwt FROM ${quoteIdent(this.internals.table)} ORDER BY ${c} DESC LIMIT 1`);
    const row = stmt.get() as { id: string; lwt: number } | undefined;
    return row ? { id: row.id, lwt: row.lwt } : null;
  }

  /** The stamp of the last write to each of `ids` that was ever written (deleted ones too), by id. */
  lastWritesOf(ids: readonly string[]): RxStorageDefaultCheckpoint[] {
    this.ensureUsable();
    const stmt = this.cached(
      `SELECT id, lwt FROM ${quoteIdent(this.internals.table)} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    );
    return (stmt.all(JSON.stringify(ids)) as { id: string; lwt: number }[]).map(({ id, lwt }) => ({ id, lwt }));
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
