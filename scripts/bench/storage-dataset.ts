/**
 * Realistic-size benchmark: 10k contacts + 200k interactions on the SQLite
 * storage, RxDB's memory storage and Dexie over fake-indexeddb, plus a raw
 * node:sqlite baseline running the same queries by hand.
 *   node scripts/bench/storage-dataset.ts [--contacts 10000] [--interactions 200000]
 *        [--dexie-interactions 200000] [--iterations 30] [--synchronous FULL|NORMAL]
 *        [--cache-bytes N]   (SQLite parsed-document cache budget; 0 = off)
 * Reads go to the storage instances RxDB uses (collection.storageInstance),
 * bypassing RxDB's query cache so every iteration really hits the storage.
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
import { documentCacheStats, getRxStorageSqlite } from '../../main/core/storage/index.ts';
import { makeTempDir, prepare } from '../../main/core/storage/test-helpers.ts';
import { bench, generateData, openRaw, collections, type Interaction, type Metrics } from './storage-dataset-lib.ts';

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
    child: { type: 'string' },
  },
});

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
const iterations = Number(values.iterations);
const temp = makeTempDir('rapport-bench-dataset-');
const data = generateData(nContacts, nInteractions, 12345);
const results = new Map<string, Metrics>();

async function runStorage(
  label: string,
  storage: RxStorage<any, any>,
  interactionCount: number,
  iterations: number,
): Promise<RxDatabase> {
  const db = await createRxDatabase({ name: 'dataset', storage, multiInstance: false });
  const cols = await db.addCollections(collections);
  const t0 = performance.now();
  for (let i = 0; i < nContacts; i += 2000) await cols.contacts!.bulkInsert(data.contacts.slice(i, i + 2000));
  for (let i = 0; i < interactionCount; i += 2000) {
    await cols.interactions!.bulkInsert(data.interactions.slice(i, Math.min(i + 2000, interactionCount)));
  }
  const loadMs = performance.now() - t0;
  process.stderr.write(`${label}: loaded in ${loadMs.toFixed(0)} ms\n`);
  const store = (cols.interactions as RxCollection<Interaction>).storageInstance;
  const schema = store.schema;
  const q = (query: any) => store.query(prepare(schema, query));
  const metrics: Metrics = { loadMs, scaled: interactionCount !== nInteractions ? interactionCount : undefined };
  metrics.newest50 = await bench(iterations, async () =>
    expectLen(await q({ selector: { _deleted: { $eq: false } }, sort: [{ date: 'desc' }], limit: 50 }), 50),
  );
  metrics.contact50 = await bench(iterations, async (i) => {
    const contactId = data.contacts[(i * 7919) % nContacts]!.id;
    expectAtMost(
      await q({
        selector: { _deleted: { $eq: false }, contactId: { $eq: contactId } },
        sort: [{ date: 'desc' }],
        limit: 50,
      }),
      50,
    );
  });
  metrics.countAll = await bench(iterations, async () => {
    const r = await store.count(prepare(schema, { selector: { _deleted: { $eq: false } } as any }));
    if (r.count !== interactionCount) throw new Error(`${label}: count ${r.count}`);
  });
  metrics.countContact = await bench(iterations, async (i) => {
    const contactId = data.contacts[(i * 7919) % nContacts]!.id;
    await store.count(
      prepare(schema, { selector: { _deleted: { $eq: false }, contactId: { $eq: contactId } } as any }),
    );
  });
  // Note: i * 104729 ms shifts the window by < 1 h per iteration, so this
  // re-reads (almost) the same week every time: a warm read.
  metrics.range = await bench(iterations, async (i) => {
    const from = data.minDate + ((i * 104729) % (data.maxDate - data.minDate - 7 * 86400000));
    await q({
      selector: { _deleted: { $eq: false }, date: { $gte: from, $lt: from + 7 * 86400000 } },
      sort: [{ date: 'asc' }],
    });
  });
  // Non-overlapping weeks 37 days apart, each read once: a cold read for the SQLite cache.
  metrics.rangeCold = await bench(iterations, async (i) => {
    const from = data.minDate + (((i + 1) * 37 * 86400000) % (data.maxDate - data.minDate - 7 * 86400000));
    await q({
      selector: { _deleted: { $eq: false }, date: { $gte: from, $lt: from + 7 * 86400000 } },
      sort: [{ date: 'asc' }],
    });
  });
  results.set(label, metrics);
  process.stderr.write(`${label}: reads done at ${(performance.now() - t0).toFixed(0)} ms\n`);
  return db;
}

const sqliteDb = await runStorage(
  'sqlite',
  getRxStorageSqlite({
    databaseDirectory: temp.dir,
    synchronous: values.synchronous as 'FULL' | 'NORMAL',
    documentCacheBytes: cacheBytes,
  }),
  nInteractions,
  iterations,
);
await sqliteDb.close();
const file = path.join(temp.dir, 'dataset.sqlite');
const fileBytes = statSync(file).size + (existsSync(file + '-wal') ? statSync(file + '-wal').size : 0);
const childRuns = Array.from({ length: 5 }, () => {
  const args = [
    '--expose-gc',
    fileURLToPath(import.meta.url),
    '--child',
    temp.dir,
    ...(cacheBytes === undefined ? [] : ['--cache-bytes', String(cacheBytes)]),
  ];
  const out = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (out.status !== 0) throw new Error('child failed: ' + out.stderr);
  return JSON.parse(out.stdout.trim().split('\n').at(-1) as string) as Record<string, number>;
});
const memDb = await runStorage('memory', getRxStorageMemory(), nInteractions, iterations);
await memDb.remove();
const dexieDb = await runStorage(
  'dexie',
  getRxStorageDexie({ indexedDB, IDBKeyRange }),
  Number(values['dexie-interactions']),
  Number(values['dexie-iterations']),
);
await dexieDb.remove();
results.set('raw', openRaw(temp.dir, data, iterations));
temp.dispose();

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const child = (k: string) => med(childRuns.map((r) => r[k] as number));
const get = (label: string, key: keyof Metrics) => results.get(label)?.[key] as number | undefined;
const f = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(2)).padStart(10);
console.log(
  `\nDataset: ${nContacts} contacts, ${nInteractions} interactions (dexie: ${values['dexie-interactions']} interactions, ${values['dexie-iterations']} iterations). Median ms of ${iterations} iterations.`,
);
console.log(
  'metric'.padEnd(30) +
    ['sqlite', 'memory', 'dexie', 'raw sqlite'].map((s) => s.padStart(10)).join('') +
    '   vs memory   vs raw   target',
);
const rows: [string, keyof Metrics, string][] = [
  ['load (bulkInsert, total)', 'loadMs', '—'],
  ['newest 50 by date', 'newest50', '≤3× memory, < dexie'],
  ["one contact's newest 50", 'contact50', '< 15 ms, ≤3× memory'],
  ['count all', 'countAll', '≤3× memory, < dexie'],
  ["count one contact's", 'countContact', '≤3× memory, < dexie'],
  ['7-day date range (same week)', 'range', '≤3× memory, < dexie'],
  ['7-day range, distinct weeks', 'rangeCold', '≤3× memory, < dexie'],
];
for (const [name, key, target] of rows) {
  const [s, m, d, r] = ['sqlite', 'memory', 'dexie', 'raw'].map((l) => get(l, key));
  console.log(
    name.padEnd(30) +
      [s, m, d, r].map(f).join('') +
      `   ${s && m ? (s / m).toFixed(2) + 'x' : '—'}`.padEnd(12) +
      `${s && r ? (s / r).toFixed(2) + 'x' : '—'}`.padEnd(9) +
      target,
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

function expectLen(r: { documents: unknown[] }, n: number) {
  if (r.documents.length !== n) throw new Error(`expected ${n} docs, got ${r.documents.length}`);
}
function expectAtMost(r: { documents: unknown[] }, n: number) {
  if (r.documents.length > n) throw new Error(`expected at most ${n} docs, got ${r.documents.length}`);
}
