#!/usr/bin/env node
/**
 * Fills a data folder with deterministic, fictional demo people and interactions:
 *   npm run seed:demo -- --contacts 200 --interactions 3000 [--data-dir DIR] [--today YYYY-MM-DD] [--seed N]
 * It refuses a folder that already holds people, so it never mixes demo data into real data.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localDay } from '../main/core/clock.ts';
import { openDatabase } from '../main/core/db/database.ts';
import { createStorage } from '../main/core/db/storage.ts';
import { defaultDataDir } from '../main/core/paths.ts';
import { writeDemoData } from './demo-data/write.ts';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '200' },
    interactions: { type: 'string', default: '3000' },
    'data-dir': { type: 'string' },
    today: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
const contacts = Number(values.contacts);
const interactions = Number(values.interactions);
if (!Number.isInteger(contacts) || contacts < 1 || !Number.isInteger(interactions) || interactions < 0) {
  console.error('--contacts must be a whole number ≥ 1 and --interactions ≥ 0.');
  process.exit(2);
}
const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
const today = values.today ?? localDay(new Date());

const storage = createStorage(dataDir);
const db = await openDatabase(storage);
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
    if (!storage.persistent) console.log('Note: this storage is in memory, so the data is gone when this script ends.');
  }
} finally {
  await db.close();
}
