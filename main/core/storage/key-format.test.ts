import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { MangoQuery } from 'rxdb';
import { childScript } from '../testing/child-script.ts';
import { acquireConnection, databaseFilePath, releaseConnection } from './connection.ts';
import { getRxStorageSqlite } from './index.ts';
import { CONVERSION_TEST, conversionSchema, type Note } from './key-format-fixture.ts';
import { tableName } from './table.ts';
import { createInstance, createPaddedTable, makeTempDir, prepare, rng, toStored } from './test-helpers.ts';

const TABLE = tableName(CONVERSION_TEST.collection, conversionSchema.version);
const PEOPLE = [
  'Ada Lovelace',
  'Ada',
  'Ada  Byron ',
  ' lead',
  '',
  'Zoë',
  'ada',
  'Ada\tTab',
  '😀 Emoji',
  'Ada Lovelace ',
];

function notes(count: number, seed: number): Note[] {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  return Array.from({ length: count }, (_, i) => ({
    id: `n${i.toString().padStart(6, '0')}`,
    person: pick(PEOPLE),
    day: `2026-01-0${1 + Math.floor(random() * 9)}`,
    weight: Math.floor(random() * 40) / 2,
    text: 'x'.repeat(Math.floor(random() * 200)),
  }));
}

/** A data folder whose table has padded keys and holds `rows`. */
async function paddedFolder(dir: string, rows: Note[]): Promise<void> {
  createPaddedTable(dir, CONVERSION_TEST.database, CONVERSION_TEST.collection, conversionSchema);
  const store = await open(dir, 0);
  const result = await store.bulkWrite(
    rows.map((note) => ({ document: toStored(note) })),
    'test',
  );
  expect(result.error).toEqual([]);
  await store.close();
}

const open = (dir: string, keyConversionRows?: number) =>
  createInstance<Note>(
    getRxStorageSqlite({
      databaseDirectory: dir,
      ...(keyConversionRows === undefined ? {} : { keyConversionRows }),
    }),
    conversionSchema,
    CONVERSION_TEST.database,
    CONVERSION_TEST.collection,
  );

/**
 * The key format of a collection's table, read from its column names here rather than with the
 * storage's own function, so a mistake there cannot hide in the check.
 */
function formatOf(dir: string, collection: string = CONVERSION_TEST.collection): 'padded' | 'compact' {
  const db = new DatabaseSync(databaseFilePath(dir, CONVERSION_TEST.database), { readOnly: true });
  try {
    const table = tableName(collection, conversionSchema.version);
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[];
    return columns.some((c) => c.name.startsWith('ix:')) ? 'padded' : 'compact';
  } finally {
    db.close();
  }
}

/** What the file holds, byte for byte: every row with its rowid, the key format and the tables. */
function stored(dir: string) {
  const db = new DatabaseSync(databaseFilePath(dir, CONVERSION_TEST.database), { readOnly: true });
  try {
    const integrity = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    return {
      integrity: integrity.integrity_check,
      format: formatOf(dir),
      tables: (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
          name: string;
        }[]
      ).map((t) => t.name),
      rows: db.prepare(`SELECT rowid, id, deleted, lwt, data FROM "${TABLE}" ORDER BY rowid`).all(),
    };
  } finally {
    db.close();
  }
}

const QUERIES: MangoQuery<Note>[] = [
  { selector: { person: { $gte: 'Ada' } }, sort: [{ person: 'asc' }, { day: 'asc' }], limit: 60 },
  // A sort the index satisfies on its leading field only: the tie group of the last row is read on.
  { selector: { day: { $gte: '2026-01-03', $lte: '2026-01-05' } }, sort: [{ day: 'desc' }], limit: 45 },
  { selector: { weight: { $gt: 10 } }, sort: [{ weight: 'asc' }, { person: 'asc' }] },
  { selector: { person: { $eq: 'Ada  Byron ' } }, sort: [{ day: 'asc' }] },
  { selector: { person: { $lt: 'Ada  Z' } }, sort: [{ person: 'desc' }], skip: 7, limit: 30 },
];

/** Every query's answer (ids in order) and count, through the storage. */
async function answers(dir: string, keyConversionRows?: number) {
  const store = await open(dir, keyConversionRows);
  try {
    const out = [];
    for (const query of QUERIES) {
      const prepared = prepare(conversionSchema, query);
      out.push({
        ids: (await store.query(prepared)).documents.map((d) => d.id),
        count: (await store.count(prepare(conversionSchema, { ...query, limit: undefined, skip: undefined }))).count,
      });
    }
    return out;
  } finally {
    await store.close();
  }
}

