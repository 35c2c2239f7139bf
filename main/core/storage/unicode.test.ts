import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RxStorageInstance } from 'rxdb';
import { decodeIndexString, encodeIndexString } from './index-keys.ts';
import { getRxStorageSqlite } from './index.ts';
import {
  createInstance,
  filledPersonSchema,
  makeTempDir,
  prepare,
  rng,
  toStored,
  type Person,
} from './test-helpers.ts';

const NAMES = [
  'a',
  'b',
  'z',
  'é',
  'Ω',
  '中文',
  '\uE000',
  '\uFF61',
  '\uFFFD',
  '\uFFFF',
  '😀',
  '😀a',
  '🚀',
  '𝔸',
  '𝔸b',
  'a😀',
  'a\uFFFF',
  'ab',
];
const schema = filledPersonSchema();

function byJs(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

describe('UTF-16BE index encoding', () => {
  it('makes SQLite BLOB order equal JS string order, where TEXT order differs above U+FFFF', () => {
    const db = new DatabaseSync(':memory:');
    db.exec('CREATE TABLE t (s TEXT, b BLOB)');
    const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
    for (const name of NAMES) insert.run(name, encodeIndexString(name));
    const blobOrder = (db.prepare('SELECT s FROM t ORDER BY b').all() as { s: string }[]).map((r) => r.s);
    const textOrder = (db.prepare('SELECT s FROM t ORDER BY s').all() as { s: string }[]).map((r) => r.s);
    const jsOrder = [...NAMES].sort(byJs);
    expect(blobOrder).toEqual(jsOrder);
    // The reason for BLOBs: UTF-8 (TEXT) puts U+E000..U+FFFF after emoji.
    expect(textOrder).not.toEqual(jsOrder);
    db.close();
  });

  it('round-trips and preserves order for random strings with lone surrogates', () => {
    const random = rng(42);
    const randomString = () =>
      Array.from({ length: Math.floor(random() * 6) }, () => String.fromCharCode(Math.floor(random() * 0x10000))).join(
        '',
      );
    for (let i = 0; i < 2000; i++) {
      const a = randomString();
      const b = randomString();
      expect(decodeIndexString(encodeIndexString(a))).toBe(a);
      expect(Math.sign(Buffer.compare(encodeIndexString(a), encodeIndexString(b)))).toBe(Math.sign(byJs(a, b)));
    }
  });
});

describe('unicode in indexed fields', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: RxStorageInstance<Person, any, any>;

  beforeAll(async () => {
    temp = makeTempDir();
    store = await createInstance<Person>(getRxStorageSqlite({ databaseDirectory: temp.dir }), schema);
    const docs = NAMES.map((name, i) => ({
      document: toStored<Person>({ id: 'id' + i, name, age: i, score: 1, active: true, tags: [], nested: { rank: 0 } }),
    }));
    await store.bulkWrite(docs, 'test');
  });
  afterAll(async () => {
    await store.close();
    temp.dispose();
  });

  const names = async (query: Parameters<typeof prepare<Person>>[1]) =>
    (await store.query(prepare(schema, query))).documents.map((d) => d.name);

  it('sorts emoji and astral characters ascending and descending like JS', async () => {
    const asc = [...NAMES].sort(byJs);
    expect(await names({ selector: { _deleted: { $eq: false } } as any, sort: [{ name: 'asc' }] })).toEqual(asc);
    expect(await names({ selector: { _deleted: { $eq: false } } as any, sort: [{ name: 'desc' }] })).toEqual(
      [...asc].reverse(),
    );
    expect(await names({ selector: {}, sort: [{ name: 'desc' }], limit: 3 })).toEqual([...asc].reverse().slice(0, 3));
  });

  it('answers range queries with astral bounds from the index', async () => {
    const cases: [Record<string, string>, (n: string) => boolean][] = [
      [{ $gt: '\uFFFD' }, (n) => n > '\uFFFD'],
      [{ $gte: '😀' }, (n) => n >= '😀'],
      [{ $lt: '𝔸' }, (n) => n < '𝔸'],
      [{ $gt: 'a', $lt: '😀' }, (n) => n > 'a' && n < '😀'],
      [{ $lte: '\uE000' }, (n) => n <= '\uE000'],
    ];
    for (const [range, predicate] of cases) {
      const expected = NAMES.filter(predicate).sort(byJs);
      expect(expected.length).toBeGreaterThan(0);
      expect(await names({ selector: { name: range }, sort: [{ name: 'asc' }] })).toEqual(expected);
      expect((await store.count(prepare(schema, { selector: { name: range } }))).count).toBe(expected.length);
    }
  });
});
