import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxDocumentData, type RxStorageInstance } from 'rxdb';
import { openConnectionCount } from './connection.ts';
import {
  configureDocumentCache,
  DEFAULT_CACHE_BYTES,
  DocumentCache,
  documentCacheStats,
  type CacheBudget,
} from './doc-cache.ts';
import { getRxStorageSqlite } from './index.ts';
import {
  createInstance,
  filledPersonSchema,
  makeTempDir,
  personSchemaJson,
  prepare,
  rng,
  toStored,
  type Person,
} from './test-helpers.ts';

const schema = filledPersonSchema();

function person(id: string, extra: Partial<Person> = {}): Person {
  return { id, name: 'n-' + id, age: 30, score: 1.5, active: true, tags: [], nested: { rank: 1 }, ...extra };
}

describe('DocumentCache (unit)', () => {
  const budget = (maxBytes: number): CacheBudget => ({ maxBytes, usedBytes: 0, freeze: false, caches: new Set() });

  it('serves hits, promotes old-generation hits and never exceeds the budget', () => {
    const b = budget(1000);
    const cache = new DocumentCache(b);
    for (let i = 0; i < 100; i++) {
      cache.set(i, { i }, 100);
      expect(b.usedBytes).toBeLessThanOrEqual(1000);
      expect(cache.bytes).toBe(b.usedBytes);
      // Keep rowid 0 hot: it must survive every rotation.
      expect(cache.get(0)).toEqual({ i: 0 });
    }
    expect(cache.size).toBeLessThanOrEqual(10);
    expect(cache.get(99)).toEqual({ i: 99 });
    expect(cache.get(1)).toBeUndefined();
    cache.delete(0);
    expect(cache.get(0)).toBeUndefined();
    expect(cache.bytes).toBe(b.usedBytes);
  });

  it('shares one budget between caches and evicts from the largest', () => {
    const b = budget(1000);
    const small = new DocumentCache(b);
    const large = new DocumentCache(b);
    small.set(1, { s: 1 }, 100);
    for (let i = 0; i < 50; i++) large.set(i, { i }, 100);
    expect(b.usedBytes).toBeLessThanOrEqual(1000);
    expect(small.get(1)).toEqual({ s: 1 });
    large.dispose();
    expect(b.usedBytes).toBe(small.bytes);
    large.set(1, {}, 10); // ignored after dispose
    expect(b.caches.size).toBe(1);
  });

  it('admits a document on its second miss only, so a one-pass scan leaves nothing behind', () => {
    const b = budget(1_000_000);
    const cache = new DocumentCache(b);
    for (let i = 0; i < 100; i++) cache.offer(i, { i }, 100);
    expect(cache.size).toBe(0);
    cache.offer(5, { i: 5 }, 100);
    expect(cache.get(5)).toEqual({ i: 5 });
    expect(b.usedBytes).toBe(100);
  });

  it('stores nothing with a zero budget', () => {
    const b = budget(0);
    const cache = new DocumentCache(b);
    cache.set(1, {}, 10);
    cache.offer(1, {}, 10);
    cache.offer(1, {}, 10);
    expect(cache.get(1)).toBeUndefined();
    expect(b.usedBytes).toBe(0);
  });
});

