/**
 * A person picker's keystroke at 50k people (issue 15), core side:
 *   npm run bench:pick [-- --contacts 50000 --interactions 100000 --runs 20]
 * `people.pick` through the core's dispatcher (input and output validated, as the UI calls it),
 * against the same run's baseline: what each keystroke cost before, ranking the whole list in the
 * renderer (`rankPeopleReference` over every row `contacts.watch` sent). Also prints the bytes each
 * sends: the matches, against the whole list the pickers used to hold.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fixedClock } from '../../main/core/clock.ts';
import { openCore } from '../../main/core/core.ts';
import { openDatabase } from '../../main/core/db/database.ts';
import { createStorage } from '../../main/core/db/storage.ts';
import { rankPeopleReference } from '../../main/core/people/rank-people.reference.ts';
import type { PersonListItem } from '../../shared/domain/views.ts';
import { writeDemoData } from '../demo-data/write.ts';

const TODAY = '2026-11-25';
const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '50000' },
    interactions: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '20' },
  },
});
// Typing names letter by letter, as a user does in the log dialog, plus a miss.
const TYPED = ['Sam Okafor', 'Priya N', 'zoe', 'li', 'xq'].flatMap((name) =>
  Array.from({ length: name.length }, (_, i) => name.slice(0, i + 1)),
);
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1]!;
const line = (label: string, xs: number[], base?: number[]) =>
  console.log(
    `${label.padEnd(44)} p50 ${percentile(xs, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(xs, 95).toFixed(2).padStart(7)} ms` +
      (base ? `   ${(percentile(xs, 95) / percentile(base, 95)).toFixed(3)}× baseline p95` : ''),
  );
async function timed<T>(work: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const value = await work();
  return [performance.now() - start, value];
}

const dataDir = mkdtempSync(join(tmpdir(), 'rapport-bench-pick-'));
try {
  const options = {
    contacts: Number(values.contacts),
    interactions: Number(values.interactions),
    today: TODAY,
    seed: 7,
  };
  const storage = createStorage(dataDir);
  const db = await openDatabase(storage);
  await writeDemoData(db, options);
  await db.close();
  const clock = fixedClock(`${TODAY}T12:00:00Z`);
  const core = await openCore({ dataDir, mode: 'browser', version: 'bench', clock, storage });
  const list = await new Promise<PersonListItem[]>((resolve, reject) => {
    const stop = core.watch('contacts.watch', {}, (r) => {
      queueMicrotask(() => stop());
      if (r.ok) resolve(r.value);
      else reject(new Error(r.error.message));
    });
  });
  const [firstMs] = await timed(() => core.call('people.pick', { q: 'a' }));
  const pick: number[] = [];
  const baseline: number[] = [];
  let pickBytes = 0;
  const runs = Number(values.runs);
  for (let run = 0; run < runs; run++)
    for (const q of TYPED) {
      const [ms, answer] = await timed(() => core.call('people.pick', { q, limit: 7 }));
      pick.push(ms);
      pickBytes = Math.max(pickBytes, JSON.stringify(answer).length);
      baseline.push((await timed(() => rankPeopleReference(list, q, { limit: 7 })))[0]);
    }
  const empty: number[] = [];
  for (let run = 0; run < runs; run++)
    empty.push((await timed(() => core.call('people.pick', { q: '', limit: 50 })))[0]);
  const refs = list.slice(0, 20).map((p) => p.id);
  const named: number[] = [];
  for (let run = 0; run < runs; run++) named.push((await timed(() => core.call('people.refs', { ids: refs })))[0]);
  await core.close();

  console.log(
    `${list.length} people (not archived) of ${options.contacts}; ${TYPED.length} keystrokes × ${runs} runs.`,
  );
  console.log(`first pick (starts the rows the People windows keep, folds every name): ${firstMs.toFixed(1)} ms`);
  line('baseline: renderer rankPeople over the list', baseline);
  line('people.pick, limit 7 (core, validated)', pick, baseline);
  line('people.pick, nothing typed, limit 50', empty);
  line('people.refs, 20 ids', named);
  const listBytes = JSON.stringify(list).length;
  console.log(
    `payload: largest pick answer ${(pickBytes / 1024).toFixed(1)} KB; the whole list pickers held before ${(listBytes / 1e6).toFixed(1)} MB`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
