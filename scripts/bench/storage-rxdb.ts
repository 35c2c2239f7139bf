/**
 * RxDB's own storage benchmark (runPerformanceTests from rxdb/plugins/test-utils)
 * on the SQLite storage, RxDB's memory storage and Dexie over fake-indexeddb.
 *   node scripts/bench/storage-rxdb.ts [--runs 15] [--dexie-runs 3] [--docs 3000] [--synchronous FULL|NORMAL]
 *        [--cache-bytes N]   (SQLite parsed-document cache budget; 0 = off)
 * Dexie over fake-indexeddb takes ~30 s per run (its sorted query path is
 * very slow in fake-indexeddb), so it gets fewer runs by default.
 *
 * runPerformanceTests averages only the fastest 5% of its runs. To also get
 * medians we call it with runs=1 repeatedly (a single run's "average" is the
 * raw time) and aggregate ourselves: fastest-5% mean as RxDB does, and median.
 */
import { parseArgs } from 'node:util';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { averageOfTimeValues, runPerformanceTests } from 'rxdb/plugins/test-utils';
import { getRxStorageSqlite } from '../../main/core/storage/index.ts';
import { makeTempDir } from '../../main/core/storage/test-helpers.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    'dexie-runs': { type: 'string', default: '3' },
    storages: { type: 'string', default: 'sqlite,memory,dexie' },
    docs: { type: 'string', default: '3000' },
    synchronous: { type: 'string', default: 'FULL' },
    wait: { type: 'string', default: '20' },
    'cache-bytes': { type: 'string' },
  },
});
const runs = Number(values.runs);
const dexieRuns = Number(values['dexie-runs']);
const temp = makeTempDir('rapport-bench-rxdb-');

const wanted = new Set(values.storages.split(','));
const storages = (
  [
    [
      'sqlite',
      `sqlite (${values.synchronous})`,
      () =>
        getRxStorageSqlite({
          databaseDirectory: temp.dir,
          synchronous: values.synchronous as 'FULL' | 'NORMAL',
          documentCacheBytes: values['cache-bytes'] === undefined ? undefined : Number(values['cache-bytes']),
        }),
    ],
    ['memory', 'memory', () => getRxStorageMemory()],
    ['dexie', 'dexie+fake-idb', () => getRxStorageDexie({ indexedDB, IDBKeyRange })],
  ] as const
)
  .filter(([key]) => wanted.has(key))
  .map(([, name, make]) => [name, make()] as [string, RxStorage<any, any>]);

type Samples = Map<string, number[]>;
const results = new Map<string, Samples>();

try {
  // Interleave storages per round so machine noise hits all of them alike.
  for (let run = 0; run < runs; run++) {
    for (const [name, storage] of storages) {
      if (name.startsWith('dexie') && run >= dexieRuns) continue;
      const result = (await runPerformanceTests(storage, name, {
        runs: 1,
        docsAmount: Number(values.docs),
        log: false,
        waitBetweenTests: Number(values.wait),
      })) as Record<string, unknown>;
      const samples = results.get(name) ?? new Map<string, number[]>();
      for (const [metric, value] of Object.entries(result)) {
        if (typeof value !== 'number' || metric === 'collectionsAmount' || metric === 'docsAmount') continue;
        samples.set(metric, [...(samples.get(metric) ?? []), value]);
      }
      results.set(name, samples);
    }
    process.stderr.write(`run ${run + 1}/${runs} done\n`);
  }
} finally {
  temp.dispose();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const fast5 = (xs: number[]) => averageOfTimeValues([...xs], 95);
const names = storages.map(([name]) => name);
const metrics = [...(results.values().next().value?.keys() ?? [])];
const fmt = (n: number) => n.toFixed(2).padStart(9);

console.log(
  `\nrunPerformanceTests, ${runs} runs (dexie ${Math.min(runs, dexieRuns)}), ${values.docs} docs, 4 collections. Times in ms: fastest-5% mean (RxDB's figure) | median.`,
);
console.log(
  'metric'.padEnd(26) +
    names.map((n) => n.padStart(22)).join('') +
    '  sqlite/memory (fast5%, median)  sqlite/dexie (median)',
);
for (const metric of metrics) {
  const cells = names.map((name) => {
    const xs = results.get(name)?.get(metric) ?? [];
    return { f: fast5(xs), m: median(xs) };
  });
  const by = (prefix: string) => cells[names.findIndex((n) => n.startsWith(prefix))];
  const [sql, mem, dex] = [by('sqlite'), by('memory'), by('dexie')];
  const ratio = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined ? (a / b).toFixed(2) + 'x' : '—';
  console.log(
    metric.padEnd(26) +
      cells.map((c) => `${fmt(c.f)} |${fmt(c.m)}`.padStart(22)).join('') +
      `   ${ratio(sql?.f, mem?.f)}, ${ratio(sql?.m, mem?.m)}`.padEnd(33) +
      ratio(sql?.m, dex?.m),
  );
}
