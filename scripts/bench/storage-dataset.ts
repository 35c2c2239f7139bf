/**
 * Realistic-size benchmark: 10k contacts + 200k interactions on the SQLite storage, RxDB's memory
 * storage and Dexie over fake-indexeddb, with a raw node:sqlite baseline doing the same selects by
 * hand on the same file, interleaved with the storage's reads.
 *   node scripts/bench/storage-dataset.ts [--contacts 10000] [--interactions 200000]
 *        [--dexie-interactions 5000] [--iterations 30] [--synchronous FULL|NORMAL]
 *        [--cache-bytes N]   (SQLite parsed-document cache budget; 0 = off)
 *        [--storage-module path/to/storage/index.ts]   (another checkout's storage, for before/after)
 * Reads go to the storage instances RxDB uses (collection.storageInstance), bypassing RxDB's
 * query cache so every iteration really hits the storage. Each query is normalised and planned
 * by RxDB (prepareQuery) before the timer starts, for every storage alike: the figure is the
 * storage's own work. Dexie runs a smaller dataset, so the SQLite storage runs that size too and
 * the Dexie verdict compares the two at the same size.
 */
import { spawnSync } from 'node:child_process';
import { statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { makeTempDir, prepare } from '../../main/core/storage/test-helpers.ts';
import {
  benchPair,
  collections,
  generateData,
  openRawReader,
  type Interaction,
  type MetricKey,
  type Metrics,
  type RawReader,
} from './storage-dataset-lib.ts';
import { ms, ratioOf, vsDexie, vsRaw, writeSummary, type StorageVerdict } from './storage-report.ts';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '10000' },
    interactions: { type: 'string', default: '200000' },
    // fake-indexeddb is very slow (seconds per sorted query), so Dexie runs a smaller dataset.
    'dexie-interactions': { type: 'string', default: '5000' },
    'dexie-iterations': { type: 'string', default: '3' },
    iterations: { type: 'string', default: '30' },
    synchronous: { type: 'string', default: 'FULL' },
    'cache-bytes': { type: 'string' },
    'storage-module': { type: 'string' },
    child: { type: 'string' },
    /** A file to write the figures to as JSON (bench:scale reads it). */
    summary: { type: 'string' },
  },
});
const { documentCacheStats, getRxStorageSqlite } = (await import(
  values['storage-module'] ? path.resolve(values['storage-module']) : '../../main/core/storage/index.ts'
)) as typeof import('../../main/core/storage/index.ts');

const cacheBytes = values['cache-bytes'] === undefined ? undefined : Number(values['cache-bytes']);

if (values.child) {
  // Fresh process: open the existing file through RxDB and fetch the first page.
  const started = performance.now();
  const db = await createRxDatabase({
    name: 'dataset',
    storage: getRxStorageSqlite({ databaseDirectory: values.child, documentCacheBytes: cacheBytes }),
    multiInstance: false,
  });
  const cols = await db.addCollections(collections);
  const opened = performance.now();
  const page = await cols.interactions!.find({ sort: [{ date: 'desc' }], limit: 50 }).exec();
  const firstPage = performance.now();
  const contactPage = await cols
    .interactions!.find({ selector: { contactId: 'c000042' }, sort: [{ date: 'desc' }], limit: 50 })
    .exec();
  const done = performance.now();
  if (page.length !== 50 || contactPage.length === 0) throw new Error('child: unexpected result sizes');
  const rss = process.memoryUsage().rss;
  const uptimeMs = process.uptime() * 1000;
  // Worst case for the document cache: read every document once (pages of
  // 5000 through the storage), so the cache fills to its budget.
  const store = cols.interactions!.storageInstance;
  let checkpoint: { id: string; lwt: number } | undefined;
  let scanned = 0;
  for (;;) {
    const res = await store.getChangedDocumentsSince!(5000, checkpoint);
    if (res.documents.length === 0) break;
    scanned += res.documents.length;
    checkpoint = res.checkpoint;
  }
  (globalThis as { gc?: () => void }).gc?.();
  const { rss: rssAfterScan, heapUsed: heapAfterScan } = process.memoryUsage();
  const cache = documentCacheStats();
  console.log(
    JSON.stringify({
      openMs: opened - started,
      firstPageMs: firstPage - opened,
      openToFirstPageMs: firstPage - started,
      contactMs: done - firstPage,
      rss,
      uptimeMs,
      scanned,
      rssAfterScan,
      heapAfterScan,
      cachedDocs: cache.documents,
      cacheBytes: cache.usedBytes,
    }),
  );
  await db.close();
  process.exit(0);
}

