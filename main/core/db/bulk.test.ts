import { afterEach, expect, test } from 'vitest';
import { inArea } from '../area.ts';
import { rawContact } from '../testing/documents.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';
import { everyDocument } from './bulk.ts';

let t: TestCore | undefined;
afterEach(() => t?.dispose());

test('everyDocument reads every live document once, in id order, without RxDB fields', async () => {
  t = await openTestCore();
  const db = t.core.db;
  // More than one page (1,000), written out of id order, some rewritten later and some deleted.
  const ids = Array.from({ length: 2_345 }, (_, i) => `c${String((i * 7_919) % 2_345).padStart(5, '0')}`);
  await inArea('replication', async () => {
    await db.contacts.bulkInsert(ids.map((id) => rawContact(id, { displayName: `Person ${id}` })));
    await db.contacts.bulkUpsert(ids.slice(0, 300).map((id) => rawContact(id, { displayName: `Renamed ${id}` })));
    await db.contacts.bulkRemove(ids.slice(300, 320));
  });
  const read = await everyDocument(db.contacts);
  const live = ids.slice(0, 300).concat(ids.slice(320)).sort();
  expect(read.map((d) => d.id)).toEqual(live);
  expect(read.find((d) => d.id === ids[0])?.displayName).toBe(`Renamed ${ids[0]}`);
  expect(Object.keys(read[0]!).filter((key) => key.startsWith('_'))).toEqual([]);
});
