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

/** Records the level in effect when each COMMIT runs on `db`, until `stop()`. */
function commitLevels(db: DatabaseSync): { levels: number[]; stop(): void } {
  const levels: number[] = [];
  const exec = db.exec.bind(db);
  db.exec = (sql: string) => {
    if (sql === 'COMMIT') levels.push(level(db));
    exec(sql);
  };
  return { levels, stop: () => void (db.exec = exec) };
}

const person = (id: string) =>
  toStored({ id, name: id, age: 1, score: 1, active: true, tags: [], nested: { rank: 1 } } as Person);

const open = async (storage: ReturnType<typeof getRxStorageSqlite>, collection: string, relaxed = false) =>
  (await createInstance<Person>(
    storage,
    filledPersonSchema(),
    'testdb',
    collection,
    relaxed ? { relaxedDurability: true } : undefined,
  )) as RxStorageInstanceSqlite<Person>;

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
    const commits = commitLevels(db);
    await source.bulkWrite([{ document: person('a') }], 'test');
    commits.stop();
    expect(commits.levels).toEqual([2]);
  } finally {
    await source.close();
    temp.dispose();
  }
});

it("commits a relaxed collection's writes at NORMAL and every other collection's at FULL", async () => {
  const temp = makeTempDir('rapport-relaxed-');
  const storage = getRxStorageSqlite({ databaseDirectory: temp.dir });
  const derived = await open(storage, 'derived', true);
  const source = await open(storage, 'source');
  // On the connection both share.
  const commits = commitLevels(source.internals.db);
  try {
    await derived.bulkWrite([{ document: person('a') }], 'test');
    await source.bulkWrite([{ document: person('b') }], 'test');
    expect(commits.levels).toEqual([1, 2]);
    expect(level(source.internals.db)).toBe(2);
  } finally {
    commits.stop();
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
  const first = await open(storage, 'first');
  const commits = commitLevels(first.internals.db);
  const second = await open(storage, 'second');
  try {
    await second.bulkWrite([{ document: person('a') }], 'test');
    expect(commits.levels).toEqual([1, 2]);
    expect(level(first.internals.db)).toBe(2);
  } finally {
    commits.stop();
    await second.close();
    await first.close();
    temp.dispose();
  }
});