const nContacts = Number(values.contacts);
const nInteractions = Number(values.interactions);
const nDexie = Number(values['dexie-interactions']);
const iterations = Number(values.iterations);
const temp = makeTempDir('rapport-bench-dataset-');
const data = generateData(nContacts, nInteractions, 12345);
const results = new Map<string, Metrics>();
const DAY = 86400000;
const span = data.maxDate - data.minDate - 7 * DAY;
const contactAt = (i: number) => data.contacts[(i * 7919) % nContacts]!.id;
const live = { _deleted: { $eq: false } };

/** The reads, as RxDB hands them to a storage; `direction` is the raw select's index order. */
const reads: { key: MetricKey; count?: true; direction: 'ASC' | 'DESC'; query: (i: number) => object }[] = [
  { key: 'newest50', direction: 'DESC', query: () => ({ selector: live, sort: [{ date: 'desc' }], limit: 50 }) },
  {
    key: 'contact50',
    direction: 'DESC',
    query: (i) => ({ selector: { ...live, contactId: { $eq: contactAt(i) } }, sort: [{ date: 'desc' }], limit: 50 }),
  },
  { key: 'countAll', count: true, direction: 'ASC', query: () => ({ selector: live }) },
  {
    key: 'countContact',
    count: true,
    direction: 'ASC',
    query: (i) => ({ selector: { ...live, contactId: { $eq: contactAt(i) } } }),
  },
  // i * 104729 ms shifts the window by < 1 h per iteration: it re-reads (almost) the same week, a warm read.
  {
    key: 'range',
    direction: 'ASC',
    query: (i) => {
      const from = data.minDate + ((i * 104729) % span);
      return { selector: { ...live, date: { $gte: from, $lt: from + 7 * DAY } }, sort: [{ date: 'asc' }] };
    },
  },
  // Non-overlapping weeks 37 days apart, each read once: a cold read for the SQLite cache.
  {
    key: 'rangeCold',
    direction: 'ASC',
    query: (i) => {
      const from = data.minDate + (((i + 1) * 37 * DAY) % span);
      return { selector: { ...live, date: { $gte: from, $lt: from + 7 * DAY } }, sort: [{ date: 'asc' }] };
    },
  },
];

async function runStorage(
  label: string,
  storage: RxStorage<any, any>,
  interactionCount: number,
  iterations: number,
  rawFile?: string,
): Promise<RxDatabase> {
  let db = await createRxDatabase({ name: 'dataset', storage, multiInstance: false });
  let cols = await db.addCollections(collections);
  const t0 = performance.now();
  for (let i = 0; i < nContacts; i += 2000) await cols.contacts!.bulkInsert(data.contacts.slice(i, i + 2000));
  for (let i = 0; i < interactionCount; i += 2000) {
    await cols.interactions!.bulkInsert(data.interactions.slice(i, Math.min(i + 2000, interactionCount)));
  }
  const loadMs = performance.now() - t0;
  process.stderr.write(`${label}: loaded in ${loadMs.toFixed(0)} ms\n`);
  if (rawFile) {
    // Reopen so the storage's connection starts with an empty page cache, like the raw one.
    await db.close();
    db = await createRxDatabase({ name: 'dataset', storage, multiInstance: false });
    cols = await db.addCollections(collections);
  }
  const store = (cols.interactions as RxCollection<Interaction>).storageInstance;
  const schema = store.schema;
  const raw: RawReader | undefined = rawFile ? openRawReader(rawFile, 'rx_interactions_v0', schema) : undefined;
  const metrics: Metrics = { loadMs };
  const rawMetrics: Metrics = {};
  for (const read of reads) {
    const result = await benchPair(
      iterations,
      (i) => {
        const prepared = prepare(schema, read.query(i) as any);
        return { prepared, raw: raw && (read.count ? raw.count(prepared) : raw.read(prepared, read.direction)) };
      },
      async ({ prepared }) =>
        read.count ? (await store.count(prepared)).count : (await store.query(prepared)).documents.length,
      raw && ((s) => (read.count ? (s.raw!() as number) : (s.raw!() as unknown[]).length)),
    );
    metrics[read.key] = result.storage;
    if (result.raw !== undefined) rawMetrics[read.key] = result.raw;
  }
  raw?.close();
  results.set(label, metrics);
  if (raw) results.set('raw', rawMetrics);
  process.stderr.write(`${label}: reads done at ${(performance.now() - t0).toFixed(0)} ms\n`);
  return db;
}

const makeSqlite = (dir: string) =>
  getRxStorageSqlite({
    databaseDirectory: dir,
    synchronous: values.synchronous as 'FULL' | 'NORMAL',
    documentCacheBytes: cacheBytes,
  });
