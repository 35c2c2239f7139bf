#!/usr/bin/env node
/**
 * Fills a data folder with deterministic, fictional demo people and interactions:
 *   npm run seed:demo -- --contacts 200 --interactions 3000 [--data-dir DIR] [--today YYYY-MM-DD] [--seed N]
 * It refuses a folder that already holds people, so it never mixes demo data into real data.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localDay, systemClock } from '../main/core/clock.ts';
import { openCore } from '../main/core/core.ts';
import { acquireDataDirLock } from '../main/core/data-dir/lock.ts';
import { openDatabase } from '../main/core/db/database.ts';
import { createStorage } from '../main/core/db/storage.ts';
import { defaultDataDir } from '../main/core/paths.ts';
import { createProjector } from '../main/core/projection/projector.ts';
import { createSettingsStore } from '../main/core/settings/settings-store.ts';
import { writeDemoData } from './demo-data/write.ts';

const HELP = `Usage: npm run seed:demo -- [options]

  --contacts N       how many people (default 200)
  --interactions N   how many interactions (default 3000)
  --data-dir DIR     an empty data folder to fill (default: ${defaultDataDir()})
  --today YYYY-MM-DD the day the history ends (default: today)
  --seed N           another seed gives other people (default 1)
  --help             show this text`;

let values;
try {
  ({ values } = parseArgs({
    options: {
      contacts: { type: 'string', default: '200' },
      interactions: { type: 'string', default: '3000' },
      'data-dir': { type: 'string' },
      today: { type: 'string' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${HELP}`);
  process.exit(2);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const contacts = Number(values.contacts);
const interactions = Number(values.interactions);
if (!Number.isInteger(contacts) || contacts < 1 || !Number.isInteger(interactions) || interactions < 0) {
  console.error('--contacts must be a whole number ≥ 1 and --interactions ≥ 0.');
  process.exit(2);
}
if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
  console.error(`--today must look like 2026-03-14, not "${values.today}".`);
  process.exit(2);
}
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
/** A progress line that rewrites itself, at most every half second. */
function progress(verb: string, noun: string) {
  let shown = 0;
  return (done: number, total: number) => {
    if (done < total && performance.now() - shown < 500) return;
    shown = performance.now();
    const rss = Math.round(process.memoryUsage.rss() / 1e6);
    process.stdout.write(`\r  ${verb} ${done} of ${total} ${noun} (${rss} MB resident)   `);
  };
}

const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
const today = values.today ?? localDay(new Date());

// The source data goes in through a bare database (bulk batches, no live projection), under the
// folder's lock so a running Rapport is never written behind its back.
const lock = acquireDataDirLock(dataDir);
const db = await openDatabase(createStorage(dataDir));
let seeded = false;
try {
  if ((await db.contacts.count().exec()) > 0) {
    console.error(
      `${dataDir} already holds people. Seed an empty folder (--data-dir) so demo data never mixes with real data.`,
    );
    process.exitCode = 2;
  } else {
    const started = performance.now();
    const written = await writeDemoData(
      db,
      { contacts, interactions, today, seed: Number(values.seed) },
      progress('Writing', 'interactions'),
    );
    console.log(
      `\nSeeded ${written.contacts} people, ${written.interactions} interactions and ${written.details} details into ${dataDir} in ${seconds(started)}.`,
    );
    // The derived data (timelines, the people index) is built now, with progress, rather than at
    // the app's first start.
    const buildStarted = performance.now();
    const phases = {
      timelines: progress('Building timelines from', 'interactions'),
      checking: progress('Checking', 'timeline rows'),
    };
    const building = (phase: keyof typeof phases) => phases[phase];
    const projector = createProjector(db, createSettingsStore(db, systemClock), {
      onRebuildProgress: (phase, done, total) => building(phase)(done, total),
    });
    const report = await projector.rebuild();
    await projector.close();
    console.log(
      `\nBuilt ${report.participations} timeline rows and ${report.people} people index rows in ${seconds(buildStarted)}.`,
    );
    seeded = true;
  }
} finally {
  await db.close();
  lock.release();
}
if (seeded) {
  const started = performance.now();
  const core = await openCore({ dataDir, mode: 'desktop', version: 'seed' });
  await core.close();
  console.log(`A first open of the folder took ${seconds(started)}.`);
}
