/**
 * Raw node:sqlite equivalents of runPerformanceTests' read metrics (rxdb/plugins/test-utils,
 * performance.js), on a file with the same data shape written through the SQLite storage.
 *
 * What runPerformanceTests does, and what the raw side does for each step:
 * - 4 collections of `averageSchema`; one document into the second; 6 × `bulkInsert` of
 *   docsAmount/6 `averageSchemaData({ var1: idx % 2 + '', var2: idx % 4 })` into the first;
 *   then 50 serial inserts of `averageSchemaData({ var2: 1000 })`. Written here the same way,
 *   through RxDB and the storage under test, so the raw side reads the storage's own table.
 * - It closes and reopens the database before find-by-ids, before serial-find-by-id (which
 *   find-by-query follows on the same database) and before find-by-query-parallel (which 4x-count
 *   follows): the raw side opens a fresh connection at the same points (an empty page cache, as
 *   the storage gets; the storage's page-cache size), with its statements prepared beforehand,
 *   as a careful app would.
 * - Every read is one prepared select on the storage's table plus `JSON.parse` of each row; range
 *   bounds are RxDB's index strings for the same index the storage uses, computed before timing.
 */
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createRxDatabase, fillWithDefaultSettings, INDEX_MAX, INDEX_MIN, type RxStorage } from 'rxdb';
import { averageSchema, averageSchemaData } from 'rxdb/plugins/test-utils';
import { getIndexDefs, quoteIdent } from '../../main/core/storage/index-keys.ts';
import { RAW_PRAGMAS } from './storage-dataset-lib.ts';

type RawFile = { file: string; table: string; ids: string[]; serialIds: string[] };

/** Writes runPerformanceTests' data shape through `storage` into `dir/raw-perf.sqlite`. */
export async function writePerformanceData(
  storage: RxStorage<any, any>,
  dir: string,
  docsAmount: number,
): Promise<RawFile> {
  const db = await createRxDatabase({ name: 'raw-perf', storage, multiInstance: false, eventReduce: true });
  const schema = averageSchema();
  const cols = await db.addCollections(
    Object.fromEntries(Array.from({ length: 4 }, (_, i) => ['col' + i, { schema }])) as Record<string, { schema: any }>,
  );
  await cols.col1!.insert(averageSchemaData());
  const ids: string[] = [];
  for (let batch = 0; batch < 6; batch++) {
    const docs = Array.from({ length: docsAmount / 6 }, (_, idx) =>
      averageSchemaData({ var1: (idx % 2) + '', var2: idx % 4 }),
    );
    ids.push(...docs.map((doc) => doc.id));
    await cols.col0!.bulkInsert(docs);
  }
  const serialIds: string[] = [];
  for (let i = 0; i < 50; i++) {
    const doc = averageSchemaData({ var2: 1000 });
    serialIds.push(doc.id);
    await cols.col0!.insert(doc);
  }
  await db.close();
  return { file: path.join(dir, 'raw-perf.sqlite'), table: 'rx_col0_v0', ids, serialIds };
}

/** The (var2, var1) index as the storage keys it (the table is one it made, so compact keys). */
const var2Index = getIndexDefs(fillWithDefaultSettings(averageSchema())).find(
  (ix) => ix.key === '_deleted,var2,var1,id',
)!;

/** [lower, upper] BLOBs of `[_deleted = false, var2 = value, any, any]` on the (var2, var1) index. */
function var2Bounds(value: number): [Uint8Array, Uint8Array] {
  return [
    var2Index.lowerBound([false, value, INDEX_MIN, INDEX_MIN]),
    var2Index.upperBound([false, value, INDEX_MAX, INDEX_MAX]),
  ];
}

/** Times each read metric once on `data` (ms), reopening the connection where RxDB reopens. */
export function runRawReads(data: RawFile): Record<string, number> {
  const t = quoteIdent(data.table);
  const ix = quoteIdent(var2Index.column);
  const open = () => {
    const db = new DatabaseSync(data.file);
    db.exec(RAW_PRAGMAS);
    const prepare = (sql: string) => {
      const stmt = db.prepare(sql);
      stmt.setReturnArrays(true);
      return stmt;
    };
    return {
      db,
      byIds: prepare(`SELECT data FROM ${t} WHERE id IN (SELECT value FROM json_each(?)) AND deleted = 0`),
      byId: prepare(`SELECT data FROM ${t} WHERE id = ? AND deleted = 0`),
      sorted: prepare(`SELECT data FROM ${t} WHERE deleted = 0 ORDER BY ${ix}`),
      range: prepare(`SELECT data FROM ${t} WHERE ${ix} >= ? AND ${ix} <= ? ORDER BY ${ix}`),
      count: prepare(`SELECT count(*) FROM ${t} WHERE ${ix} >= ? AND ${ix} <= ?`),
    };
  };
  const parseAll = (rows: unknown[]) => rows.map((row) => JSON.parse((row as [string])[0]) as Record<string, any>);
  const bounds = [0, 1, 2, 3].map(var2Bounds);
  const timed = <T>(fn: () => T): [number, T] => {
    const start = performance.now();
    const result = fn();
    return [performance.now() - start, result];
  };

  let conn = open();
  const [findByIds, byIds] = timed(() => parseAll(conn.byIds.all(JSON.stringify(data.ids))));
  if (byIds.length !== data.ids.length) throw new Error(`raw find-by-ids: ${byIds.length} rows`);
  conn.db.close();

  conn = open();
  const [serialFind] = timed(() => {
    for (const id of data.serialIds) JSON.parse((conn.byId.get(id) as unknown as [string])[0]);
  });
  const [findByQuery, sorted] = timed(() => parseAll(conn.sorted.all()));
  if (sorted.length !== data.ids.length + data.serialIds.length) throw new Error('raw find-by-query: wrong count');
  const [propertyAccess, sum] = timed(() => {
    let total = 0;
    for (const doc of sorted) total += doc.deep.deeper.deepNr + doc.deep.deeper.deepNr;
    return total;
  });
  if (!(sum > 10)) throw new Error('raw property-access: no sum');
  conn.db.close();

  conn = open();
  const [parallel, found] = timed(() => bounds.map(([lower, upper]) => parseAll(conn.range.all(lower, upper))));
  if (found.reduce((n, docs) => n + docs.length, 0) !== data.ids.length) throw new Error('raw parallel: wrong sum');
  const [count4] = timed(() =>
    bounds.map(([lower, upper]) => (conn.count.get(lower, upper) as unknown as [number])[0]),
  );
  conn.db.close();

  return {
    [`find-by-ids-${data.ids.length}`]: findByIds,
    [`serial-find-by-id-${data.serialIds.length}`]: serialFind,
    'find-by-query': findByQuery,
    'find-by-query-parallel-4': parallel,
    '4x-count': count4,
    'property-access': propertyAccess,
  };
}