const file = path.join(temp.dir, 'dataset.sqlite');
const sqliteDb = await runStorage('sqlite', makeSqlite(temp.dir), nInteractions, iterations, file);
await sqliteDb.close();
const fileBytes = statSync(file).size + (existsSync(file + '-wal') ? statSync(file + '-wal').size : 0);
const childRuns = Array.from({ length: 5 }, () => {
  const args = [
    '--expose-gc',
    fileURLToPath(import.meta.url),
    '--child',
    temp.dir,
    ...(cacheBytes === undefined ? [] : ['--cache-bytes', String(cacheBytes)]),
    ...(values['storage-module'] ? ['--storage-module', values['storage-module']] : []),
  ];
  const out = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (out.status !== 0) throw new Error('child failed: ' + out.stderr);
  return JSON.parse(out.stdout.trim().split('\n').at(-1) as string) as Record<string, number>;
});
const memDb = await runStorage('memory', getRxStorageMemory(), nInteractions, iterations);
await memDb.remove();
const smallDir = makeTempDir('rapport-bench-dataset-small-');
const smallDb = await runStorage('sqlite-small', makeSqlite(smallDir.dir), nDexie, iterations);
await smallDb.remove();
smallDir.dispose();
const dexieDb = await runStorage(
  'dexie',
  getRxStorageDexie({ indexedDB, IDBKeyRange }),
  nDexie,
  Number(values['dexie-iterations']),
);
await dexieDb.remove();
temp.dispose();

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const child = (k: string) => med(childRuns.map((r) => r[k] as number));
const get = (label: string, key: MetricKey) => results.get(label)?.[key];
console.log(
  `\nDataset: ${nContacts} contacts, ${nInteractions} interactions; median ms of ${iterations} iterations` +
    `${values['storage-module'] ? `, storage from ${values['storage-module']}` : ''}.` +
    `\nraw = the same select on the same file by hand (second connection, prepared statement, JSON.parse),` +
    ` interleaved with the storage's calls. Dexie (fake-indexeddb) runs ${nDexie} interactions` +
    ` (${values['dexie-iterations']} iterations), compared with the SQLite storage at that size.`,
);
console.log(
  'metric'.padEnd(30) +
    ['sqlite', 'raw sqlite', 'memory', `sqlite@${nDexie}`, `dexie@${nDexie}`].map((s) => s.padStart(12)).join('') +
    '   sqlite/raw ≤1.5×'.padEnd(21) +
    'sqlite/dexie <1'.padEnd(17) +
    'sqlite/memory',
);
const names: [string, MetricKey][] = [
  ['load (bulkInsert, total)', 'loadMs'],
  ['newest 50 by date', 'newest50'],
  ["one contact's newest 50", 'contact50'],
  ['count all', 'countAll'],
  ["count one contact's", 'countContact'],
  ['7-day date range (same week)', 'range'],
  ['7-day range, distinct weeks', 'rangeCold'],
];
const verdicts: StorageVerdict[] = [];
for (const [name, key] of names) {
  const [s, r, m, small, d] = ['sqlite', 'raw', 'memory', 'sqlite-small', 'dexie'].map((l) => get(l, key));
  // Against raw at full size (no raw figure for the load); against Dexie at Dexie's size.
  verdicts.push({ metric: name, vsRaw: key === 'loadMs' ? undefined : ratioOf(s, r), vsDexie: ratioOf(small, d) });
  console.log(
    name.padEnd(30) +
      [s, r, m, small, d].map((n) => ms(n, 12)).join('') +
      `   ${key === 'loadMs' ? '— (write)' : vsRaw(s, r)}`.padEnd(21) +
      vsDexie(small, d).padEnd(17) +
      (s && m ? `${(s / m).toFixed(2)}×` : '—'),
  );
}
console.log(
  `\nfresh process (median of ${childRuns.length}): open RxDB db+collections ${child('openMs').toFixed(1)} ms, first page ${child('firstPageMs').toFixed(1)} ms, open→first page ${child('openToFirstPageMs').toFixed(1)} ms (target < 100), contact page ${child('contactMs').toFixed(1)} ms, whole process incl. imports ${child('uptimeMs').toFixed(0)} ms`,
);
console.log(`fresh process RSS after first page: ${(child('rss') / 1048576).toFixed(1)} MB (target < 200 MB)`);
console.log(
  `fresh process RSS after reading all ${child('scanned')} interactions once (cache full: ${child('cachedDocs')} docs, ~${(child('cacheBytes') / 1048576).toFixed(1)} MB estimated; after gc): ${(child('rssAfterScan') / 1048576).toFixed(1)} MB RSS, ${(child('heapAfterScan') / 1048576).toFixed(1)} MB JS heap`,
);
console.log(`file size: ${(fileBytes / 1048576).toFixed(1)} MB for ${nContacts + nInteractions} docs`);
console.log(`bench process RSS now (all storages loaded once): ${(process.memoryUsage().rss / 1048576).toFixed(1)} MB`);
writeSummary(values.summary, 'storage-dataset', verdicts);
