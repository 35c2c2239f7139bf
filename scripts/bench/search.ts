/**
 * The Ctrl/Cmd+K search on the demo data, against the 16 ms per-keystroke budget:
 *   npm run bench:search [-- --contacts 10000 --interactions 200000 --runs 5]
 * Ours is the FTS5 index in the database file, asked through the core (what the UI calls), warm
 * and in a fresh process right after start. The baseline, in the same run, is the in-memory index
 * search used before (shared/domain/search/index.ts), built from the same documents. Wall times
 * on a busy machine mostly measure waiting for a core, so each kind also prints the median CPU time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fixedClock } from '../../main/core/clock.ts';
import { openCore } from '../../main/core/core.ts';
import { openDatabase } from '../../main/core/db/database.ts';
import { createStorage } from '../../main/core/db/storage.ts';
import { pagesOf } from '../../main/core/db/bulk.ts';
import { createSearchIndex } from '../../shared/domain/search/index.ts';
import { writeDemoData } from '../demo-data/write.ts';

const TODAY = '2026-11-25';
const BUDGET_MS = 16;
const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '10000' },
    interactions: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '5' },
    'data-dir': { type: 'string' },
    cold: { type: 'string' },
  },
});
const clock = fixedClock(`${TODAY}T12:00:00Z`);

/** Typical keystrokes: first letters, common words, whole words, two words (some across fields). */
const QUERIES: Record<string, string[]> = {
  '1 letter': ['a', 'm', 's', 'j', 'k', 'e', 'p', 't'],
  '2 letters': ['ja', 'ma', 'ka', 'co', 'ri', 'th', 'so', 'be'],
  '3 letters': ['jam', 'mar', 'kof', 'cof', 'pro', 'the', 'lin', 'ste'],
  'full word': ['coffee', 'podcast', 'marathon', 'kofi', 'museum', 'portfolio', 'conference', 'wedding'],
  'two words': [
    'coffee ja',
    'kofi podcast',
    'half mara',
    'video call',
    'sam o',
    'launch plan',
    'the team',
    'daniel cab',
  ],
};
const ALL = Object.values(QUERIES).flat();

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const at = (xs: number[], q: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const fmt = (ms: number) => ms.toFixed(2).padStart(8);
/** This process's CPU time since `from`: unlike wall time, not inflated by other processes on a shared machine. */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

if (values.cold) {
  // A fresh process: open the data folder and type at once, as someone pressing Ctrl+K at start.
  const started = performance.now();
  const core = await openCore({ dataDir: values.cold, mode: 'browser', version: 'bench', clock, jobs: true });
  const openMs = performance.now() - started;
  const keystrokes: number[] = [];
  for (const q of ALL) {
    const s = performance.now();
    await core.call('search.query', { q, limit: 30 });
    keystrokes.push(performance.now() - s);
  }
  console.log(JSON.stringify({ openMs, keystrokes, rssMb: process.memoryUsage().rss / 1e6 }));
  await core.close();
  process.exit(0);
}

const options = { contacts: Number(values.contacts), interactions: Number(values.interactions), today: TODAY, seed: 7 };
const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'rapport-bench-search-'));
try {
  console.log(`Dataset: ${options.contacts} people, ${options.interactions} interactions (demo data).`);
  let t = performance.now();
  const db = await openDatabase(createStorage(dataDir));
  if ((await db.contacts.count().exec()) === 0) {
    await writeDemoData(db, options, (done, total) => process.stdout.write(`\r  writing ${done} of ${total}`));
    console.log(`\nwrote the demo data in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  await db.close();

  t = performance.now();
  const core = await openCore({ dataDir, mode: 'browser', version: 'bench', clock });
  console.log(`opened (derived data) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  await core.call('search.query', { q: 'a', limit: 30 });
  console.log(`search index ready (built now if missing) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // The baseline: the old in-memory index over the same documents.
  t = performance.now();
  const index = createSearchIndex();
  for await (const page of pagesOf(core.db.contacts))
    for (const c of page)
      index.upsert({
        kind: 'person',
        id: c.id,
        personIds: [c.id],
        fields: {
          name: c.displayName,
          organisation: [c.organisation, c.role].filter(Boolean).join(' · '),
          notes: c.notes ?? '',
          tags: c.tags.join(' '),
        },
      });
  for await (const page of pagesOf(core.db.details))
    for (const d of page)
      index.upsert({ kind: 'detail', id: d.id, personIds: [d.contactId], fields: { detail: d.text } });
  for await (const page of pagesOf(core.db.interactions))
    for (const i of page)
      index.upsert({
        kind: 'interaction',
        id: i.id,
        personIds: i.contactIds,
        date: i.date,
        fields: { title: i.title ?? '', notes: i.notes ?? '' },
      });
  index.search('warm-up');
  console.log(`baseline in-memory index built in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const runs = Number(values.runs);
  console.log(
    `\n${'query kind'.padEnd(11)} ${'FTS5 p50'.padStart(8)} ${'FTS5 p95'.padStart(8)} ${'mem p50'.padStart(8)} ${'mem p95'.padStart(8)} ${'p95 ratio'.padStart(9)}  within ${BUDGET_MS} ms` +
      `   CPU ms p50: ${'FTS5'.padStart(5)} ${'mem'.padStart(8)} ${'ratio'.padStart(8)}`,
  );
  const everyOurs: number[] = [];
  const everyCpu: number[] = [];
  const everyBaseCpu: number[] = [];
  for (const [kind, queries] of Object.entries(QUERIES)) {
    const ours: number[] = [];
    const base: number[] = [];
    for (const q of queries) {
      await core.call('search.query', { q, limit: 30 });
      index.search(q, 30);
    }
    const oursCpu: number[] = [];
    const baseCpu: number[] = [];
    for (let run = 0; run < runs; run++) {
      for (const q of queries) {
        let cpu = process.cpuUsage();
        let s = performance.now();
        await core.call('search.query', { q, limit: 30 });
        ours.push(performance.now() - s);
        oursCpu.push(cpuMs(cpu));
        cpu = process.cpuUsage();
        s = performance.now();
        index.search(q, 30);
        base.push(performance.now() - s);
        baseCpu.push(cpuMs(cpu));
      }
    }
    everyOurs.push(...ours);
    everyCpu.push(...oursCpu);
    everyBaseCpu.push(...baseCpu);
    console.log(
      `${kind.padEnd(11)} ${fmt(at(ours, 0.5))} ${fmt(at(ours, 0.95))} ${fmt(at(base, 0.5))} ${fmt(at(base, 0.95))} ${(at(ours, 0.95) / at(base, 0.95)).toFixed(2).padStart(8)}×  ${at(ours, 0.95) < BUDGET_MS ? 'yes' : 'NO'}` +
        `   ${fmt(at(oursCpu, 0.5))} ${fmt(at(baseCpu, 0.5))} ${(at(oursCpu, 0.5) / at(baseCpu, 0.5)).toFixed(2).padStart(8)}×`,
    );
  }
  console.log(
    `${'all'.padEnd(11)} ${fmt(at(everyOurs, 0.5))} ${fmt(at(everyOurs, 0.95))}${' '.repeat(42)}${fmt(at(everyCpu, 0.5))} ${fmt(at(everyBaseCpu, 0.5))} ${(at(everyCpu, 0.5) / at(everyBaseCpu, 0.5)).toFixed(2).padStart(8)}×`,
  );
  await core.close();

  const colds = Array.from({ length: 3 }, () => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cold', dataDir], {
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(child.stderr);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
      openMs: number;
      keystrokes: number[];
      rssMb: number;
    };
  });
  const first = colds.flatMap((c) => c.keystrokes);
  console.log(
    `\nright after start (fresh process, ${colds.length}×${ALL.length} keystrokes): open ${fmt(
      at(
        colds.map((c) => c.openMs),
        0.5,
      ),
    )} ms, ` +
      `first keystroke ${fmt(
        at(
          colds.map((c) => c.keystrokes[0]!),
          0.5,
        ),
      )} ms, p95 ${fmt(at(first, 0.95))} ms, max ${fmt(at(first, 1))} ms, ` +
      `within ${BUDGET_MS} ms: ${at(first, 0.95) < BUDGET_MS ? 'yes' : 'NO'}; rss ${at(
        colds.map((c) => c.rssMb),
        0.5,
      ).toFixed(0)} MB`,
  );
} finally {
  if (!values['data-dir']) rmSync(dataDir, { recursive: true, force: true });
}
