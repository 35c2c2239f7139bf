/**
 * The projection's promise: whoever writes the source collections (here raw writes, as sync
 * delivers them, in random order and batches), the derived data ends up exactly what a rebuild
 * from scratch produces, and search answers as an index built from scratch would.
 */
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/domain/search/generate.ts';
import { inArea } from '../area.ts';
import type { RapportDatabase } from '../db/database.ts';
import type { DetailDocument } from '../details/schema.ts';
import type { InteractionDocument } from '../interactions/schema.ts';
import { interactionSortKey } from '../interactions/sort-key.ts';
import type { ContactDocument } from '../people/schema.ts';
import { createSearchService } from '../search/search-service.ts';
import { byId, storedRows } from '../testing/stored-rows.ts';
import { openTestCore } from '../testing/test-core.ts';
import { rawContact } from '../testing/documents.ts';
import { expectedDerived, rebuildDerived } from './rebuild.ts';
import { createSearchProjection } from './search-projection.ts';

const NAMES = ['Ada Okafor', 'Sam Lee', 'Priya Patel', 'Zoë Müller', 'José Núñez', 'Wei Chen', 'Olga Ivanova'];
const WORDS = ['coffee', 'biscuit', 'launch', 'marathon', 'leeds', 'pottery', 'compiler', 'garden'];
const QUERIES = ['ada', 'sam lee', 'priya', 'zoe', 'jose', 'biscuit', 'coffee launch', 'leeds', 'ol', 'garden'];
const BATCHES = 60;

/** Random writes over small id pools, so ids are reused: updates, deletes and revivals all happen. */
function randomWriter(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[random(list.length)]!;
  const contactId = () => `c${random(25)}`;
  const stamp = '2026-03-01T09:00:00.000Z';
  const date = () => `2025-${String(1 + random(12)).padStart(2, '0')}-${String(1 + random(28)).padStart(2, '0')}`;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

  const contact = (): ContactDocument =>
    rawContact(contactId(), {
      displayName: `${pick(NAMES)}${random(3) === 0 ? ` ${random(100)}` : ''}`,
      tags: random(2) ? [pick(WORDS)] : [],
      archived: random(5) === 0,
      ...(random(2) ? { tier: pick(['close', 'regular', 'occasional', 'yearly'] as const) } : {}),
      ...(random(3) === 0 ? { notes: words(3) } : {}),
      ...(random(6) === 0 ? { cadence: { idealDays: 10, maxDays: 20 } } : {}),
      ...(random(3) === 0 ? { birthday: { month: 1 + random(12), day: 1 + random(28) } } : {}),
      createdAt: `2024-0${1 + random(9)}-10T09:00:00.000Z`,
      updatedAt: stamp,
    });
  const interaction = (): InteractionDocument => {
    const id = `i${random(90)}`;
    const day = date();
    const time = random(2) ? `${String(random(24)).padStart(2, '0')}:30` : undefined;
    // Some interactions name people who do not exist (yet): sync can deliver them in any order.
    const contactIds = [...new Set(Array.from({ length: 1 + random(3) }, contactId))];
    return {
      id,
      type: pick(['coffee', 'call', 'email', 'meet-up', 'conference'] as const),
      date: day,
      ...(time ? { time } : {}),
      contactIds,
      title: words(2),
      gave: [],
      asked: [],
      mutual: false,
      sortKey: interactionSortKey(day, time, id),
      createdAt: stamp,
      updatedAt: stamp,
    };
  };
  const detail = (): DetailDocument => ({
    id: `d${random(40)}`,
    contactId: contactId(),
    text: words(2),
    learnedOn: date(),
    ...(random(2) ? { followUpOn: date() } : {}),
    sensitivity: 'normal',
    status: random(4) ? 'open' : 'resolved',
    createdAt: stamp,
    updatedAt: stamp,
  });

  /** One batch: a few writes per collection, upserts and removals, applied in a random order. */
  return async function batch(db: RapportDatabase): Promise<number> {
    const steps: (() => Promise<unknown>)[] = [];
    const size = 5 + random(30);
    for (let i = 0; i < size; i++) {
      const kind = random(3);
      const remove = random(5) === 0;
      if (kind === 0)
        steps.push(() => (remove ? db.contacts.bulkRemove([contactId()]) : db.contacts.bulkUpsert([contact()])));
      else if (kind === 1)
        steps.push(() =>
          remove ? db.interactions.bulkRemove([`i${random(90)}`]) : db.interactions.bulkUpsert([interaction()]),
        );
      else steps.push(() => (remove ? db.details.bulkRemove([`d${random(40)}`]) : db.details.bulkUpsert([detail()])));
    }
    // Writes from another device: not through any area's services.
    await inArea('replication', async () => {
      for (const step of steps) await step();
    });
    return size;
  };
}

