import type { TableStatements } from './table.ts';
import type { RxDocumentData } from 'rxdb';
import { invalidateFile, type SharedTableState } from './change-bus.ts';
import { noteDataVersion } from './connection.ts';
import { estimateBytes } from './doc-cache.ts';

/**
 * A row of every read statement: `[rowid, data or null, data_version, …]`.
 * Scans select the `data` column (one statement, like a hand-written
 * select) while recent reads of the table mostly missed the document cache,
 * and `NULL` instead while they mostly hit it (a covering-index scan: the
 * table rows are never touched, and only misses are fetched by rowid).
 */
export type Row = [rowid: number, data: string | null, dataVersion: number, ...rest: unknown[]];

/** Cache misses without data are fetched in batches of at most this many rowids. */
const FETCH_CHUNK = 4096;

/**
 * Turns rows into documents: cache hits as-is, rows with data parsed, rows
 * without fetched by rowid. Also the data_version guard: the version read
 * with the rows (same snapshot) drops every cache of the file when another
 * connection committed, before any cached document is used.
 */
export class DocumentReader {
  private readonly shared: SharedTableState;
  private readonly filePath: string;
  private readonly table: string;
  /** The table's statements, of which only `selectDataByRowids` (prepared at its first use). */
  private readonly statements: Pick<TableStatements, 'selectDataByRowids'>;

  constructor(
    shared: SharedTableState,
    filePath: string,
    table: string,
    statements: Pick<TableStatements, 'selectDataByRowids'>,
  ) {
    this.shared = shared;
    this.filePath = filePath;
    this.table = table;
    this.statements = statements;
  }

  /** Whether the next scan should select `data` (index 1 of a `[without, with]` statement pair). */
  get withData(): 0 | 1 {
    return this.shared.cache.hitRate < 0.5 ? 1 : 0;
  }

  /** Drops the file's caches if `dataVersion` (read with a statement's rows) shows another connection committed. */
  checkVersion(dataVersion: number | undefined): void {
    if (dataVersion !== undefined && noteDataVersion(this.filePath, dataVersion)) invalidateFile(this.filePath);
  }

  /**
   * Documents of `rows[start..end)`, in order.
   * @throws if a row without data has vanished by the time it is fetched
   *   (cannot happen: callers read the rows in the same synchronous call,
   *   with no write in between).
   */
  documents<RxDocType>(rows: readonly Row[], start = 0, end = rows.length): RxDocumentData<RxDocType>[] {
    this.checkVersion(rows[start]?.[2]);
    const cache = this.shared.cache;
    const out = new Array<RxDocumentData<RxDocType>>(end - start);
    let missing: Map<number, number> | undefined;
    let parsed = 0;
    for (let i = start; i < end; i++) {
      const row = rows[i] as Row;
      const rowid = row[0];
      let doc = cache.get(rowid);
      if (doc === undefined) {
        const json = row[1];
        if (json === null) {
          (missing ??= new Map()).set(rowid, i - start);
          continue;
        }
        doc = JSON.parse(json) as object;
        cache.offer(rowid, doc, estimateBytes(json.length));
        parsed++;
      }
      out[i - start] = doc as RxDocumentData<RxDocType>;
    }
    cache.noteRead(end - start, parsed + (missing ? missing.size : 0));
    if (missing) this.fetchMissing(missing, out);
    return out;
  }

  private fetchMissing<T>(missing: Map<number, number>, out: T[]): void {
    const cache = this.shared.cache;
    const keys = [...missing.keys()];
    const fetch = this.statements.selectDataByRowids;
    for (let start = 0; start < keys.length; start += FETCH_CHUNK) {
      const chunk = keys.length <= FETCH_CHUNK ? keys : keys.slice(start, start + FETCH_CHUNK);
      for (const row of fetch.all(JSON.stringify(chunk)) as unknown as [number, string][]) {
        const [rowid, json] = row;
        const doc = JSON.parse(json) as T & object;
        cache.offer(rowid, doc, estimateBytes(json.length));
        out[missing.get(rowid) as number] = doc;
        missing.delete(rowid);
      }
    }
    if (missing.size > 0) {
      throw new Error(`SQLite storage: ${missing.size} row(s) vanished during a read of ${this.table}`);
    }
  }
}
