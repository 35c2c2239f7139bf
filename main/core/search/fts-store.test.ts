import { DatabaseSync } from 'node:sqlite';
import { expect, it } from 'vitest';
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
