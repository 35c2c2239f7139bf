import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRxDatabase, type MangoQuery, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageSqlite } from './index.ts';
import { makeTempDir, personSchemaJson, type Person } from './test-helpers.ts';

const PEOPLE: Person[] = [
  {
    id: 'a',
    name: 'Ada',
    age: 36,
    score: 9.5,
    active: true,
    tags: ['vip', 'lead'],
    city: 'Berlin',
    nested: { rank: 1 },
  },
  { id: 'b', name: 'Bob', age: 17, score: 0, active: false, tags: [], nested: { rank: 2 } },
  {
    id: 'c',
    name: 'Chloé',
    age: 52,
    score: 99.99,
    active: true,
    tags: ['friend'],
    city: 'Zürich',
    nested: { rank: 3 },
  },
  {
    id: 'd',
    name: 'Dan',
    age: 36,
    score: 50,
    active: false,
    tags: ['lead', 'friend', 'vip'],
    city: 'Köln',
    nested: { rank: -1 },
  },
  { id: 'e', name: '😀 Eve', age: 29, score: 12.25, active: true, tags: ['vip'], city: '東京', nested: { rank: 0 } },
  { id: 'f', name: 'Émile', age: 70, score: 1000, active: false, tags: ['lead'], city: 'Berlin', nested: { rank: 5 } },
];

type Case = [label: string, selector: MangoQuery<Person>['selector'], expectedIds: string[]];

const OPERATOR_CASES: Case[] = [
  ['$eq', { name: { $eq: 'Dan' } }, ['d']],
  ['$ne', { active: { $ne: true } }, ['b', 'd', 'f']],
  ['$gt', { age: { $gt: 36 } }, ['c', 'f']],
  ['$gte', { age: { $gte: 36 } }, ['a', 'c', 'd', 'f']],
  ['$lt', { score: { $lt: 12.25 } }, ['a', 'b']],
  ['$lte', { score: { $lte: 12.25 } }, ['a', 'b', 'e']],
  ['$in', { name: { $in: ['Ada', 'Émile', 'Zed'] } }, ['a', 'f']],
  ['$nin', { age: { $nin: [36, 17] } }, ['c', 'e', 'f']],
  ['$exists false', { city: { $exists: false } }, ['b']],
  ['$exists true', { city: { $exists: true } }, ['a', 'c', 'd', 'e', 'f']],
  ['$regex', { name: { $regex: '^[A-C]' } }, ['a', 'b', 'c']],
  ['$regex with $options', { name: { $regex: 'E$', $options: 'i' } }, ['e', 'f']],
  ['$and', { $and: [{ age: { $gte: 30 } }, { active: { $eq: true } }] }, ['a', 'c']],
  ['$or', { $or: [{ name: { $eq: 'Bob' } }, { score: { $gt: 99 } }] }, ['b', 'c', 'f']],
  ['$nor', { $nor: [{ active: { $eq: true } }, { age: { $lt: 40 } }] }, ['f']],
  ['$not', { age: { $not: { $gt: 36 } } }, ['a', 'b', 'd', 'e']],
  ['$elemMatch', { tags: { $elemMatch: { $eq: 'friend' } } }, ['c', 'd']],
  ['$size', { tags: { $size: 1 } }, ['c', 'e', 'f']],
  ['$size 0', { tags: { $size: 0 } }, ['b']],
  ['$mod', { age: { $mod: [2, 0] } }, ['a', 'c', 'd', 'f']],
  ['$type', { city: { $type: 'string' } }, ['a', 'c', 'd', 'e', 'f']],
  ['nested path', { 'nested.rank': { $gt: 1 } } as MangoQuery<Person>['selector'], ['b', 'c', 'f']],
];

describe('queries through an RxDB collection on the SQLite storage', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: RxDatabase;
  let people: RxCollection<Person>;
  let memoryDb: RxDatabase;
  let memoryPeople: RxCollection<Person>;

  beforeAll(async () => {
    temp = makeTempDir();
    db = await createRxDatabase({
      name: 'querydb',
      storage: getRxStorageSqlite({ databaseDirectory: temp.dir }),
      multiInstance: false,
    });
    people = (await db.addCollections({ people: { schema: personSchemaJson } })).people as RxCollection<Person>;
    await people.bulkInsert(PEOPLE);
    memoryDb = await createRxDatabase({
      name: 'querymemory' + Date.now(),
      storage: getRxStorageMemory(),
      multiInstance: false,
    });
    memoryPeople = (await memoryDb.addCollections({ people: { schema: personSchemaJson } }))
      .people as RxCollection<Person>;
    await memoryPeople.bulkInsert(PEOPLE);
  });
  afterAll(async () => {
    await db.close();
    await memoryDb.close();
    temp.dispose();
  });

  async function ids(collection: RxCollection<Person>, query: MangoQuery<Person>): Promise<string[]> {
    return (await collection.find(query).exec()).map((doc) => doc.id);
  }

  it.each(OPERATOR_CASES)(
    '%s selects the expected documents (and agrees with the memory storage)',
    async (_label, selector, expected) => {
      const query = { selector, sort: [{ id: 'asc' as const }] };
      expect(await ids(people, query)).toEqual(expected);
      expect(await ids(memoryPeople, query)).toEqual(expected);
      expect(await people.count({ selector }).exec()).toBe(expected.length);
    },
  );

  it('sorts by several fields in mixed directions', async () => {
    expect(await ids(people, { selector: {}, sort: [{ age: 'desc' }, { name: 'asc' }] })).toEqual([
      'f',
      'c',
      'a',
      'd',
      'e',
      'b',
    ]);
    expect(await ids(people, { selector: {}, sort: [{ active: 'asc' }, { score: 'desc' }] })).toEqual([
      'f',
      'd',
      'b',
      'c',
      'e',
      'a',
    ]);
    expect(await ids(people, { selector: {}, sort: [{ name: 'desc' }] })).toEqual(['e', 'f', 'd', 'c', 'b', 'a']);
    expect(await ids(people, { selector: {}, sort: [{ score: 'asc' }] })).toEqual(['b', 'a', 'e', 'd', 'c', 'f']);
  });

  it('applies skip and limit after sorting, including on descending index scans', async () => {
    expect(await ids(people, { selector: {}, sort: [{ age: 'asc' }], skip: 1, limit: 3 })).toEqual(['e', 'a', 'd']);
    // age desc ties (a, d at 36) resolve by id asc even though the index scan runs backwards.
    expect(await ids(people, { selector: {}, sort: [{ age: 'desc' }], skip: 2, limit: 2 })).toEqual(['a', 'd']);
    expect(await ids(people, { selector: { active: { $eq: true } }, sort: [{ score: 'desc' }], limit: 2 })).toEqual([
      'c',
      'e',
    ]);
    expect(await ids(people, { selector: {}, sort: [{ name: 'asc' }], skip: 5, limit: 10 })).toEqual(['e']);
  });

  it('counts with the index and with a full-scan fallback', async () => {
    expect(await people.count({ selector: { age: { $gte: 36 } } }).exec()).toBe(4);
    expect(await people.count({ selector: { name: { $regex: 'a' } } }).exec()).toBe(2);
    await people.findOne('b').remove();
    expect(await people.count({ selector: {} }).exec()).toBe(5);
    expect(await ids(people, { selector: { age: { $lt: 20 } } })).toEqual([]);
    await people.insert(PEOPLE[1] as Person);
  });
});
