// Measures vCard export and import at the scale (10k people) against its budgets:
// export < 1 s; import with the main event loop's longest delay < 50 ms (the import yields
// between slices and bulk writes). Baselines from the same run: JSON.stringify / JSON.parse +
// one bulk insert of the same people. Run: node scripts/bench/vcard.ts [people]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fixedClock } from '../../main/core/clock.ts';
import { openCore, type Core } from '../../main/core/core.ts';
import { exportPeopleVCard } from '../../main/core/interchange/area.ts';
import { toVCard } from '../../main/core/interchange/vcard/serialise.ts';
import { ContactFields } from '../../shared/domain/contact.ts';
import { generateDemoContacts } from '../demo-data/generate.ts';

const [people = 10_000] = process.argv.slice(2).map(Number);
const EXPORT_BUDGET_MS = 1000;
const DELAY_BUDGET_MS = 50;
const today = '2026-03-01';
const clock = fixedClock(`${today}T12:00:00Z`);
const dirs: string[] = [];
const open = async (): Promise<Core> => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-vcard-'));
  dirs.push(dir);
  return openCore({ dataDir: dir, mode: 'browser', version: 'bench', clock, jobs: true });
};
const ms = (t: number) => performance.now() - t;
const fmt = (n: number) => `${n.toFixed(0).padStart(6)} ms`;

const generated = generateDemoContacts({ contacts: people, today });
const docs = generated.map(({ id, addedOn, ...draft }) => {
  const fields = ContactFields.parse(draft);
  return {
    ...fields,
    id,
    createdAt: `${addedOn}T12:00:00.000Z`,
    updatedAt: `${today}T12:00:00.000Z`,
  };
});

// --- export ---------------------------------------------------------------------------------
let core = await open();
for (let i = 0; i < docs.length; i += 2000) await core.db.contacts.bulkInsert(docs.slice(i, i + 2000));
await core.projection.flush();
toVCard(docs.slice(0, 200), '3.0', { trusted: true }); // warm-up, as a running app would be
let t = performance.now();
const baselineJson = JSON.stringify(docs);
const jsonMs = ms(t);
t = performance.now();
const v3 = await exportPeopleVCard(core.db, { version: '3.0', includeArchived: true });
const export3Ms = ms(t);
t = performance.now();
await exportPeopleVCard(core.db, { version: '4.0', includeArchived: true });
const export4Ms = ms(t);
t = performance.now();
toVCard(docs, '3.0', { trusted: true });
const serialiseMs = ms(t);
await core.close(); // RxDB closes a same-named database when another opens in this process

console.log(
  `${people} people, vCard ${(v3.text.length / 1e6).toFixed(1)} MB, JSON ${(baselineJson.length / 1e6).toFixed(1)} MB\n`,
);
console.log(
  `export vCard 3.0 (read + write)  ${fmt(export3Ms)}  ${(export3Ms / jsonMs).toFixed(1)}× JSON.stringify (${jsonMs.toFixed(0)} ms)`,
);
console.log(`export vCard 4.0 (read + write)  ${fmt(export4Ms)}`);
console.log(`  of which serialising 3.0       ${fmt(serialiseMs)}`);

// --- import ---------------------------------------------------------------------------------
core = await open();
const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();
t = performance.now();
const imports = core.imports;
const preview = await imports.preview('bench.vcf', new TextEncoder().encode(v3.text));
const previewMs = ms(t);
const previewMaxMs = histogram.max / 1e6;
histogram.reset();
const summary = await imports.commit(preview.sessionId, undefined, []);
const importMs = ms(t);
histogram.disable();
const commitMaxMs = histogram.max / 1e6;
const maxDelayMs = Math.max(previewMaxMs, commitMaxMs);
const count = await core.db.contacts.count().exec();
await core.close();

core = await open();
t = performance.now();
const parsed = JSON.parse(baselineJson) as typeof docs;
await core.db.contacts.bulkInsert(parsed);
const baselineImportMs = ms(t);
await core.close();

console.log(
  `import vCard 3.0 (total)         ${fmt(importMs)}  ${(importMs / baselineImportMs).toFixed(1)}× JSON.parse + one bulkInsert (${baselineImportMs.toFixed(0)} ms)`,
);
console.log(`  of which parse + match         ${fmt(previewMs)}`);
console.log(`  people created                 ${String(summary.created).padStart(6)} (${count} in the database)`);
console.log(
  `  event loop: max delay          ${fmt(maxDelayMs)}  (parse + match ${previewMaxMs.toFixed(0)} ms, write ${commitMaxMs.toFixed(0)} ms; write p99 ${(histogram.percentile(99) / 1e6).toFixed(1)} ms)`,
);

for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
const exportOk = export3Ms < EXPORT_BUDGET_MS && export4Ms < EXPORT_BUDGET_MS;
const delayOk = maxDelayMs < DELAY_BUDGET_MS;
console.log(
  `\nexport within ${EXPORT_BUDGET_MS} ms: ${exportOk ? 'yes' : 'NO'}; event-loop delay within ${DELAY_BUDGET_MS} ms: ${delayOk ? 'yes' : 'NO'}`,
);
process.exitCode = exportOk && delayOk && count === people ? 0 : 1;
