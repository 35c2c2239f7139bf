import { afterEach, expect, test } from 'vitest';
import { inArea } from '../area.ts';
import type { DetailDocument } from '../details/schema.ts';
import { rawContact, rawInteraction, WRITTEN_AT } from '../testing/documents.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';
import { findAnyOf } from './find-any-of.ts';

let t: TestCore | undefined;
afterEach(() => t?.dispose());

/** A tiny deterministic generator, so a failure repeats. */
function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor((state / 2 ** 31) * n);
  };
}

test('reads the same documents, in the same order, as the $in query it replaces', async () => {
  t = await openTestCore();
  const random = generator(20261202);
  const people = Array.from({ length: 40 }, (_, i) => rawContact(`c${i}`, { displayName: `Person ${i}` }));
  const interactions = Array.from({ length: 300 }, (_, i) =>
    rawInteraction(`i${i}`, {
      date: `2025-0${1 + random(9)}-1${random(10)}`,
      contactIds: [...new Set([`c${random(40)}`, `c${random(40)}`])],
    }),
  );
  const details: DetailDocument[] = Array.from({ length: 120 }, (_, i) => ({
    id: `d${i}`,
    contactId: `c${random(40)}`,
    text: `detail ${i}`,
    learnedOn: `2025-0${1 + random(9)}-0${1 + random(9)}`,
    sensitivity: 'normal',
    status: random(3) ? 'open' : 'resolved',
    createdAt: WRITTEN_AT,
    updatedAt: WRITTEN_AT,
  }));
  const db = t.core.db;
  await inArea('replication', async () => {
    await db.contacts.bulkInsert(people);
    await db.interactions.bulkInsert(interactions);
    await db.details.bulkInsert(details);
  });
  await t.core.projection.flush();

  for (let round = 0; round < 30; round++) {
    // Repeats and people with nothing are part of what callers pass.
    const ids = Array.from({ length: 1 + random(8) }, () => `c${random(45)}`);
    const ofLinks = await findAnyOf(db.participations, 'contactId', ids);
    const linksIn = await db.participations.find({ selector: { contactId: { $in: ids } } }).exec();
    expect(ofLinks.map((d) => d.id)).toEqual(linksIn.map((d) => d.id));
    const open = await findAnyOf(db.details, 'contactId', ids, { status: 'open' });
    const openIn = await db.details.find({ selector: { contactId: { $in: ids }, status: 'open' } }).exec();
    expect(new Set(open.map((d) => d.id))).toEqual(new Set(openIn.map((d) => d.id)));
    expect(open.length).toBe(openIn.length);
  }
  expect((await findAnyOf(db.details, 'contactId', [])).length).toBe(0);
});

test("reads each value as a range of the index its field leads, even beside a condition on another index's field", async () => {
  t = await openTestCore();
  const details = t.core.db.details;
  const used: string[][] = [];
  const query = details.storageInstance.query.bind(details.storageInstance);
  details.storageInstance.query = (prepared) => {
    used.push(prepared.queryPlan.index);
    return query(prepared);
  };
  await findAnyOf(details, 'contactId', ['c1', 'c2'], { status: 'open' });
  // Left to RxDB's planner, [status, learnedOn] tied with it and won: every open detail, each time.
  expect(used).toEqual([0, 1].map(() => ['_deleted', 'contactId', 'learnedOn', 'id']));
});
