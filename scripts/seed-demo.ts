#!/usr/bin/env node
/**
 * Fills a data folder with deterministic, fictional demo people and interactions:
 *   npm run seed:demo -- --contacts 200 --interactions 3000 [--data-dir DIR] [--today YYYY-MM-DD] [--seed N]
 * It refuses a folder that already holds people, so it never mixes demo data into real data.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localDay } from '../main/core/clock.ts';
import { openCore } from '../main/core/core.ts';
import { acquireDataDirLock } from '../main/core/data-dir/lock.ts';
import { openDatabase } from '../main/core/db/database.ts';
import { createStorage } from '../main/core/db/storage.ts';
import { defaultDataDir } from '../main/core/paths.ts';
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
      (done, total) => process.stdout.write(`\r  ${done} of ${total} interactions`),
    );
    console.log(
      `\nSeeded ${written.contacts} people, ${written.interactions} interactions and ${written.details} details into ${dataDir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    seeded = true;
  }
} finally {
  await db.close();
  lock.release();
}
if (seeded) {
  // Opening a core builds the derived data (timelines, the people index) once, now rather than at the app's first start.
  const started = performance.now();
  const core = await openCore({ dataDir, mode: 'desktop', version: 'seed' });
  await core.close();
  console.log(`Built timelines and the people index in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
