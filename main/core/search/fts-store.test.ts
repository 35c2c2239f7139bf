import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, it } from 'vitest';
import { acquireConnection, releaseConnection } from '../storage/connection.ts';
import { makeTempDir } from '../storage/test-helpers.ts';
import { openFtsStore, type FtsStore } from './fts-store.ts';

/** A pass that sets bulk load and then fails (a full disk), so its transaction rolls back. */
const failedPass = (store: FtsStore, on: boolean) =>
  expect(() =>
    store.transaction(() => {
      store.setBulkLoad(on);
      throw new Error('disk full');
    }, {}),
  ).toThrow('disk full');

it('keeps bulk load in the file, so a rolled-back pass leaves it as the file has it', () => {
  const store = openFtsStore(new DatabaseSync(':memory:'), true);
  expect(store.bulkLoading()).toBe(false);
  failedPass(store, true);
  expect(store.bulkLoading()).toBe(false);
  // The next pass asks again and gets it (a remembered "on" would have skipped the write).
  store.transaction(() => store.setBulkLoad(true), {});
  expect(store.bulkLoading()).toBe(true);
  failedPass(store, false);
  expect(store.bulkLoading()).toBe(true);
  store.transaction(() => store.setBulkLoad(false), {});
  expect(store.bulkLoading()).toBe(false);
  store.close();
});

it('merges a bulk load a step at a time, and turns bulk load off only once nothing is left', () => {
  const db = new DatabaseSync(':memory:');
  const store = openFtsStore(db, true);
  // Each commit of a bulk load leaves a segment of its own.
  for (let batch = 0; batch < 12; batch++)
    store.transaction(() => {
      store.setBulkLoad(true);
      for (let n = 0; n < 50; n++)
        store.putInteraction(`i${batch}-${n}`, '2026-03-01', ['c1'], { title: `coffee ${batch} ${n}`, notes: 'x' });
    }, {});
  const segments = () =>
    (db.prepare('SELECT count(DISTINCT segid) AS n FROM search_talks_idx').get() as { n: number }).n;
  expect(segments()).toBeGreaterThan(1);
  const matches = () => store.interactionIds([{ word: 'coffee', prefix: false, columns: [] }], 1000).length;
  expect(matches()).toBe(600);

  let steps = 0;
  while (store.mergeStep(1)) {
    steps++;
    expect(store.bulkLoading()).toBe(true);
  }
  expect(steps).toBeGreaterThan(1);
  expect(store.bulkLoading()).toBe(false);
  expect(segments()).toBe(1);
  expect(matches()).toBe(600);
  store.close();
});

it('leaves the index as it was, bulk load still on, when a merge step finds the disk full', () => {
  const db = new DatabaseSync(':memory:');
  const store = openFtsStore(db, true);
  const note = (n: number) => Array.from({ length: 40 }, (_, k) => `word${(n * 7 + k) % 997}`).join(' ');
  for (let batch = 0; batch < 8; batch++)
    store.transaction(() => {
      store.setBulkLoad(true);
      for (let n = 0; n < 200; n++)
        store.putInteraction(`i${batch}-${n}`, '2026-03-01', ['c1'], { title: 'coffee', notes: note(batch * 200 + n) });
    }, {});
  const matches = () => store.interactionIds([{ word: 'coffee', prefix: false, columns: [] }], 5000).length;
  const pages = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
  // No page more than the file has: the merged segment has nowhere to go.
  db.exec(`PRAGMA max_page_count = ${pages}`);
  expect(() => store.mergeStep(64)).toThrow(/full/);
  expect(db.isTransaction).toBe(false);
  expect(store.bulkLoading()).toBe(true);
  expect(matches()).toBe(1600);
  // FTS5's own check of the index against itself throws on any damage.
  expect(() => db.exec("INSERT INTO search_talks(search_talks) VALUES ('integrity-check')")).not.toThrow();

  db.exec('PRAGMA max_page_count = 1073741823');
  while (store.mergeStep(64));
  expect(store.bulkLoading()).toBe(false);
  expect(matches()).toBe(1600);
  store.close();
});

it('commits its passes and merge steps without waiting for the disk, and leaves the connection at FULL', () => {
  const temp = makeTempDir('rapport-fts-');
  const file = path.join(temp.dir, 'x.sqlite');
  const db = acquireConnection(file, { synchronous: 'FULL', busyTimeoutMs: 1000 });
  const level = () => (db.prepare('PRAGMA synchronous').get() as { synchronous: number }).synchronous;
  const atCommit: number[] = [];
  const exec = db.exec.bind(db);
  db.exec = (sql: string) => {
    if (sql === 'COMMIT') atCommit.push(level());
    exec(sql);
  };
  try {
    const store = openFtsStore(db, false);
    atCommit.length = 0; // creating the tables commits as any schema change does
    store.transaction(() => store.putInteraction('i1', '2026-03-01', ['c1'], { title: 'coffee', notes: '' }), {});
    store.mergeStep(64);
    expect(atCommit).toEqual([1, 1]);
    expect(level()).toBe(2);
  } finally {
    db.exec = exec;
    releaseConnection(file);
    temp.dispose();
  }
});
