import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { COLLECTIONS, type CollectionName } from '../db/collections.ts';
import { createStorage } from '../db/storage.ts';
import { acquireConnection, releaseConnection, withRelaxedCommits } from './connection.ts';
import { getRxStorageSqlite, RxStorageInstanceSqlite } from './index.ts';
import { createInstance, filledPersonSchema, makeTempDir, toStored, type Person } from './test-helpers.ts';

const level = (db: DatabaseSync) => (db.prepare('PRAGMA synchronous').get() as { synchronous: number }).synchronous;

it('commits without waiting for the disk inside, and puts the level back after, even after a failure', () => {
  const temp = makeTempDir('rapport-relaxed-');
  const file = path.join(temp.dir, 'x.sqlite');
  const db = acquireConnection(file, { synchronous: 'FULL', busyTimeoutMs: 1000 });
  try {
    expect(withRelaxedCommits(db, () => level(db))).toBe(1);
    expect(level(db)).toBe(2);
    expect(() =>
      withRelaxedCommits(db, () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(level(db)).toBe(2);
    // A connection that already does not wait is left as it is.
    db.exec('PRAGMA synchronous = OFF');
    expect(withRelaxedCommits(db, () => level(db))).toBe(0);
    expect(level(db)).toBe(0);
  } finally {
    releaseConnection(file);
    temp.dispose();
  }
});

it('puts FULL back before the next write when a transaction left open kept it from doing so at once', async () => {
  const temp = makeTempDir('rapport-relaxed-');
  const storage = getRxStorageSqlite({ databaseDirectory: temp.dir });
  const source = (await createInstance<Person>(storage, filledPersonSchema())) as RxStorageInstanceSqlite<Person>;
  const db = source.internals.db;
  try {
    // A ROLLBACK that failed leaves the transaction open, where SQLite refuses to change the level.
    expect(() =>
      withRelaxedCommits(db, () => {
        db.exec('BEGIN');
        throw new Error('disk I/O error');
      }),
    ).toThrow('disk I/O error');
    expect(level(db)).toBe(1);
    db.exec('ROLLBACK');
    const atCommit: number[] = [];
    const exec = db.exec.bind(db);
    db.exec = (sql: string) => {
      if (sql === 'COMMIT') atCommit.push(level(db));
      exec(sql);
    };
    const doc = toStored({
      id: 'a',
      name: 'a',
      age: 1,
      score: 1,
      active: true,
      tags: [],
      nested: { rank: 1 },
    } as Person);
    await source.bulkWrite([{ document: doc }], 'test');
    db.exec = exec;
    expect(atCommit).toEqual([2]);
  } finally {
    await source.close();
    temp.dispose();
  }
});

it("commits a relaxed collection's writes at NORMAL and every other collection's at FULL", async () => {
  const temp = makeTempDir('rapport-relaxed-');
  const storage = getRxStorageSqlite({ databaseDirectory: temp.dir });
  const schema = filledPersonSchema();
  const derived = (await createInstance<Person>(storage, schema, 'testdb', 'derived', {
    relaxedDurability: true,
  })) as RxStorageInstanceSqlite<Person>;
  const source = (await createInstance<Person>(storage, schema, 'testdb', 'source')) as RxStorageInstanceSqlite<Person>;
  const db = source.internals.db;
  // The level in effect when each COMMIT runs, on the connection both share.
  const atCommit: number[] = [];
  const exec = db.exec.bind(db);
  db.exec = (sql: string) => {
    if (sql === 'COMMIT') atCommit.push(level(db));
    exec(sql);
  };
  try {
    const doc = (id: string) =>
      toStored({ id, name: id, age: 1, score: 1, active: true, tags: [], nested: { rank: 1 } } as Person);
    await derived.bulkWrite([{ document: doc('a') }], 'test');
    await source.bulkWrite([{ document: doc('b') }], 'test');
    expect(atCommit).toEqual([1, 2]);
    expect(level(db)).toBe(2);
  } finally {
    db.exec = exec;
    await derived.close();
    await source.close();
    temp.dispose();
  }
});

it('opens exactly the derived collections with relaxed commits', async () => {
  const temp = makeTempDir('rapport-relaxed-');
  const db = await openDatabase(createStorage(temp.dir));
  try {
    for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
      const instance = db[name].internalStorageInstance;
      expect(instance).toBeInstanceOf(RxStorageInstanceSqlite);
      const { options } = instance as unknown as RxStorageInstanceSqlite<unknown>;
      expect(options.relaxedDurability === true, name).toBe(COLLECTIONS[name].kind === 'derived');
    }
  } finally {
    await db.close();
    temp.dispose();
  }
});

it("commits a new table's DDL at NORMAL (it holds no document) and the table's first write at FULL", async () => {
  const temp = makeTempDir('rapport-relaxed-');
  const storage = getRxStorageSqlite({ databaseDirectory: temp.dir });
  const first = (await createInstance<Person>(
    storage,
    filledPersonSchema(),
    'testdb',
    'first',
  )) as RxStorageInstanceSqlite<Person>;
  const db = first.internals.db;
  const atCommit: number[] = [];
  const exec = db.exec.bind(db);
  db.exec = (sql: string) => {
    if (sql === 'COMMIT') atCommit.push(level(db));
    exec(sql);
  };
  const second = (await createInstance<Person>(
    storage,
    filledPersonSchema(),
    'testdb',
    'second',
  )) as RxStorageInstanceSqlite<Person>;
  try {
    const doc = toStored({
      id: 'a',
      name: 'a',
      age: 1,
      score: 1,
      active: true,
      tags: [],
      nested: { rank: 1 },
    } as Person);
    await second.bulkWrite([{ document: doc }], 'test');
    expect(atCommit).toEqual([1, 2]);
    expect(level(db)).toBe(2);
  } finally {
    db.exec = exec;
    await second.close();
    await first.close();
    temp.dispose();
  }
});
