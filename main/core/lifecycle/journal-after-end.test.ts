/**
 * Work an operation started can outlive it in the operation's async context: the projector's
 * checkpoint save runs two seconds later, a live Today recomputes and writes its nudge. Such a
 * write once recorded into the finished operation again, and the next start "undid" it: the
 * interaction logged, the person it added, all gone.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../testing/test-core.ts';

let t: TestCore;
afterEach(() => t.dispose());

it('keeps a finished operation finished when writes it set going come later, across a restart', async () => {
  t = await openTestCore({ now: '2026-03-02T12:00:00Z' });
  const sam = await t.call('contacts.create', { displayName: 'Sam Okafor', tier: 'close' });
  const checkpointSaved = () => new Promise((resolve) => setTimeout(resolve, 2600));
  await checkpointSaved(); // so the next save is set going inside the operation
  await t.call('interactions.log', {
    interaction: { type: 'coffee', date: '2026-03-02', contactIds: [sam.id] },
    newPeople: ['Noor Haddad'],
  });
  await checkpointSaved();
  const journal = join(t.dir, 'journal');
  expect(existsSync(journal) ? readdirSync(journal) : []).toEqual([]);

  await t.reopen();
  const people = (await t.core.db.contacts.find().exec()).map((d) => d.displayName).sort();
  expect(people).toEqual(['Noor Haddad', 'Sam Okafor']);
  expect(await t.core.db.interactions.count().exec()).toBe(1);
}, 15_000);