describe('the projection', () => {
  it('equals a rebuild from scratch after every batch of raw source writes', async () => {
    const { core } = await openTestCore();
    const { db } = core;
    const write = randomWriter(20261201);
    let operations = 0;
    let peak = 0;
    let pendingFollowUps = 0;
    let waitingMeetings = 0;
    for (let batch = 0; batch < BATCHES; batch++) {
      operations += await write(db);
      await core.projection.flush();
      const expected = await expectedDerived(db);
      expect(await storedRows(db.participations)).toEqual(byId([...expected.participations.values()]));
      expect(await storedRows(db.follow_ups)).toEqual(byId([...expected.followUps.values()]));
      expect(await storedRows(db.meetings)).toEqual(byId([...expected.meetings.values()]));
      expect(await storedRows(db.people_index)).toEqual(byId([...expected.peopleIndex.values()]));
      peak = Math.max(peak, expected.participations.size);
      pendingFollowUps += [...expected.followUps.values()].filter((row) => row.waiting).length;
      waitingMeetings += [...expected.meetings.values()].filter((row) => row.waiting).length;

      const live = await Promise.all(QUERIES.map((q) => core.call('search.query', { q, limit: 50 })));
      const scratch = createSearchProjection(db, new DatabaseSync(':memory:'));
      const fresh = createSearchService(scratch);
      const rebuilt = await Promise.all(QUERIES.map((q) => fresh.query(q, 50)));
      await scratch.close();
      expect(live).toEqual(rebuilt);
    }
    // The run exercised what it claims: over a thousand writes, and real timelines to compare.
    expect(operations).toBeGreaterThanOrEqual(1000);
    expect(peak).toBeGreaterThan(50);
    expect(pendingFollowUps).toBeGreaterThan(BATCHES);
    expect(waitingMeetings).toBeGreaterThan(BATCHES);
  }, 120_000);

  it('catches up at the next start with writes it missed while closed', async () => {
    const t = await openTestCore();
    const write = randomWriter(7);
    await write(t.core.db);
    await t.core.projection.flush();
    // Stop the projector as a crash would, right after more source writes land.
    await t.core.projection.close();
    for (let i = 0; i < 5; i++) await write(t.core.db);
    await t.reopen();
    const expected = await expectedDerived(t.core.db);
    expect(await storedRows(t.core.db.participations)).toEqual(byId([...expected.participations.values()]));
    expect(await storedRows(t.core.db.follow_ups)).toEqual(byId([...expected.followUps.values()]));
    expect(await storedRows(t.core.db.meetings)).toEqual(byId([...expected.meetings.values()]));
    expect(await storedRows(t.core.db.people_index)).toEqual(byId([...expected.peopleIndex.values()]));
  });

  it('a rebuild repairs derived rows that were damaged, and reports how many it changed', async () => {
    const t = await openTestCore();
    await randomWriter(3)(t.core.db);
    await t.core.projection.flush();
    const someone = (await t.core.db.people_index.find().exec())[0]!;
    await inArea('projection', () => someone.incrementalPatch({ sortName: 'zzz wrong' }));
    const report = await t.core.projection.rebuild();
    expect(report.changed).toBe(1);
    expect((await t.core.db.people_index.findOne(someone.id).exec())?.sortName).toBe(
      someone.displayName.toLocaleLowerCase(),
    );
  });

  it('a paged rebuild repairs missing, wrong and stale timeline rows, and builds them from nothing', async () => {
    const t = await openTestCore();
    const { db } = t.core;
    const write = randomWriter(11);
    for (let i = 0; i < 8; i++) await write(db);
    await t.core.projection.flush();
    await t.core.projection.close();
    const expected = await expectedDerived(db);
    const rows = [...expected.participations.values()];
    expect(rows.length).toBeGreaterThan(20);
    await inArea('projection', async () => {
      await db.participations.bulkRemove([rows[0]!.id, rows[7]!.id]);
      await db.participations.bulkUpsert([
        { ...rows[3]!, sortKey: '1999-01-01 wrong' },
        // Stale: an interaction that does not exist, past the last one and before the first.
        { id: 'zz:c1', interactionId: 'zz', contactId: 'c1', sortKey: '2025-01-01 zz' },
        { id: 'a:c1', interactionId: 'a', contactId: 'c1', sortKey: '2025-01-01 a' },
        // Stale: someone who is not in that interaction.
        { ...rows[5]!, id: `${rows[5]!.interactionId}:nobody`, contactId: 'nobody' },
      ]);
    });
    const stages: string[] = [];
    // Pages of three interactions: every page boundary and the sweep's paging are crossed.
    const report = await inArea('projection', () => rebuildDerived(db, (phase) => stages.push(phase), 3));
    expect(report.changed).toBe(6);
    expect(await storedRows(db.participations)).toEqual(byId(rows));
    expect(new Set(stages)).toEqual(new Set(['timelines', 'checking']));

    expect(await storedRows(db.meetings)).toEqual(byId([...expected.meetings.values()]));

    await inArea('projection', () => db.participations.bulkRemove(rows.map((row) => row.id)));
    await inArea('projection', () => db.meetings.bulkRemove([...expected.meetings.keys()]));
    await inArea('projection', () => rebuildDerived(db, () => {}, 3));
    expect(await storedRows(db.participations)).toEqual(byId(rows));
    expect(await storedRows(db.meetings)).toEqual(byId([...expected.meetings.values()]));
    expect(await storedRows(db.people_index)).toEqual(byId([...expected.peopleIndex.values()]));
  });
});
