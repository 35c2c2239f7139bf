/**
 * Next-due windows read from indexes alone (index-reads.ts) hold exactly the rows of the whole
 * list sorted from scratch, on data made to land windows where it is hard: inside a tier's day of
 * many clocks, among clocks started in the future, among people with their own cadence, and past
 * everyone with a rhythm.
 */
import { describe, expect, it } from 'vitest';
import {
  comparePeople,
  DEFAULT_PEOPLE_QUERY,
  peopleListEntry,
  viewPeople,
  type PeopleQuery,
} from '../../../shared/domain/people-list-view.ts';
import { DEFAULT_TIER_CADENCES } from '../../../shared/domain/cadence.ts';
import { seededRandom } from '../../../shared/domain/search/generate.ts';
import { inArea } from '../area.ts';
import { interactionSortKey } from '../interactions/sort-key.ts';
import { rawContact } from '../testing/documents.ts';
import { openTestCore } from '../testing/test-core.ts';
import { readIndexWindow } from './index-reads.ts';
import { personListItem } from './people-list.ts';

const TODAY = '2026-03-18';
const stamp = `${TODAY}T09:00:00.000Z`;
const NAMES = ['Ada Okafor', 'Sam Lee', 'Priya Patel', 'Zoë Müller', 'Wei Chen'];
const TIERS = ['close', 'regular', 'occasional', 'yearly'] as const;
// Few days, one of them ahead of today: many clocks start on the same day.
const DAYS = ['2025-11-02', '2025-12-30', '2026-01-15', '2026-03-18', '2026-04-02', '2026-05-10'];

describe('next-due windows from indexes', () => {
  it.each([1, 2, 3])('hold the rows of the whole list, sorted from scratch (seed %i)', async (seed) => {
    const random = seededRandom(seed);
    const pick = <T>(list: readonly T[]) => list[random(list.length)]!;
    const t = await openTestCore({ now: `${TODAY}T12:00:00Z` });
    try {
      const people = 60 + random(60);
      const contacts = Array.from({ length: people }, (_, i) => {
        const contact = rawContact(`c${String(i).padStart(3, '0')}`, {
          displayName: pick(NAMES),
          archived: random(8) === 0,
          // Few people without a rhythm in some runs, so windows reach past everyone with one.
          // In one run nearly everyone is in one tier: windows then end inside its days of many clocks.
          ...(random(seed === 3 ? 12 : 4) ? { tier: seed === 2 && random(10) ? 'close' : pick(TIERS) } : {}),
          ...(random(6) === 0 ? { cadence: { idealDays: 7 * (1 + random(20)), maxDays: 300 } } : {}),
          createdAt: `${pick(DAYS.slice(0, 3))}T09:00:00.000Z`,
          updatedAt: stamp,
        });
        // A tier this version does not know (synced from a newer one) leaves its people untracked.
        return random(10) === 0 ? Object.assign(contact, { tier: 'weekly' }) : contact;
      });
      const interactions = contacts
        .filter(() => random(3) > 0)
        .map((c, i) => {
          const date = pick(DAYS);
          const id = `i${i}`;
          return {
            ...{ id, type: 'coffee' as const, date, contactIds: [c.id] },
            ...{ gave: [], asked: [], mutual: false, sortKey: interactionSortKey(date, undefined, id) },
            ...{ createdAt: stamp, updatedAt: stamp },
          };
        });
      await inArea('replication', async () => {
        await t.core.db.contacts.bulkUpsert(contacts);
        await t.core.db.interactions.bulkUpsert(interactions);
      });
      await t.core.projection.flush();

      const { tiers } = await t.call('settings.getKeepInTouch', {});
      const rows = (await t.core.db.people_index.find().exec()).map((doc) => doc.toMutableJSON());
      const entryOf = (row: (typeof rows)[number]) => peopleListEntry(personListItem(row, tiers, TODAY), row.sortName);
      const queries: Partial<PeopleQuery>[] = [
        { sort: 'next-due' },
        ...(['name', 'last-contact', 'next-due'] as const).flatMap((sort) => [
          { sort, status: 'due' as const },
          { sort, status: 'overdue' as const },
        ]),
      ];
      for (const asked of queries) {
        const query: PeopleQuery = { ...DEFAULT_PEOPLE_QUERY, ...asked };
        const whole = viewPeople(rows.map(entryOf), query).map((e) => e.item.id);
        // Every row as a window of one, and longer windows from a few places.
        const windows = [...whole.keys(), whole.length].map((offset) => [offset, 1] as const);
        for (const [offset, limit] of [...windows, [0, 20], [17, 9], [people - 10, 20], [0, 0]] as const) {
          const label = `${JSON.stringify(asked)}, rows ${offset} to ${offset + limit}`;
          const read = await readIndexWindow(t.core.db.people_index, query, offset, limit, 3, { tiers, today: TODAY });
          if (!read) throw new Error(`${label} were not answered from the indexes`);
          const sorted = read.rows.map(entryOf).sort(comparePeople(query.sort));
          const window = sorted.slice(read.skip, read.skip + limit).map((e) => e.item.id);
          expect(window, label).toEqual(whole.slice(offset, offset + limit));
          expect(read.total, label).toBe(whole.length);
        }
      }
    } finally {
      await t.close();
    }
  });

  it('are left to the full lists where a day holds more clocks than a short read takes', async () => {
    const t = await openTestCore({ now: `${TODAY}T12:00:00Z` });
    try {
      // An import of 1,100 people on one day, with a default tier and no interactions yet.
      const contacts = Array.from({ length: 1_100 }, (_, i) =>
        rawContact(`c${String(i).padStart(4, '0')}`, {
          displayName: NAMES[i % NAMES.length]!,
          tier: 'close',
          createdAt: '2026-02-01T09:00:00.000Z',
          updatedAt: stamp,
        }),
      );
      await inArea('replication', () => t.core.db.contacts.bulkUpsert(contacts));
      await t.core.projection.flush();
      const read = (sort: PeopleQuery['sort']) =>
        readIndexWindow(t.core.db.people_index, { ...DEFAULT_PEOPLE_QUERY, sort }, 0, 10, 500, {
          tiers: DEFAULT_TIER_CADENCES,
          today: TODAY,
        });
      expect(await read('next-due')).toBeUndefined();
      expect((await read('name'))?.rows).toHaveLength(10);
      // Everyone is overdue: 1,100 people, read a chunk at a time, are few enough for a status filter.
      const overdue = await readIndexWindow(
        t.core.db.people_index,
        { ...DEFAULT_PEOPLE_QUERY, status: 'overdue' },
        0,
        10,
        500,
        { tiers: DEFAULT_TIER_CADENCES, today: TODAY },
      );
      expect(overdue?.total).toBe(1_100);
    } finally {
      await t.close();
    }
  });
});
