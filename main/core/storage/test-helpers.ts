/**
 * Shared fixtures for the SQLite storage tests, the fuzz script and the
 * crash child. Not a test file itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createRevision,
  fillWithDefaultSettings,
  normalizeMangoQuery,
  now,
  prepareQuery,
  type MangoQuery,
  type PreparedQuery,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageInstance,
} from 'rxdb';
import { databaseFilePath } from './connection.ts';
import { getIndexDefs, quoteIdent } from './index-keys.ts';
import { createIndexesSql, tableColumnsSql } from './key-format.ts';
import { tableName } from './table.ts';

export type Person = {
  id: string;
  name: string;
  age: number;
  score: number;
  active: boolean;
  tags: string[];
  city?: string;
  nested: { rank: number };
};

/** Raw (unfilled) schema; indexes cover string, integer, decimal and boolean fields. */
export const personSchemaJson: RxJsonSchema<Person> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    name: { type: 'string', maxLength: 30 },
    age: { type: 'integer', minimum: 0, maximum: 150, multipleOf: 1 },
    score: { type: 'number', minimum: 0, maximum: 1000, multipleOf: 0.01 },
    active: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    city: { type: 'string' },
    nested: { type: 'object', properties: { rank: { type: 'integer' } } },
  },
  required: ['id', 'name', 'age', 'score', 'active', 'tags', 'nested'],
  indexes: ['name', ['age', 'name'], ['active', 'score'], 'score'],
};

/** Schema as RxDB hands it to a storage (with _deleted/_meta/_rev and filled indexes). */
export function filledPersonSchema(): RxJsonSchema<RxDocumentData<Person>> {
  return fillWithDefaultSettings(structuredClone(personSchemaJson));
}

/** Creates a temp directory; `dispose()` deletes it recursively. */
export function makeTempDir(prefix = 'rapport-storage-'): { dir: string; dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Builds the stored form of a document the way RxDB's collection layer would. */
export function toStored<T extends { id: string }>(
  data: T,
  opts: { deleted?: boolean; lwt?: number; previous?: RxDocumentData<T> } = {},
): RxDocumentData<T> {
  const base = {
    ...structuredClone(data),
    _deleted: opts.deleted ?? false,
    _attachments: {},
    _meta: { lwt: opts.lwt ?? now() },
    _rev: '',
  } as RxDocumentData<T>;
  base._rev = createRevision('tst', opts.previous);
  return base;
}

export async function createInstance<T>(
  storage: RxStorage<any, any>,
  schema: RxJsonSchema<RxDocumentData<T>>,
  databaseName = 'testdb',
  collectionName = 'people',
  options: object = {},
): Promise<RxStorageInstance<T, any, any>> {
  return storage.createStorageInstance<T>({
    databaseInstanceToken: 'token-' + databaseName,
    databaseName,
    collectionName,
    schema,
    options,
    multiInstance: false,
    devMode: false,
  });
}

/** An empty collection table with padded keys, as versions before compact keys made them (key-format.ts). */
export function createPaddedTable<T>(
  dir: string,
  databaseName: string,
  collectionName: string,
  schema: RxJsonSchema<RxDocumentData<T>>,
): void {
  const db = new DatabaseSync(databaseFilePath(dir, databaseName));
  const table = tableName(collectionName, schema.version);
  const indexes = getIndexDefs(schema, 'padded');
  db.exec(`CREATE TABLE ${quoteIdent(table)} (${tableColumnsSql(indexes)})`);
  for (const sql of createIndexesSql(table, indexes)) db.exec(sql);
  db.close();
}

/** normalizeMangoQuery + prepareQuery, as RxDB does before calling storage.query(). */
export function prepare<T>(schema: RxJsonSchema<RxDocumentData<T>>, query: MangoQuery<T>): PreparedQuery<T> {
  return prepareQuery<T>(schema, normalizeMangoQuery<T>(schema, query as any));
}

/** Deterministic PRNG (mulberry32) so failing fuzz seeds can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