describe('SQLite storage document cache', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let open: RxStorageInstance<Person, any, any>[];

  beforeEach(() => {
    temp = makeTempDir();
    open = [];
    configureDocumentCache({ maxBytes: DEFAULT_CACHE_BYTES, freeze: true });
  });
  afterEach(async () => {
    for (const instance of open) await instance.close();
    expect(openConnectionCount()).toBe(0);
    expect(documentCacheStats().caches).toBe(0);
    configureDocumentCache({ maxBytes: DEFAULT_CACHE_BYTES, freeze: false });
    temp.dispose();
  });

  async function instance(dbName = 'cachedb') {
    const created = await createInstance<Person>(getRxStorageSqlite({ databaseDirectory: temp.dir }), schema, dbName);
    open.push(created);
    return created;
  }
  const byName = prepare(schema, { selector: {}, sort: [{ name: 'asc' }] });
  /** Reads twice: documents are admitted to the cache on their second miss. */
  async function twice<T>(read: () => Promise<T>): Promise<T> {
    await read();
    return read();
  }

  it('a write through one instance is seen by another instance of the same collection', async () => {
    const a = await instance();
    const b = await instance();
    const v1 = toStored(person('x', { name: 'first' }));
    await a.bulkWrite([{ document: v1 }], 'test');
    expect((await twice(() => b.findDocumentsById(['x'], false)))[0]).toEqual(v1); // now cached
    expect((await b.query(byName)).documents).toEqual([v1]);

    const v2 = toStored(person('x', { name: 'second' }), { previous: v1 });
    expect((await a.bulkWrite([{ previous: v1, document: v2 }], 'test')).error).toEqual([]);
    expect((await b.findDocumentsById(['x'], false))[0]).toEqual(v2);
    expect((await b.query(byName)).documents).toEqual([v2]);
    expect((await b.getChangedDocumentsSince!(10)).documents).toEqual([v2]);
    // A conflict check must compare against the new revision, not a cached old one.
    const stale = await b.bulkWrite([{ previous: v1, document: toStored(person('x'), { previous: v1 }) }], 'test');
    expect(stale.error[0]).toMatchObject({ status: 409, documentInDb: v2 });
  });

  it('hides a cached document once it is deleted, and shows it again when undeleted', async () => {
    const store = await instance();
    const alive = toStored(person('d'));
    await store.bulkWrite([{ document: alive }], 'test');
    await twice(() => store.findDocumentsById(['d'], false));
    const notDeleted = prepare(schema, { selector: { _deleted: { $eq: false } } as any, sort: [{ name: 'asc' }] });
    expect((await store.query(notDeleted)).documents.length).toBe(1);

    const deleted = toStored(person('d'), { deleted: true, previous: alive });
    await store.bulkWrite([{ previous: alive, document: deleted }], 'test');
    expect(await store.findDocumentsById(['d'], false)).toEqual([]);
    expect(await store.findDocumentsById(['d'], true)).toEqual([deleted]);
    expect((await store.query(notDeleted)).documents).toEqual([]);

    const back = toStored(person('d', { name: 'back' }), { previous: deleted });
    await store.bulkWrite([{ previous: deleted, document: back }], 'test');
    expect(await store.findDocumentsById(['d'], false)).toEqual([back]);
  });

  it('cleanup drops purged rows from the cache, so a reused rowid never serves the purged document', async () => {
    const store = await instance();
    const keep = toStored(person('keep'));
    const gone = toStored(person('gone', { name: 'zz-gone' }));
    await store.bulkWrite([{ document: keep }, { document: gone }], 'test'); // 'gone' gets the highest rowid
    const { db, table } = store.internals as { db: DatabaseSync; table: string };
    const rowidOf = (id: string) =>
      (db.prepare(`SELECT rowid AS r FROM "${table}" WHERE id = ?`).get(id) as { r: number }).r;
    const goneRowid = rowidOf('gone');
    const deleted = toStored(person('gone', { name: 'zz-gone' }), {
      deleted: true,
      lwt: Date.now() - 60_000,
      previous: gone,
    });
    await store.bulkWrite([{ previous: gone, document: deleted }], 'test');
    expect((await twice(() => store.query(byName))).documents).toEqual([keep, deleted]); // caches the deleted row
    await store.cleanup(1000);
    const fresh = toStored(person('fresh', { name: 'zz-fresh' }));
    await store.bulkWrite([{ document: fresh }], 'test');
    expect(rowidOf('fresh')).toBe(goneRowid); // SQLite reused the purged rowid
    expect((await store.query(byName)).documents).toEqual([keep, fresh]);
    expect(await store.findDocumentsById(['gone', 'fresh'], true)).toEqual([fresh]);
  });

  it('never serves a stale document: random writes and reads always equal a fresh parse of the row', async () => {
    // A tiny budget so evictions, rotations and promotions happen all the time.
    configureDocumentCache({ maxBytes: 8 * 1024 });
    const a = await instance();
    const b = await instance();
    const { table } = a.internals as { table: string };
    const raw = new DatabaseSync(path.join(temp.dir, 'cachedb.sqlite'), { readOnly: true });
    const fresh = raw.prepare(`SELECT data FROM "${table}" WHERE id = ?`);
    const random = rng(7);
    const current = new Map<string, RxDocumentData<Person>>();
    const queries = [
      byName,
      prepare(schema, { selector: { age: { $gte: 40 } }, sort: [{ age: 'desc' }], limit: 7 }),
      prepare(schema, { selector: { active: true, score: { $lt: 500 } }, sort: [{ score: 'asc' }] }),
      prepare(schema, { selector: { _deleted: { $eq: false } } as any, sort: [{ name: 'desc' }], limit: 5, skip: 2 }),
    ];
    const check = (docs: RxDocumentData<Person>[]) => {
      for (const doc of docs) {
        const row = fresh.get(doc.id) as { data: string } | undefined;
        expect(row, doc.id).toBeDefined();
        if (!isDeepStrictEqual(doc, JSON.parse((row as { data: string }).data))) throw new Error(`stale ${doc.id}`);
      }
    };
    for (let round = 0; round < 60; round++) {
      const writer = random() < 0.5 ? a : b;
      const reader = writer === a ? b : a;
      const writes: { previous?: RxDocumentData<Person>; document: RxDocumentData<Person> }[] = [];
      for (let k = 0; k < 8; k++) {
        const id = 'p' + Math.floor(random() * 40);
        const previous = current.get(id);
        const data = person(id, {
          name: 'n' + Math.floor(random() * 1000),
          age: Math.floor(random() * 100),
          score: Math.floor(random() * 1000),
        });
        const doc = toStored(data, { previous, deleted: random() < 0.15 });
        if (writes.some((w) => w.document.id === id)) continue;
        writes.push(previous ? { previous, document: doc } : { document: doc });
      }
      const result = await writer.bulkWrite(writes, 'test');
      expect(result.error).toEqual([]);
      for (const w of writes) current.set(w.document.id, w.document);
      if (round % 10 === 9) await reader.cleanup(0);
      for (const [id, doc] of current) if (doc._deleted && !fresh.get(id)) current.delete(id);
      for (const q of queries) check((await reader.query(q)).documents);
      const ids = [...current.keys()];
      const found = await reader.findDocumentsById(ids, true);
      check(found);
      expect(found.length).toBe(ids.length);
      expect(documentCacheStats().usedBytes).toBeLessThanOrEqual(8 * 1024);
    }
    raw.close();
  });

  it('keeps the cache within its budget while reading more documents than fit', async () => {
    configureDocumentCache({ maxBytes: 64 * 1024 });
    const store = await instance();
    const docs = Array.from({ length: 2000 }, (_, i) =>
      toStored(person('p' + String(i).padStart(4, '0'), { name: 'name ' + i })),
    );
    await store.bulkWrite(
      docs.map((document) => ({ document })),
      'test',
    );
    const all = prepare(schema, { selector: {}, sort: [{ id: 'asc' }] });
    expect((await store.query(all)).documents).toEqual(docs);
    expect((await store.query(all)).documents).toEqual(docs);
    const stats = documentCacheStats();
    expect(stats.usedBytes).toBeLessThanOrEqual(64 * 1024);
    expect(stats.documents).toBeGreaterThan(0);
    expect(stats.documents).toBeLessThan(2000);
    expect((await store.query(all)).documents).toEqual(docs);
    configureDocumentCache({ maxBytes: 0 });
    expect(documentCacheStats().usedBytes).toBe(0);
    expect((await store.findDocumentsById(['p0007'], false))[0]).toEqual(docs[7]);
  });

  it('drops the cache when another connection commits to the file (PRAGMA data_version)', async () => {
    const store = await instance();
    const doc = toStored(person('e', { name: 'before' }));
    await store.bulkWrite([{ document: doc }], 'test');
    expect((await twice(() => store.findDocumentsById(['e'], false)))[0]?.name).toBe('before');
    const { table } = store.internals as { table: string };
    const other = new DatabaseSync(path.join(temp.dir, 'cachedb.sqlite'));
    other.prepare(`UPDATE "${table}" SET data = ? WHERE id = 'e'`).run(JSON.stringify({ ...doc, name: 'after' }));
    other.close();
    expect((await store.findDocumentsById(['e'], false))[0]?.name).toBe('after');
  });

  it("drops the cache on another connection's commit also when reads skip the data column (mostly hits)", async () => {
    const store = await instance();
    const docs = ['g1', 'g2', 'g3'].map((id, i) => toStored(person(id, { age: 40 + i, name: 'before' })));
    await store.bulkWrite(
      docs.map((document) => ({ document })),
      'test',
    );
    const byAge = prepare(schema, { selector: { age: { $gte: 40, $lte: 42 } }, sort: [{ age: 'asc' }] });
    for (let i = 0; i < 6; i++) await store.query(byAge); // admitted, then hits: scans select NULL for data
    expect(store.internals.shared.cache.hitRate).toBeGreaterThan(0.5);
    const { table } = store.internals as { table: string };
    const other = new DatabaseSync(path.join(temp.dir, 'cachedb.sqlite'));
    other.prepare(`UPDATE "${table}" SET data = ? WHERE id = 'g2'`).run(JSON.stringify({ ...docs[1], name: 'after' }));
    other.close();
    expect((await store.query(byAge)).documents.map((d) => d.name)).toEqual(['before', 'after', 'before']);
  });

  it('returns cached documents frozen when freeze is on, so a caller mutation cannot corrupt later reads', async () => {
    const store = await instance();
    await store.bulkWrite([{ document: toStored(person('f')) }], 'test');
    const [first] = await twice(() => store.findDocumentsById(['f'], false));
    expect(() => {
      (first as RxDocumentData<Person>).nested.rank = 99;
    }).toThrow(TypeError);
    expect((await store.findDocumentsById(['f'], false))[0]?.nested.rank).toBe(1);
  });

  it('RxDB never mutates the shared cached documents (collection reads, patches, removes)', async () => {
    // Cached documents are frozen here: any mutation by RxDB would throw.
    const db = await createRxDatabase({
      name: 'rxcache',
      storage: getRxStorageSqlite({ databaseDirectory: temp.dir }),
      multiInstance: false,
    });
    try {
      const { people } = await db.addCollections({ people: { schema: personSchemaJson } });
      await people!.bulkInsert([person('r1'), person('r2', { age: 50 })]);
      const docs = await people!.find({ sort: [{ name: 'asc' }] }).exec();
      const mutable = docs[0]!.toMutableJSON();
      mutable.name = 'changed locally';
      await docs[0]!.incrementalPatch({ age: 31 });
      await docs[1]!.incrementalModify((d: Person) => ({ ...d, tags: ['x'] }));
      const again = await people!.findByIds(['r1', 'r2']).exec();
      expect(again.get('r1')!.name).toBe('n-r1');
      expect(again.get('r1')!.age).toBe(31);
      expect(again.get('r2')!.tags).toEqual(['x']);
      await again.get('r2')!.remove();
      expect((await people!.find().exec()).map((d) => d.id)).toEqual(['r1']);
      const stored = await people!.storageInstance.findDocumentsById(['r1', 'r2'], true);
      expect(stored.map((d) => [d.id, d._deleted, d.age]).sort()).toEqual([
        ['r1', false, 31],
        ['r2', true, 50],
      ]);
    } finally {
      await db.close();
    }
  });
});
