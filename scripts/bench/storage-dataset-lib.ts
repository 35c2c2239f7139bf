/** Data, schemas, the raw node:sqlite reader and the timing helper of storage-dataset.ts. */
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { type PreparedQuery, type RxCollectionCreator, type RxDocumentData, type RxJsonSchema } from 'rxdb';
import { getIndexDefs, quoteIdent } from '../../main/core/storage/index-keys.ts';
import { PAGE_CACHE_KIB } from '../../main/core/storage/connection.ts';
import { rng } from '../../main/core/storage/test-helpers.ts';
import { median } from './storage-report.ts';

export type Contact = { id: string; name: string; company: string; createdAt: number };
export type Interaction = { id: string; contactId: string; date: number; kind: string; note: string };

const contactSchema: RxJsonSchema<Contact> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 12 },
    name: { type: 'string', maxLength: 80 },
    company: { type: 'string' },
    createdAt: { type: 'number', minimum: 0, maximum: 1e13, multipleOf: 1 },
  },
  required: ['id', 'name', 'company', 'createdAt'],
  indexes: ['name'],
};

const interactionSchema: RxJsonSchema<Interaction> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 12 },
    contactId: { type: 'string', maxLength: 12 },
    date: { type: 'number', minimum: 0, maximum: 1e13, multipleOf: 1 },
    kind: { type: 'string' },
    note: { type: 'string' },
  },
  required: ['id', 'contactId', 'date', 'kind', 'note'],
  indexes: [['contactId', 'date'], 'date'],
};

export const collections: Record<'contacts' | 'interactions', RxCollectionCreator> = {
  contacts: { schema: contactSchema },
  interactions: { schema: interactionSchema },
};

export type MetricKey = 'loadMs' | 'newest50' | 'contact50' | 'countAll' | 'countContact' | 'range' | 'rangeCold';
export type Metrics = Partial<Record<MetricKey, number>>;

export function generateData(nContacts: number, nInteractions: number, seed: number) {
  const random = rng(seed);
  const minDate = Date.UTC(2020, 0, 1);
  const maxDate = Date.UTC(2025, 0, 1);
  const kinds = ['email', 'call', 'meeting', 'note', 'message'];
  const contacts: Contact[] = Array.from({ length: nContacts }, (_, i) => ({
    id: 'c' + String(i).padStart(6, '0'),
    name: `Person ${Math.floor(random() * 1e6)} ${['Müller', 'Smith', '李', 'García', 'Ngọc'][i % 5]}`,
    company: 'Company ' + (i % 700),
    createdAt: minDate + Math.floor(random() * (maxDate - minDate)),
  }));
  const interactions: Interaction[] = Array.from({ length: nInteractions }, (_, i) => ({
    id: 'i' + String(i).padStart(7, '0'),
    contactId: (contacts[Math.floor(random() * nContacts)] as Contact).id,
    date: minDate + Math.floor(random() * (maxDate - minDate)),
    kind: kinds[i % kinds.length] as string,
    note: 'Talked about the project timeline and next steps. '.repeat(1 + (i % 3)),
  }));
  return { contacts, interactions, minDate, maxDate };
}

/** The read-side pragmas of the storage's connection (connection.ts), so both sides get the same page cache. */
export const RAW_PRAGMAS = `PRAGMA cache_size = -${PAGE_CACHE_KIB}; PRAGMA temp_store = MEMORY;`;

/**
 * The same select the storage runs, by hand, on the storage's own table: one prepared statement
 * per SQL text on a second connection to the file, `JSON.parse` of every row. `read(prepared)`
 * turns RxDB's query plan (the index the storage scans and its bounds) into SQL and parameters
 * before timing, as an app holding its keys would; the returned function is what gets timed.
 */
export function openRawReader(file: string, table: string, schema: RxJsonSchema<RxDocumentData<any>>) {
  const db = new DatabaseSync(file);
  db.exec(RAW_PRAGMAS);
  const indexes = getIndexDefs(schema);
  const statements = new Map<string, StatementSync>();
  const statement = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      stmt.setReturnArrays(true);
      statements.set(sql, stmt);
    }
    return stmt;
  };
  const where = (prepared: PreparedQuery<any>) => {
    const plan = prepared.queryPlan;
    // Keyed as the storage keys the tables it made (compact keys).
    const index = indexes.find((def) => def.key === (plan.index as string[]).join(','))!;
    const ix = quoteIdent(index.column);
    const sql = `${ix} ${plan.inclusiveStart ? '>=' : '>'} ? AND ${ix} ${plan.inclusiveEnd ? '<=' : '<'} ?`;
    const lower = index.lowerBound(plan.startKeys);
    const upper = index.upperBound(plan.endKeys);
    return { ix, sql, lower, upper };
  };
  const t = quoteIdent(table);
  return {
    /** Rows of the query's index range in `direction` (up to its limit), parsed. */
    read(prepared: PreparedQuery<any>, direction: 'ASC' | 'DESC'): () => unknown[] {
      const w = where(prepared);
      const limit = prepared.query.limit;
      const stmt = statement(
        `SELECT data FROM ${t} WHERE ${w.sql} ORDER BY ${w.ix} ${direction}${limit ? ` LIMIT ${limit}` : ''}`,
      );
      return () => stmt.all(w.lower, w.upper).map((row) => JSON.parse((row as unknown as [string])[0]));
    },
    /** count(*) over the query's index range. */
    count(prepared: PreparedQuery<any>): () => number {
      const w = where(prepared);
      const stmt = statement(`SELECT count(*) FROM ${t} WHERE ${w.sql}`);
      return () => (stmt.get(w.lower, w.upper) as unknown as [number])[0];
    },
    close: () => db.close(),
  };
}

export type RawReader = ReturnType<typeof openRawReader>;

/**
 * Median milliseconds of `iterations` calls of `storage(i)` and, interleaved with it, of
 * `raw(i)` (each after one warm-up call; the order alternates so neither side always runs on
 * the other's warmed caches). `setup(i)` runs untimed before both. Both return their result
 * size (rows or count), which must agree.
 */
export async function benchPair<S>(
  iterations: number,
  setup: (i: number) => S,
  storage: (s: S) => Promise<number>,
  raw: ((s: S) => number) | undefined,
): Promise<{ storage: number; raw?: number }> {
  const times = { storage: [] as number[], raw: [] as number[] };
  for (let i = -1; i < iterations; i++) {
    const s = setup(i < 0 ? iterations : i);
    let sizes: [number?, number?] = [];
    const runStorage = async () => {
      const start = performance.now();
      sizes[0] = await storage(s);
      if (i >= 0) times.storage.push(performance.now() - start);
    };
    const runRaw = () => {
      if (!raw) return;
      const start = performance.now();
      sizes[1] = raw(s);
      if (i >= 0) times.raw.push(performance.now() - start);
    };
    if (i % 2 === 0) {
      await runStorage();
      runRaw();
    } else {
      runRaw();
      await runStorage();
    }
    if (raw && sizes[0] !== sizes[1]) throw new Error(`storage returned ${sizes[0]} rows, raw ${sizes[1]}`);
    sizes = [];
  }
  return { storage: median(times.storage), raw: raw ? median(times.raw) : undefined };
}
