import { DatabaseSync } from 'node:sqlite';
import { expect, it } from 'vitest';
import { openFtsStore } from './fts-store.ts';

const failing = () => {
  throw new Error('disk full');
};

it('keeps bulk load in the file, so a rolled-back pass leaves it as the file has it', () => {
  const store = openFtsStore(new DatabaseSync(':memory:'), true);
  expect(store.bulkLoading()).toBe(false);
  expect(() =>
    store.transaction(() => {
      store.setBulkLoad(true);
      failing();
    }, {}),
  ).toThrow('disk full');
  expect(store.bulkLoading()).toBe(false);
  // The next pass asks again and gets it (a remembered "on" would have skipped the write).
  store.transaction(() => store.setBulkLoad(true), {});
  expect(store.bulkLoading()).toBe(true);
  expect(() =>
    store.transaction(() => {
      store.setBulkLoad(false);
      failing();
    }, {}),
  ).toThrow('disk full');
  expect(store.bulkLoading()).toBe(true);
  store.transaction(() => store.setBulkLoad(false), {});
  expect(store.bulkLoading()).toBe(false);
  store.close();
});