describe('conversion to compact index keys', () => {
  it('converts a table with padded keys when it opens, keeping every row, rowid and answer', async () => {
    const temp = makeTempDir();
    try {
      await paddedFolder(temp.dir, notes(3000, 1));
      const before = stored(temp.dir);
      expect(before.format).toBe('padded');
      const padded = await answers(temp.dir, 0);
      expect(padded.every((a) => a.ids.length > 0)).toBe(true);

      const converted = await answers(temp.dir);
      const after = stored(temp.dir);
      expect(after.format).toBe('compact');
      expect(after.integrity).toBe('ok');
      expect(after.rows).toEqual(before.rows);
      expect(after.tables).toEqual(before.tables);
      expect(converted).toEqual(padded);
    } finally {
      temp.dispose();
    }
  });

  it('leaves a table with more rows than the limit padded, answering the same', async () => {
    const temp = makeTempDir();
    try {
      await paddedFolder(temp.dir, notes(500, 2));
      const padded = await answers(temp.dir, 0);
      expect(await answers(temp.dir, 499)).toEqual(padded);
      expect(stored(temp.dir).format).toBe('padded');
      expect(await answers(temp.dir, 500)).toEqual(padded);
      expect(stored(temp.dir).format).toBe('compact');
    } finally {
      temp.dispose();
    }
  });

  it('converts at most its budget of rows a start, a table at a time, and the rest at later starts', async () => {
    const temp = makeTempDir();
    const second = { ...CONVERSION_TEST, collection: 'later' };
    const format = (collection: string) => formatOf(temp.dir, collection);
    const openBoth = async (keyConversionRows: number) => {
      const storage = getRxStorageSqlite({ databaseDirectory: temp.dir, keyConversionRows });
      for (const collection of [CONVERSION_TEST.collection, second.collection]) {
        await (await createInstance<Note>(storage, conversionSchema, CONVERSION_TEST.database, collection)).close();
      }
    };
    try {
      await paddedFolder(temp.dir, notes(500, 6));
      createPaddedTable(temp.dir, second.database, second.collection, conversionSchema);
      const storage = getRxStorageSqlite({ databaseDirectory: temp.dir, keyConversionRows: 0 });
      const later = await createInstance<Note>(storage, conversionSchema, second.database, second.collection);
      await later.bulkWrite(
        notes(400, 7).map((note) => ({ document: toStored(note) })),
        'test',
      );
      await later.close();

      await openBoth(700);
      expect([format(CONVERSION_TEST.collection), format(second.collection)]).toEqual(['compact', 'padded']);
      await openBoth(700);
      expect([format(CONVERSION_TEST.collection), format(second.collection)]).toEqual(['compact', 'compact']);
    } finally {
      temp.dispose();
    }
  });

  it('keeps the table padded and whole when the disk fills during the conversion, and converts it at a later open', async () => {
    const temp = makeTempDir();
    const file = databaseFilePath(temp.dir, CONVERSION_TEST.database);
    try {
      await paddedFolder(temp.dir, notes(2000, 3));
      const before = stored(temp.dir);
      const padded = await answers(temp.dir, 0);
      // The storage shares this connection: a page limit just above the file's size is a full disk.
      const db = acquireConnection(file, { synchronous: 'FULL', busyTimeoutMs: 1000 });
      try {
        const pages = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
        db.exec(`PRAGMA max_page_count = ${pages + 8}`);
        expect(await answers(temp.dir)).toEqual(padded);
        db.exec('PRAGMA max_page_count = 4294967294');
      } finally {
        releaseConnection(file);
      }
      expect(stored(temp.dir)).toEqual(before);
      expect(await answers(temp.dir)).toEqual(padded);
      expect(stored(temp.dir).format).toBe('compact');
    } finally {
      temp.dispose();
    }
  });

  it('leaves a damaged table padded and opens it, so what it holds can still be read', async () => {
    const temp = makeTempDir();
    const file = databaseFilePath(temp.dir, CONVERSION_TEST.database);
    try {
      await paddedFolder(temp.dir, notes(2000, 8));
      // A leaf page of the table in the middle of the file, overwritten as a failing disk would.
      const db = new DatabaseSync(file);
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      const leaves = db
        .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
        .all(TABLE) as { pageno: number }[];
      const { page_size: pageSize } = db.prepare('PRAGMA page_size').get() as { page_size: number };
      db.close();
      const page = leaves[Math.floor(leaves.length / 2)]!.pageno;
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(8, 0xff), 0, 8, (page - 1) * pageSize);
      closeSync(fd);

      const store = await open(temp.dir);
      await store.close();
      expect(formatOf(temp.dir)).toBe('padded');
    } finally {
      temp.dispose();
    }
  });

  it('holds the table exactly as it was or converted after a SIGKILL at any moment of the conversion', async () => {
    const temp = makeTempDir();
    const original = path.join(temp.dir, 'original');
    const file = (dir: string) => databaseFilePath(dir, CONVERSION_TEST.database);
    try {
      mkdirSync(original);
      await paddedFolder(original, notes(3000, 4));
      const before = stored(original);
      const padded = await answers(original, 0);
      // The first run is not killed: it gives the conversion's length, within which the kills fall.
      const whole = await convertAndKill(temp.dir, original, file, Infinity);
      expect(whole.converted).toBe(true);
      const random = rng(5);
      const outcomes = new Set<string>();
      for (let cycle = 0; cycle < 5; cycle++) {
        const run = await convertAndKill(temp.dir, original, file, random() * whole.ms);
        const after = stored(run.dir);
        expect(after.integrity).toBe('ok');
        expect(after.rows).toEqual(before.rows);
        expect(after.tables).toEqual(before.tables);
        expect(await answers(run.dir, 0)).toEqual(padded);
        outcomes.add(after.format);
      }
      // Kills fell inside conversions (else the test proves nothing).
      expect(outcomes.has('padded')).toBe(true);
    } finally {
      temp.dispose();
    }
  }, 60_000);
});

let runs = 0;

/**
 * Copies the padded folder and starts the child converting it; kills it `killAfterMs` after it
 * began opening (never, for Infinity). Returns the copy, whether it finished and how long it ran.
 */
async function convertAndKill(
  parent: string,
  original: string,
  file: (dir: string) => string,
  killAfterMs: number,
): Promise<{ dir: string; converted: boolean; ms: number }> {
  const dir = path.join(parent, `run${runs++}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(file(original), file(dir));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript('key-format-child'), dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let started = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!started && out.includes('opening')) {
        started = performance.now();
        if (Number.isFinite(killAfterMs)) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code, signal) => {
      clearTimeout(watchdog);
      clearTimeout(timer);
      const ms = performance.now() - started;
      if (code === 0 || signal === 'SIGKILL') resolve({ dir, converted: out.includes('converted'), ms });
      else reject(new Error(`conversion child exited with ${code ?? signal}: ${err}`));
    });
  });
}
