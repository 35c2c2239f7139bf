import type { DatabaseSync } from 'node:sqlite';
import type { RxDocumentData, RxJsonSchema } from 'rxdb';
import { getIndexDefs, KEY_COLUMN_PREFIX, quoteIdent, type IndexDef, type KeyFormat } from './index-keys.ts';

/**
 * Rows converted to compact keys at most per start (per storage), a table at a time; a table
 * with more rows than what is left keeps padded keys, which read and write correctly, only
 * larger. The conversion runs at about 14,000 rows a second on the 2-core machine (225,000 rows
 * of a 50,000-people folder took 16 s), and it stalls the start without a word, so a start
 * spends at most some 4 s on it: a 2,000-people folder converts over two or three starts.
 */
export const CONVERSION_ROWS_PER_START = 50_000;

/** What is left of a start's conversion budget (see {@link CONVERSION_ROWS_PER_START}). */
export type ConversionBudget = { rows: number };

/** The key format of an existing table's columns (a table is all one format). */
export function tableKeyFormat(columns: ReadonlySet<string>): KeyFormat {
  for (const column of columns) if (column.startsWith(KEY_COLUMN_PREFIX.padded)) return 'padded';
  return 'compact';
}

/**
 * Rewrites a padded-key table with compact keys, in one transaction: a copy with the same rowids
 * (the document cache is keyed by them), the old table dropped, the copy renamed and indexed. A
 * crash or a failure anywhere leaves the table exactly as it was: false is returned, the table
 * opens with padded keys and is converted at a later open.
 * A table with more rows than the budget has left is left as it is (false); a converted one
 * spends its rows from the budget.
 */
export function convertToCompactKeys<RxDocType>(
  db: DatabaseSync,
  table: string,
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  budget: ConversionBudget,
): boolean {
  const t = quoteIdent(table);
  // The largest rowid, not count(*): counting a million rows at every start took 0.7 s, and
  // rowids only grow (a table's rows were never more than its largest rowid).
  const rows = (db.prepare(`SELECT max(rowid) AS n FROM ${t}`).get() as { n: number | null }).n ?? 0;
  if (budget.rows <= 0 || rows > budget.rows) return false;
  const indexes = getIndexDefs(schema, 'compact');
  const copy = table + ':converting';
  const c = quoteIdent(copy);
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(`CREATE TABLE ${c} (${tableColumnsSql(indexes)})`);
    const cols = indexes.map((ix) => ', ' + quoteIdent(ix.column)).join('');
    const insert = db.prepare(
      `INSERT INTO ${c} (rowid, id, deleted, lwt, data${cols}) VALUES (?, ?, ?, ?, ?${indexes.map(() => ', ?').join('')})`,
    );
    const read = db.prepare(`SELECT rowid, id, deleted, lwt, data FROM ${t} ORDER BY rowid`);
    read.setReturnArrays(true);
    for (const row of read.iterate() as Iterable<[number, string, number, number, string]>) {
      const doc = JSON.parse(row[4]) as RxDocumentData<RxDocType>;
      insert.run(...row, ...indexes.map((ix) => ix.keyOf(doc)));
    }
    db.exec(`DROP TABLE ${t}`);
    db.exec(`ALTER TABLE ${c} RENAME TO ${t}`);
    createIndexesSql(table, indexes).forEach((sql) => db.exec(sql));
    db.exec('COMMIT');
    budget.rows -= rows;
    return true;
  } catch {
    // The table is as it was, and padded keys work: a conversion that cannot finish (a full disk,
    // an I/O error, a damaged page or row in a database opened to rescue what it holds) must not
    // keep the data from opening. The tests hold that conversions finish everywhere else.
    if (db.isTransaction) db.exec('ROLLBACK');
    return false;
  }
}

/** Column list of a collection table (the key columns nullable, so one left by a removed index never blocks inserts). */
export function tableColumnsSql(indexes: readonly Pick<IndexDef<unknown>, 'column'>[]): string {
  const keys = indexes.map((ix) => `, ${quoteIdent(ix.column)} BLOB`).join('');
  return `id TEXT PRIMARY KEY NOT NULL, deleted INTEGER NOT NULL, lwt REAL NOT NULL, data TEXT NOT NULL${keys}`;
}

/** The table's index B-trees: one per key column, and cleanup()'s partial index of deleted rows by age. */
export function createIndexesSql(table: string, indexes: readonly Pick<IndexDef<unknown>, 'column'>[]): string[] {
  const t = quoteIdent(table);
  return [
    ...indexes.map(
      (ix) => `CREATE INDEX IF NOT EXISTS ${quoteIdent(table + ':' + ix.column)} ON ${t} (${quoteIdent(ix.column)})`,
    ),
    `CREATE INDEX IF NOT EXISTS ${quoteIdent(table + ':cleanup')} ON ${t} (lwt) WHERE deleted = 1`,
  ];
}
