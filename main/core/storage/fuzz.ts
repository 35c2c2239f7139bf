/**
 * Differential fuzzing: the same seeded writes and queries run against the
 * SQLite storage and RxDB's memory storage; any difference is a bug (in
 * ours, or a semantic gap worth documenting). Used by fuzz.test.ts and
 * scripts/stress/storage-fuzz.ts.
 */
import { isDeepStrictEqual } from 'node:util';
import { getChangedDocumentsSince, now, type MangoQuery, type RxDocumentData, type RxStorageInstance } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { getRxStorageSqlite } from './index.ts';
import { KEY_COLUMN_PREFIX, type KeyFormat } from './index-keys.ts';
import type { RxStorageInstanceSqlite } from './instance.ts';
import {
  createInstance,
  createPaddedTable,
  filledPersonSchema,
  makeTempDir,
  prepare,
  rng,
  toStored,
  type Person,
} from './test-helpers.ts';

export type FuzzOptions = {
  seed: number;
  /** Number of write rounds; each round is followed by `queriesPerRound` queries. */
  rounds: number;
  queriesPerRound: number;
  /** The table's key format (default compact; padded is what tables made before compact keys keep, key-format.ts). */
  keys?: KeyFormat;
  /** Called on the first mismatch with a description; defaults to throwing. */
  onMismatch?: (message: string) => never;
};

export type FuzzStats = { writes: number; queries: number; counts: number; conflicts: number; changePages: number };

// No spaces or control characters: RxDB pads index strings with spaces, so
// "a" and "a " share an index string while JS orders them differently (the
// memory storage has the same limitation for ascending index sorts).
const ALPHABET = [
  'a',
  'b',
  'c',
  'A',
  'Z',
  '0',
  '9',
  'é',
  'ß',
  'ω',
  'Ж',
  '中',
  '\uFF61',
  '\uFFFD',
  '😀',
  '🚀',
  '𝔸',
  '_',
  '-',
];
const TAGS = ['vip', 'lead', 'friend', 'ex-colleague', '🎉'];
const CITIES = ['Berlin', 'Köln', 'Zürich', '東京', '🏙️'];
const schema = filledPersonSchema();
const SORT_FIELDS = ['name', 'age', 'score', 'active', 'id', 'nested.rank', 'city'] as const;

