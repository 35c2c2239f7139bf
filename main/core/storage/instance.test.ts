import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventBulk, RxDocumentData, RxStorageInstance } from 'rxdb';
import { openConnectionCount } from './connection.ts';
import { getRxStorageSqlite, RxStorageInstanceSqlite } from './index.ts';
import { createInstance, filledPersonSchema, makeTempDir, prepare, toStored, type Person } from './test-helpers.ts';

const schema = filledPersonSchema();

function person(id: string, extra: Partial<Person> = {}): Person {
  return { id, name: 'n-' + id, age: 30, score: 1.5, active: true, tags: [], nested: { rank: 1 }, ...extra };
}

describe('SQLite RxStorage instance', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let open: RxStorageInstance<Person, any, any>[];

  beforeEach(() => {
    temp = makeTempDir();
    open = [];
  });
  afterEach(async () => {
    for (const instance of open) await instance.close();
    expect(openConnectionCount()).toBe(0);
    temp.dispose();
  });

  async function instance(dbName = 'testdb', storage = getRxStorageSqlite({ databaseDirectory: temp.dir })) {
    const created = await createInstance<Person>(storage, schema, dbName);
    open.push(created);
    return created;
  }

  it('stores documents in <dir>/<databaseName>.sqlite and reads them back after reopening', async () => {
    const first = await instance('crm');
    const doc = toStored(person('a', { name: 'Ada 🚀' }));
    expect((await first.bulkWrite([{ document: doc }], 'test')).error).toEqual([]);
    await first.close();
    expect(existsSync(path.join(temp.dir, 'crm.sqlite'))).toBe(true);

    const second = await instance('crm');
    expect(await second.findDocumentsById(['a'], false)).toEqual([doc]);
  });

  it('lastWrite moves with every insert, update and delete, to the latest of them', async () => {
    const store = (await instance()) as RxStorageInstanceSqlite<Person>;
    expect(store.lastWrite()).toBeNull();
    const marks = [];
    const a1 = toStored(person('a'));
    const b1 = toStored(person('b'));
    await store.bulkWrite([{ document: a1 }, { document: b1 }], 'test');
    marks.push(store.lastWrite());
    expect(marks[0]).toEqual({ id: 'b', lwt: b1._meta.lwt });
    const a2 = toStored(person('a', { age: 31 }), { previous: a1 });
    await store.bulkWrite([{ previous: a1, document: a2 }], 'test');
    marks.push(store.lastWrite());
    const a3 = toStored(person('a'), { previous: a2, deleted: true });
    await store.bulkWrite([{ previous: a2, document: a3 }], 'test');
    marks.push(store.lastWrite());
    expect(marks.at(-1)).toEqual({ id: 'a', lwt: a3._meta.lwt });
    expect(new Set(marks.map((m) => JSON.stringify(m))).size).toBe(3);
  });

  it('returns a 409 with documentInDb when inserting an existing id or writing with a stale revision', async () => {
    const store = await instance();
    const v1 = toStored(person('a'));
    await store.bulkWrite([{ document: v1 }], 'test');

    const duplicate = await store.bulkWrite([{ document: toStored(person('a', { age: 99 })) }], 'test');
    expect(duplicate.error).toHaveLength(1);
    expect(duplicate.error[0]).toMatchObject({ status: 409, documentId: 'a', documentInDb: v1 });

    const v2 = toStored(person('a', { age: 31 }), { previous: v1 });
    expect((await store.bulkWrite([{ previous: v1, document: v2 }], 'test')).error).toEqual([]);
    const stale = await store.bulkWrite(
      [{ previous: v1, document: toStored(person('a', { age: 32 }), { previous: v1 }) }],
      'test',
    );
    expect(stale.error[0]).toMatchObject({ status: 409, documentInDb: v2 });
    expect((await store.findDocumentsById(['a'], false))[0]?.age).toBe(31);
  });

  it('writes the non-conflicting rows of a batch even when other rows conflict', async () => {
    const store = await instance();
    const a = toStored(person('a'));
    await store.bulkWrite([{ document: a }], 'test');
    const result = await store.bulkWrite(
      [{ document: toStored(person('a')) }, { document: toStored(person('b')) }],
      'test',
    );
    expect(result.error.map((e) => e.documentId)).toEqual(['a']);
    expect((await store.findDocumentsById(['b'], false)).map((d) => d.id)).toEqual(['b']);
  });

  it('hides deleted documents unless withDeleted is set, and excludes them from _deleted:false queries', async () => {
    const store = await instance();
    const a = toStored(person('a'));
    const b = toStored(person('b'));
    await store.bulkWrite([{ document: a }, { document: b }], 'test');
    const aDeleted = toStored(person('a'), { deleted: true, previous: a });
    await store.bulkWrite([{ previous: a, document: aDeleted }], 'test');

    expect((await store.findDocumentsById(['a', 'b'], false)).map((d) => d.id)).toEqual(['b']);
    expect((await store.findDocumentsById(['a', 'b'], true)).map((d) => d.id).sort()).toEqual(['a', 'b']);
    const live = await store.query(prepare(schema, { selector: { _deleted: { $eq: false } } as any }));
    expect(live.documents.map((d) => d.id)).toEqual(['b']);
    const count = await store.count(prepare(schema, { selector: { _deleted: { $eq: false } } as any }));
    expect(count.count).toBe(1);
  });

  it('emits INSERT, UPDATE and DELETE events with a checkpoint of the last written row', async () => {
    const store = await instance();
    const bulks: EventBulk<any, any>[] = [];
    const sub = store.changeStream().subscribe((bulk) => bulks.push(bulk));
    const a = toStored(person('a'));
    const b = toStored(person('b'));
    await store.bulkWrite([{ document: a }, { document: b }], 'ctx-insert');
    const a2 = toStored(person('a', { age: 40 }), { previous: a });
    await store.bulkWrite([{ previous: a, document: a2 }], 'ctx-update');
    await store.bulkWrite(
      [{ previous: a2, document: toStored(person('a'), { deleted: true, previous: a2 }) }],
      'ctx-del',
    );
    await store.bulkWrite([{ document: toStored(person('b')) }], 'conflict-only');
    sub.unsubscribe();

    expect(bulks.map((bulk) => bulk.context)).toEqual(['ctx-insert', 'ctx-update', 'ctx-del']);
    expect(bulks.map((bulk) => bulk.events.map((e: any) => `${e.operation}:${e.documentId}`))).toEqual([
      ['INSERT:a', 'INSERT:b'],
      ['UPDATE:a'],
      ['DELETE:a'],
    ]);
    expect(bulks[0]?.checkpoint).toEqual({ id: 'b', lwt: b._meta.lwt });
    expect(bulks[1]?.events[0].previousDocumentData).toEqual(a);
  });

  it('pages through getChangedDocumentsSince in (lwt, id) order without gaps or duplicates', async () => {
    const store = await instance();
    // Several docs share one lwt so the id tie-breaker matters; ids include astral characters.
    const ids = ['b', 'a', '😀x', 'c', '\uFF61', 'aa', 'z', 'é', '😀', 'm', 'k', 'd'];
    const lwts = [1000, 1000, 1000, 2000.5, 2000.5, 3000, 3000, 3000, 3000, 4000, 5000, 5000];
    await store.bulkWrite(
      ids.map((id, i) => ({ document: toStored(person(id), { lwt: lwts[i] }) })),
      'test',
    );

    const expected = ids
      .map((id, i) => ({ id, lwt: lwts[i] as number }))
      .sort((x, y) => x.lwt - y.lwt || (x.id < y.id ? -1 : 1))
      .map((x) => x.id);
    const seen: string[] = [];
    let checkpoint: any;
    for (let page = 0; page < 10; page++) {
      const result = await store.getChangedDocumentsSince!(5, checkpoint);
      if (result.documents.length === 0) break;
      expect(result.documents.length).toBeLessThanOrEqual(5);
      seen.push(...result.documents.map((d) => d.id));
      checkpoint = result.checkpoint;
    }
    expect(seen).toEqual(expected);

    const updated = toStored(person('a', { age: 1 }), { lwt: 9000, previous: undefined });
    const current = (await store.findDocumentsById(['a'], true))[0] as RxDocumentData<Person>;
    await store.bulkWrite([{ previous: current, document: updated }], 'test');
    const after = await store.getChangedDocumentsSince!(5, checkpoint);
    expect(after.documents.map((d) => d.id)).toEqual(['a']);
    expect(after.checkpoint).toEqual({ id: 'a', lwt: 9000 });
  });

  it('cleanup purges only deleted documents older than minimumDeletedTime', async () => {
    const store = await instance();
    const old = Date.now() - 60_000;
    await store.bulkWrite(
      [
        { document: toStored(person('old-deleted'), { deleted: true, lwt: old }) },
        { document: toStored(person('new-deleted'), { deleted: true }) },
        { document: toStored(person('old-alive'), { lwt: old }) },
      ],
      'test',
    );
    expect(await store.cleanup(30_000)).toBe(true);
    const left = await store.findDocumentsById(['old-deleted', 'new-deleted', 'old-alive'], true);
    expect(left.map((d) => d.id).sort()).toEqual(['new-deleted', 'old-alive']);
    await store.cleanup(0);
    expect((await store.findDocumentsById(['new-deleted'], true)).length).toBe(0);
  });

  it('cleanup reads deleted rows through the partial index instead of scanning the table', async () => {
    const store = await instance();
    const { db, table } = store.internals as { db: import('node:sqlite').DatabaseSync; table: string };
    const plan = db.prepare(`EXPLAIN QUERY PLAN DELETE FROM "${table}" WHERE deleted = 1 AND lwt <= ?`).all(1) as {
      detail: string;
    }[];
    expect(plan.map((row) => row.detail).join(' | ')).toContain(`USING INDEX ${table}:cleanup`);
  });

  it('adds and back-fills an index column when an index appears without a version bump', async () => {
    const narrow = filledPersonSchema();
    narrow.indexes = (narrow.indexes as string[][]).filter((ix) => !ix.includes('score') || ix.includes('active'));
    const storage = getRxStorageSqlite({ databaseDirectory: temp.dir });
    const before = await createInstance<Person>(storage, narrow, 'grow');
    await before.bulkWrite(
      [1, 3, 2].map((n) => ({ document: toStored(person('p' + n, { score: n })) })),
      'test',
    );
    await before.close();

    const after = await instance('grow', storage);
    const query = prepare(schema, {
      selector: { score: { $gte: 2 } },
      sort: [{ score: 'desc' }],
      index: ['_deleted', 'score', 'id'],
    });
    expect((await after.query(query)).documents.map((d) => d.id)).toEqual(['p3', 'p2']);
  });

  it('keeps whole-table counts right across inserts, deletes, undeletes, conflicts and cleanup', async () => {
    const store = await instance();
    const live = () =>
      store.count(prepare(schema, { selector: { _deleted: { $eq: false } } as any })).then((r) => r.count);
    const total = () => store.count(prepare(schema, { selector: {} })).then((r) => r.count);
    const a = toStored(person('a'));
    await store.bulkWrite([{ document: a }, { document: toStored(person('b')) }], 'test');
    expect([await live(), await total()]).toEqual([2, 2]);
    const aDeleted = toStored(person('a'), { deleted: true, lwt: Date.now() - 60_000, previous: a });
    await store.bulkWrite([{ previous: a, document: aDeleted }, { document: toStored(person('b')) }], 'test');
    expect([await live(), await total()]).toEqual([1, 2]);
    const aBack = toStored(person('a'), { previous: aDeleted });
    await store.bulkWrite([{ previous: aDeleted, document: aBack }], 'test');
    expect([await live(), await total()]).toEqual([2, 2]);
    await store.bulkWrite(
      [
        {
          previous: aBack,
          document: toStored(person('a'), { deleted: true, lwt: Date.now() - 60_000, previous: aBack }),
        },
      ],
      'test',
    );
    await store.cleanup(1000);
    expect([await live(), await total()]).toEqual([1, 1]);
  });

  it('counts a table that already holds deleted rows when reopened', async () => {
    const first = await instance('counted');
    const a = toStored(person('a'));
    await first.bulkWrite(
      [{ document: a }, { document: toStored(person('b')) }, { document: toStored(person('c')) }],
      'test',
    );
    await first.bulkWrite([{ previous: a, document: toStored(person('a'), { deleted: true, previous: a }) }], 'test');
    await first.close();
    const second = await instance('counted');
    const live = await second.count(prepare(schema, { selector: { _deleted: { $eq: false } } as any }));
    const total = await second.count(prepare(schema, { selector: {} }));
    expect([live.count, total.count]).toEqual([2, 3]);
  });

  it("lets two instances of the same collection see each other's writes and change events", async () => {
    const a = await instance('shared', getRxStorageSqlite({ databaseDirectory: temp.dir }));
    const b = await instance('shared', getRxStorageSqlite({ databaseDirectory: temp.dir }));
    const seenByB: string[] = [];
    const sub = b.changeStream().subscribe((bulk) => seenByB.push(...bulk.events.map((e) => e.documentId)));
    await a.bulkWrite([{ document: toStored(person('from-a')) }], 'test');
    sub.unsubscribe();
    expect(seenByB).toEqual(['from-a']);
    expect((await b.findDocumentsById(['from-a'], false)).length).toBe(1);
  });

  it('rejects calls after close, keeps close idempotent, and completes the change stream', async () => {
    const store = await instance();
    let completed = false;
    store.changeStream().subscribe({ complete: () => (completed = true) });
    await store.close();
    await store.close();
    expect(completed).toBe(true);
    expect(() => store.findDocumentsById(['a'], false)).toThrow(/closed/);
  });

  it('remove() drops the data; the file is deleted once every collection is removed', async () => {
    const storage = getRxStorageSqlite({ databaseDirectory: temp.dir });
    const store = await createInstance<Person>(storage, schema, 'gone');
    await store.bulkWrite([{ document: toStored(person('a')) }], 'test');
    const other = await createInstance<Person>(storage, schema, 'gone');
    await store.remove();
    expect(() => other.findDocumentsById(['a'], false)).toThrow(/removed/);
    await other.close();
    expect(existsSync(path.join(temp.dir, 'gone.sqlite'))).toBe(false);

    const fresh = await instance('gone', storage);
    expect(await fresh.findDocumentsById(['a'], true)).toEqual([]);
  });

  it('refuses schemas with attachments and database names that would escape the directory', async () => {
    const storage = getRxStorageSqlite({ databaseDirectory: temp.dir });
    await expect(createInstance<Person>(storage, { ...schema, attachments: {} }, 'att')).rejects.toThrow(/attachments/);
    await expect(createInstance<Person>(storage, schema, '../evil')).rejects.toThrow(/Invalid database name/);
  });
});
