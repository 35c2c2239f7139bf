import { afterEach, expect, test } from 'vitest';
import { inArea } from '../area.ts';
import { rawContact } from '../testing/documents.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';
import { keptRead } from './kept-read.ts';

let t: TestCore | undefined;
afterEach(() => t?.dispose());

test('a read is kept until what it read is written, or until nobody has asked for a while', async () => {
  t = await openTestCore();
  const db = t.core.db;
  let reads = 0;
  const names = keptRead(
    db,
    ['contacts'],
    async (prefix: string) => {
      reads++;
      return (await db.contacts.find().exec()).map((d) => d.displayName).filter((n) => n.startsWith(prefix));
    },
    { forgetAfterMs: 80 },
  );
  const write = (id: string) =>
    inArea('replication', () => db.contacts.insert(rawContact(id, { displayName: `P ${id}` })));
  await write('a');
  expect(await names('P')).toEqual(['P a']);
  expect(await names('P')).toEqual(['P a']);
  expect(reads).toBe(1);
  await names('Q');
  expect(reads).toBe(2);
  await write('b');
  expect(await names('Q')).toEqual([]);
  expect(reads).toBe(3);
  await new Promise((resolve) => setTimeout(resolve, 200));
  await names('Q');
  expect(reads).toBe(4);
});
