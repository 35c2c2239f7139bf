/** Data, schemas and the raw node:sqlite baseline for storage-dataset.ts. */
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { RxCollectionCreator, RxJsonSchema } from 'rxdb';
import { rng } from '../../main/core/storage/test-helpers.ts';

export type Contact = { id: string; name: string; company: string; createdAt: number };
export type Interaction = { id: string; contactId: string; date: number; kind: string; note: string };

const contactSchema: RxJsonSchema<Contact> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 12 },
    name: { type: 'string', maxLength: 80 },
    company: { type: 'string' },
    createdAt: { type: 'number', minimum: 0, maximum: 1e13, multipleOf: 1 },
  },
  required: ['id', 'name', 'company', 'createdAt'],
  indexes: ['name'],
};

const interactionSchema: RxJsonSchema<Interaction> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 12 },
    contactId: { type: 'string', maxLength: 12 },
    date: { type: 'number', minimum: 0, maximum: 1e13, multipleOf: 1 },
    kind: { type: 'string' },
    note: { type: 'string' },
  },
  required: ['id', 'contactId', 'date', 'kind', 'note'],
  indexes: [['contactId', 'date'], 'date'],
};

export const collections: Record<'contacts' | 'interactions', RxCollectionCreator> = {
  contacts: { schema: contactSchema },
  interactions: { schema: interactionSchema },
};

export type Metrics = {
  loadMs?: number;
  newest50?: number;
  contact50?: number;
  countAll?: number;
  countContact?: number;
  range?: number;
  rangeCold?: number;
  /** Interactions actually loaded when smaller than requested. */
  scaled?: number | undefined;
};

export function generateData(nContacts: number, nInteractions: number, seed: number) {
  const random = rng(seed);
  const minDate = Date.UTC(2020, 0, 1);
  const maxDate = Date.UTC(2025, 0, 1);
  const kinds = ['email', 'call', 'meeting', 'note', 'message'];
  const contacts: Contact[] = Array.from({ length: nContacts }, (_, i) => ({
    id: 'c' + String(i).padStart(6, '0'),
    name: `Person ${Math.floor(random() * 1e6)} ${['Müller', 'Smith', '李', 'García', 'Ngọc'][i % 5]}`,
    company: 'Company ' + (i % 700),
    createdAt: minDate + Math.floor(random() * (maxDate - minDate)),
  }));
  const interactions: Interaction[] = Array.from({ length: nInteractions }, (_, i) => ({
    id: 'i' + String(i).padStart(7, '0'),
    contactId: (contacts[Math.floor(random() * nContacts)] as Contact).id,
    date: minDate + Math.floor(random() * (maxDate - minDate)),
    kind: kinds[i % kinds.length] as string,
    note: 'Talked about the project timeline and next steps. '.repeat(1 + (i % 3)),
  }));
  return { contacts, interactions, minDate, maxDate };
}

/** Median milliseconds of `iterations` calls (after one warm-up call). */
export async function bench(iterations: number, fn: (i: number) => Promise<void>): Promise<number> {
  await fn(iterations);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
}

/**
 * Hand-written node:sqlite baseline: plain columns + composite B-trees,
 * rows parsed with JSON.parse like the storage does. Synchronous, so timed
 * with the same median helper.
 */
export function openRaw(dir: string, data: ReturnType<typeof generateData>, iterations: number): Metrics {
  const db = new DatabaseSync(path.join(dir, 'raw.sqlite'));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  db.exec(
    'CREATE TABLE interactions (id TEXT PRIMARY KEY, contactId TEXT NOT NULL, date INTEGER NOT NULL, data TEXT NOT NULL)',
  );
  const t0 = performance.now();
  db.exec('BEGIN');
  const insert = db.prepare('INSERT INTO interactions VALUES (?, ?, ?, ?)');
  for (const it of data.interactions) insert.run(it.id, it.contactId, it.date, JSON.stringify(it));
  db.exec(
    'CREATE INDEX ix_contact_date ON interactions (contactId, date); CREATE INDEX ix_date ON interactions (date); COMMIT',
  );
  const loadMs = performance.now() - t0;
  const newest = db.prepare('SELECT data FROM interactions ORDER BY date DESC LIMIT 50');
  const contact = db.prepare('SELECT data FROM interactions WHERE contactId = ? ORDER BY date DESC LIMIT 50');
  const count = db.prepare('SELECT count(*) AS n FROM interactions');
  const countContact = db.prepare('SELECT count(*) AS n FROM interactions WHERE contactId = ?');
  const range = db.prepare('SELECT data FROM interactions WHERE date >= ? AND date < ? ORDER BY date');
  const parse = (rows: unknown[]) => rows.map((r) => JSON.parse((r as { data: string }).data) as Interaction);
  const time = (fn: (i: number) => void) => {
    fn(iterations);
    const xs: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t = performance.now();
      fn(i);
      xs.push(performance.now() - t);
    }
    return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  };
  const span = data.maxDate - data.minDate - 7 * 86400000;
  const metrics: Metrics = {
    loadMs,
    newest50: time(() => void parse(newest.all())),
    contact50: time((i) => void parse(contact.all((data.contacts[(i * 7919) % data.contacts.length] as Contact).id))),
    countAll: time(() => void count.get()),
    countContact: time((i) => void countContact.get((data.contacts[(i * 7919) % data.contacts.length] as Contact).id)),
    range: time((i) => {
      const from = data.minDate + ((i * 104729) % span);
      parse(range.all(from, from + 7 * 86400000));
    }),
    rangeCold: time((i) => {
      const from = data.minDate + (((i + 1) * 37 * 86400000) % span);
      parse(range.all(from, from + 7 * 86400000));
    }),
  };
  db.close();
  return metrics;
}
