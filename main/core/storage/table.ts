import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { RxDocumentData, RxJsonSchema } from 'rxdb';
import { DATA_VERSION_SQL, withRelaxedCommits } from './connection.ts';
import { getIndexDefs, quoteIdent, type IndexDef } from './index-keys.ts';
import {
  convertToCompactKeys,
  createIndexesSql,
  tableColumnsSql,
  tableKeyFormat,
  type ConversionBudget,
} from './key-format.ts';

/**
 * Table name for one collection at one schema version. Each version gets
 * its own table so RxDB's schema migration can read the old one while
 * writing the new one.
 */
export function tableName(collectionName: string, schemaVersion: number): string {
  return `rx_${collectionName}_v${schemaVersion}`;
}

/**
 * Prepared statements of one collection table, each prepared at its first use and reused for every call.
 * The `select*` ones return arrays (`setReturnArrays`), which node:sqlite
 * materialises ~2× faster than row objects.
 */
export type TableStatements = {
  /**
   * Rows (see reader.ts) of the given ids (JSON array), plus `id` as 4th
   * column: `[0]` without data (a covering scan of the primary-key index),
   * `[1]` with it.
   */
  readonly selectByIds: readonly [StatementSync, StatementSync];
  /** [rowid, data] of the given rowids (JSON array): fetch of cache misses. */
  readonly selectDataByRowids: StatementSync;
  readonly insert: StatementSync;
  readonly update: StatementSync;
};

/**
 * Opens a collection's table: creates it with compact keys when missing, converts a table with
 * padded keys (key-format.ts), and adds any index column it lacks (an index was added without a
 * version bump), back-filled from the stored JSON so range scans see every row. Returns the
 * table's indexes in its key format.
 */
export function openTable<RxDocType>(
  db: DatabaseSync,
  table: string,
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  budget: ConversionBudget,
): IndexDef<RxDocType>[] {
  let existing = columnsOf(db, table);
  if (existing.size > 0 && tableKeyFormat(existing) === 'padded' && convertToCompactKeys(db, table, schema, budget)) {
    existing = columnsOf(db, table);
  }
  const indexes = getIndexDefs(schema, existing.size > 0 ? tableKeyFormat(existing) : 'compact');
  if (existing.size > 0 && indexes.every((ix) => existing.has(ix.column))) return indexes;
  // One transaction, committed without waiting for the disk: it changes no document (new tables
  // are empty; back-filled columns are keys derived from the stored JSON), and a power cut that
  // undoes it, with everything after it, leaves the table as this open found it, to redo.
  withRelaxedCommits(db, () => {
    db.exec('BEGIN IMMEDIATE');
    try {
      if (existing.size === 0) {
        db.exec(`CREATE TABLE IF NOT EXISTS ${quoteIdent(table)} (${tableColumnsSql(indexes)})`);
      } else {
        backfillColumns(
          db,
          table,
          indexes.filter((ix) => !existing.has(ix.column)),
        );
      }
      for (const sql of createIndexesSql(table, indexes)) db.exec(sql);
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  });
  return indexes;
}

function columnsOf(db: DatabaseSync, table: string): Set<string> {
  return new Set(
    (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name),
  );
}

/** Adds index columns to an existing table; runs inside openTable's transaction. */
function backfillColumns<RxDocType>(db: DatabaseSync, table: string, missing: readonly IndexDef<RxDocType>[]): void {
  const t = quoteIdent(table);
  for (const ix of missing) {
    db.exec(`ALTER TABLE ${t} ADD COLUMN ${quoteIdent(ix.column)} BLOB`);
  }
  const sets = missing.map((ix) => `${quoteIdent(ix.column)} = ?`).join(', ');
  const update = db.prepare(`UPDATE ${t} SET ${sets} WHERE id = ?`);
  for (const row of db.prepare(`SELECT id, data FROM ${t}`).all() as { id: string; data: string }[]) {
    const doc = JSON.parse(row.data) as RxDocumentData<RxDocType>;
    update.run(...missing.map((ix) => ix.keyOf(doc)), row.id);
  }
}

export function prepareTableStatements<RxDocType>(
  db: DatabaseSync,
  table: string,
  indexes: readonly IndexDef<RxDocType>[],
): TableStatements {
  const t = quoteIdent(table);
  const cols = indexes.map((ix) => quoteIdent(ix.column));
  // json_each lets one statement take any number of ids without building SQL per call.
  const arrays = (stmt: StatementSync) => {
    stmt.setReturnArrays(true);
    return stmt;
  };
  // Each prepared at its first use: a start opens 13 tables and touches a few of their statements.
  let selectByIds: [StatementSync, StatementSync] | undefined;
  let selectDataByRowids: StatementSync | undefined;
  let insert: StatementSync | undefined;
  let update: StatementSync | undefined;
  return {
    get selectByIds() {
      return (selectByIds ??= [false, true].map((withData) =>
        arrays(
          db.prepare(
            `SELECT rowid, ${withData ? 'data' : 'NULL'}, ${DATA_VERSION_SQL}, id FROM ${t} WHERE id IN (SELECT value FROM json_each(?))`,
          ),
        ),
      ) as [StatementSync, StatementSync]);
    },
    get selectDataByRowids() {
      return (selectDataByRowids ??= arrays(
        db.prepare(`SELECT rowid, data FROM ${t} WHERE rowid IN (SELECT value FROM json_each(?))`),
      ));
    },
    get insert() {
      return (insert ??= db.prepare(
        `INSERT INTO ${t} (id, deleted, lwt, data${cols.map((c) => ', ' + c).join('')}) VALUES (?, ?, ?, ?${cols.map(() => ', ?').join('')})`,
      ));
    },
    get update() {
      return (update ??= db.prepare(
        `UPDATE ${t} SET deleted = ?, lwt = ?, data = ?${cols.map((c) => `, ${c} = ?`).join('')} WHERE id = ?`,
      ));
    },
  };
}

/** Column values for INSERT/UPDATE, in statement order after `id`. */
export function rowValues<RxDocType>(
  doc: RxDocumentData<RxDocType>,
  indexes: readonly IndexDef<RxDocType>[],
): (string | number | Uint8Array)[] {
  const values: (string | number | Uint8Array)[] = [doc._deleted ? 1 : 0, doc._meta.lwt, JSON.stringify(doc)];
  for (const ix of indexes) values.push(ix.keyOf(doc));
  return values;
}