export async function runDifferentialFuzz(options: FuzzOptions): Promise<FuzzStats> {
  const random = rng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const str = (min: number, max: number) => {
    let out = '';
    const n = int(min, max);
    for (let i = 0; i < n; i++) out += pick(ALPHABET);
    return out;
  };
  const fail =
    options.onMismatch ??
    ((message: string): never => {
      throw new Error(`fuzz seed ${options.seed}: ${message}`);
    });

  const temp = makeTempDir('rapport-fuzz-');
  const dbName = 'fuzz' + options.seed;
  if (options.keys === 'padded') createPaddedTable(temp.dir, dbName, 'people', schema);
  const sqlite = await createInstance<Person>(
    // No conversion budget: a padded table stays padded.
    getRxStorageSqlite({
      databaseDirectory: temp.dir,
      synchronous: 'NORMAL',
      ...(options.keys === 'padded' ? { keyConversionRows: 0 } : {}),
    }),
    schema,
    dbName,
  );
  const keyColumn = (sqlite as RxStorageInstanceSqlite<Person>).internals.indexes[0]?.column ?? '';
  if (!keyColumn.startsWith(KEY_COLUMN_PREFIX[options.keys ?? 'compact']))
    fail(`the table has key column ${keyColumn}`);
  const memory = await createInstance<Person>(
    getRxStorageMemory(),
    schema,
    dbName + '_' + Math.floor(Math.random() * 1e9),
  );
  const stats: FuzzStats = { writes: 0, queries: 0, counts: 0, conflicts: 0, changePages: 0 };
  const current = new Map<string, RxDocumentData<Person>>();
  const history = new Map<string, RxDocumentData<Person>>(); // an older revision, for stale writes
  let nextId = 0;

  const randomPerson = (id: string): Person => {
    const p: Person = {
      id,
      name: str(0, 6),
      age: int(0, 150),
      // A few repeated scores create tie groups in the score indexes.
      score: random() < 0.6 ? pick([0, 0.01, 1.5, 99.99, 100, 512.25, 1000]) : Math.round(random() * 100000) / 100,
      active: random() < 0.5,
      tags: Array.from({ length: int(0, 3) }, () => pick(TAGS)),
      nested: { rank: int(-5, 5) },
    };
    if (random() < 0.6) p.city = pick(CITIES);
    return p;
  };

  const both = async <R>(
    label: string,
    run: (s: RxStorageInstance<Person, any, any>) => Promise<R>,
    normalize = (r: R) => r as unknown,
  ) => {
    const [a, b] = [normalize(await run(sqlite)), normalize(await run(memory))];
    if (!isDeepStrictEqual(a, b)) {
      fail(`${label}\nsqlite: ${JSON.stringify(a).slice(0, 2000)}\nmemory: ${JSON.stringify(b).slice(0, 2000)}`);
    }
    return a;
  };

  try {
    for (let round = 0; round < options.rounds; round++) {
      const rows: { previous?: RxDocumentData<Person>; document: RxDocumentData<Person> }[] = [];
      const lwt = now();
      const touched = new Set<string>();
      for (let i = int(1, 25); i > 0; i--) {
        const existing = current.size > 0 && random() < 0.5 ? pick([...current.keys()]) : undefined;
        if (existing && !touched.has(existing)) {
          touched.add(existing);
          const prev = current.get(existing) as RxDocumentData<Person>;
          const stale = history.get(existing);
          const usePrevious = stale && random() < 0.1 ? stale : prev;
          const deleted = random() < 0.2 ? !prev._deleted : prev._deleted;
          const data = random() < 0.7 ? randomPerson(existing) : stripMeta(prev);
          rows.push({ previous: usePrevious, document: toStored(data, { lwt, deleted, previous: prev }) });
        } else {
          const id = (random() < 0.3 ? str(1, 4) + '-' : 'p') + nextId++;
          touched.add(id);
          rows.push({ document: toStored(randomPerson(id), { lwt, deleted: random() < 0.05 }) });
        }
      }
      const errors = await both(
        `bulkWrite round ${round}`,
        (s) => s.bulkWrite(structuredClone(rows), 'fuzz'),
        (r) => r.error.map((e) => `${e.documentId}:${e.status}`).sort(),
      );
      stats.writes += rows.length;
      stats.conflicts += (errors as string[]).length;
      const failed = new Set((errors as string[]).map((e) => e.slice(0, e.lastIndexOf(':'))));
      for (const row of rows) {
        const id = row.document.id;
        if (failed.has(id)) continue;
        const before = current.get(id);
        if (before) history.set(id, before);
        current.set(id, row.document);
      }

      const someIds = [...current.keys()].filter(() => random() < 0.2).concat(['missing-id']);
      const withDeleted = random() < 0.5;
      await both(
        'findDocumentsById',
        (s) => s.findDocumentsById(someIds, withDeleted),
        (docs) => [...docs].sort((x, y) => (x.id < y.id ? -1 : 1)),
      );

      for (let q = 0; q < options.queriesPerRound; q++) {
        const query = randomQuery();
        const label = `query ${JSON.stringify(query)}`;
        const asCount = random() < 0.25;
        if (asCount) {
          await both(
            'count ' + label,
            (s) => s.count(prepare(schema, { ...query, skip: undefined, limit: undefined })),
            (r) => r.count,
          );
          stats.counts++;
        } else {
          await both(
            label,
            (s) => s.query(prepare(schema, query)),
            (r) => r.documents,
          );
        }
        stats.queries++;
      }

      if (round % 10 === 9) {
        // Purge every deleted doc in both; later writes to those ids become inserts.
        await both('cleanup', (s) => s.cleanup(0));
        for (const [id, doc] of current) {
          if (doc._deleted) {
            current.delete(id);
            history.delete(id);
          }
        }
      }

      if (round % 5 === 4) {
        const limit = int(1, 40);
        let checkpoint: unknown;
        const pages = await both(`changes paging limit ${limit}`, async (s) => {
          const seen: string[] = [];
          let cp: any;
          for (;;) {
            const page = await getChangedDocumentsSince(s, limit, cp);
            if (page.documents.length === 0) break;
            seen.push(...page.documents.map((d) => `${d.id}@${d._meta.lwt}`));
            cp = page.checkpoint;
          }
          checkpoint = cp;
          return seen;
        });
        void checkpoint;
        stats.changePages += Math.ceil((pages as string[]).length / limit);
      }
    }
    return stats;
  } finally {
    await sqlite.close();
    await memory.close();
    temp.dispose();
  }

  function randomQuery(): MangoQuery<Person> {
    const clauses: Record<string, unknown>[] = [];
    for (let n = int(0, 3); n > 0; n--) clauses.push(randomClause(2));
    let selector: Record<string, unknown> = {};
    for (const clause of clauses) {
      const key = Object.keys(clause)[0] as string;
      if (key in selector) selector = { $and: [selector, clause] };
      else selector = { ...selector, ...clause };
    }
    if (random() < 0.8) selector = { ...selector, _deleted: { $eq: false } };
    const sort = Array.from({ length: int(0, 3) }, () => ({ [pick(SORT_FIELDS)]: random() < 0.5 ? 'asc' : 'desc' }));
    const uniqueSort = sort.filter(
      (part, i) => sort.findIndex((p) => Object.keys(p)[0] === Object.keys(part)[0]) === i,
    );
    const query: MangoQuery<Person> = { selector: selector as MangoQuery<Person>['selector'] };
    if (uniqueSort.length > 0) query.sort = uniqueSort as MangoQuery<Person>['sort'];
    if (random() < 0.3) query.skip = int(0, 10);
    if (random() < 0.6) query.limit = int(1, 30);
    if (random() < 0.3) query.index = pick(schema.indexes as string[][]).slice();
    return query;
  }

  function randomClause(depth: number): Record<string, unknown> {
    const kind = int(0, depth > 0 ? 14 : 11);
    switch (kind) {
      case 0:
        return { name: { [pick(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'])]: str(0, 2) } };
      case 1:
        return { age: { [pick(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte'])]: int(-5, 155) } };
      case 2:
        return { age: { $gte: int(0, 75), $lt: int(60, 150) } };
      case 3:
        return { score: { [pick(['$gt', '$gte', '$lt', '$lte'])]: Math.round(random() * 100000) / 100 } };
      case 4:
        return { active: { [pick(['$eq', '$ne'])]: random() < 0.5 } };
      case 5:
        return {
          [pick(['age', 'nested.rank'])]: {
            [pick(['$in', '$nin'])]: Array.from({ length: int(1, 4) }, () => int(-5, 150)),
          },
        };
      case 6:
        return { name: { [pick(['$in', '$nin'])]: Array.from({ length: int(1, 3) }, () => str(0, 2)) } };
      case 7:
        return { [pick(['city', 'name'])]: { $regex: pick(['^a', 'é', '😀', '[0-9]', '^$', 'Z$', '東']) } };
      case 8:
        return { city: { $exists: random() < 0.5 } };
      case 9:
        return pick([
          { tags: { $size: int(0, 3) } },
          { tags: { $elemMatch: { $eq: pick(TAGS) } } },
          { tags: { $in: [pick(TAGS)] } },
        ]);
      case 10:
        return pick([
          { age: { $mod: [int(2, 5), int(0, 1)] } },
          { city: { $type: pick(['string', 'null']) } },
          { 'nested.rank': { $type: 'number' } },
        ]);
      case 11:
        return { age: { $not: { [pick(['$gt', '$lt', '$eq'])]: int(0, 150) } } };
      default:
        return { [pick(['$and', '$or', '$nor'])]: Array.from({ length: int(1, 3) }, () => randomClause(depth - 1)) };
    }
  }
}

function stripMeta(doc: RxDocumentData<Person>): Person {
  const { _deleted, _meta, _rev, _attachments, ...rest } = doc;
  void _deleted;
  void _meta;
  void _rev;
  void _attachments;
  return rest as Person;
}
