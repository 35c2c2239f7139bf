/**
 * The windows' promise: whatever is written, wherever (a person inserted, edited, archived or
 * deleted, an interaction that moves their last contact, new rhythms), every subscriber's window,
 * rebuilt from the pushes alone, equals the same rows of a full re-query of the People list; also
 * while everyone is still being read at the start, for the windows answered from the index then.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PEOPLE_QUERY,
  peopleListEntry,
  tagsOf,
  viewPeople,
  type PeopleQuery,
} from '../../../shared/domain/people-list-view.ts';
import { seededRandom } from '../../../shared/domain/search/generate.ts';
import type { PeopleWindow } from '../../../shared/ipc/channels/people.ts';
import { applyPeopleWindow, type HeldPeopleWindow } from '../../../shared/ipc/people-window.ts';
import { inArea } from '../area.ts';
import type { InteractionDocument } from '../interactions/schema.ts';
import { interactionSortKey } from '../interactions/sort-key.ts';
import { createSettingsStore } from '../settings/settings-store.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';
import { rawContact } from '../testing/documents.ts';
import { personListItem } from './people-list.ts';
import { createPeopleWindows, type PeopleWindowsOptions } from './people-windows.ts';
import type { ContactDocument } from './schema.ts';

const NAMES = ['Ada Okafor', 'Sam Lee', 'Priya Patel', 'Zoë Müller', 'José Núñez', 'Wei Chen', 'Olga Ivanova'];
const TAGS = ['coffee', 'leeds', 'pottery', 'compiler', 'garden'];
const TIERS = ['close', 'regular', 'occasional', 'yearly'] as const;
const OPERATIONS = 520;
const TODAY = '2026-03-18';
const stamp = `${TODAY}T09:00:00.000Z`;

const QUERIES: { query: Partial<PeopleQuery>; offset: number; limit: number }[] = [
  { query: {}, offset: 0, limit: 12 },
  { query: {}, offset: 20, limit: 15 },
  { query: { sort: 'last-contact' }, offset: 0, limit: 10 },
  { query: { sort: 'last-contact' }, offset: 30, limit: 10 },
  { query: { sort: 'next-due' }, offset: 3, limit: 20 },
  { query: { status: 'overdue', sort: 'next-due' }, offset: 0, limit: 8 },
  { query: { status: 'due' }, offset: 2, limit: 10 },
  { query: { status: 'archived', sort: 'last-contact' }, offset: 0, limit: 10 },
  { query: { tag: 'leeds' }, offset: 0, limit: 6 },
  { query: { tier: 'none', sort: 'next-due' }, offset: 4, limit: 9 },
  { query: { tier: 'close' }, offset: 0, limit: 5 },
  { query: { text: ' OL ' }, offset: 0, limit: 10 },
];

function randomWriter(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[random(list.length)]!;
  const contactId = () => `c${random(70)}`;
  // A quarter on one busy last day: last-contact and next-due windows then end inside a day of
  // many people. Now and then a coffee planned ahead: its clock counts from today.
  const day = () =>
    random(4) === 0
      ? '2025-12-30'
      : random(15) === 0
        ? `2026-04-0${1 + random(9)}`
        : `2025-${String(1 + random(12)).padStart(2, '0')}-${String(1 + random(28)).padStart(2, '0')}`;
  const contact = (): ContactDocument =>
    rawContact(contactId(), {
      // Few names, so equal names (ordered by id) are common.
      displayName: `${pick(NAMES)}${random(4) === 0 ? ` ${random(5)}` : ''}`,
      tags: TAGS.filter(() => random(4) === 0),
      archived: random(6) === 0,
      ...(random(3) ? { tier: pick(TIERS) } : {}),
      ...(random(8) === 0 ? { cadence: { idealDays: 7 * (1 + random(30)), maxDays: 400 } } : {}),
      ...(random(2) ? { organisation: pick(['Leeds Pottery', 'Oldham FC', 'Acme']) } : {}),
      createdAt: `2024-0${1 + random(9)}-10T09:00:00.000Z`,
      updatedAt: stamp,
    });
  const interaction = (): InteractionDocument => {
    const id = `i${random(120)}`;
    const date = day();
    return {
      ...{ id, type: 'coffee', date, contactIds: [...new Set([contactId(), contactId()].slice(0, 1 + random(2)))] },
      ...{ gave: [], asked: [], mutual: false, sortKey: interactionSortKey(date, undefined, id) },
      ...{ createdAt: stamp, updatedAt: stamp },
    };
  };
  /** One write, as another device would deliver it; now and then new rhythms for every tier. */
  return async function write(t: TestCore): Promise<void> {
    const { db } = t.core;
    const kind = random(20);
    if (kind === 0) {
      const weeks = () => {
        const idealDays = 7 * (1 + random(20));
        return { idealDays, maxDays: idealDays + random(60) };
      };
      await t.call('settings.setKeepInTouch', {
        tiers: { close: weeks(), regular: weeks(), occasional: weeks(), yearly: weeks() },
      });
      return;
    }
    await inArea('replication', async () => {
      if (kind < 9) await db.contacts.bulkUpsert([contact()]);
      else if (kind < 12) await db.contacts.bulkRemove([contactId()]);
      else if (kind < 17) await db.interactions.bulkUpsert([interaction()]);
      else await db.interactions.bulkRemove([`i${random(120)}`]);
    });
    await t.core.projection.flush();
  };
}

/** The People list from scratch: every row of `people_index`, filtered and sorted. */
async function fullRequery(t: TestCore) {
  const keep = await t.call('settings.getKeepInTouch', {});
  const rows = (await t.core.db.people_index.find().exec()).map((doc) => doc.toMutableJSON());
  const entries = rows.map((row) => peopleListEntry(personListItem(row, keep.tiers, TODAY), row.sortName));
  return (query: PeopleQuery, offset: number, limit: number) => {
    const list = viewPeople(entries, query).map((e) => e.item);
    const base = entries.map((e) => e.item).filter((p) => p.archived === (query.status === 'archived'));
    return {
      offset,
      total: list.length,
      everyone: entries.filter((e) => !e.item.archived).length,
      archived: entries.filter((e) => e.item.archived).length,
      tags: tagsOf(base),
      rows: list.slice(offset, offset + limit),
    };
  };
}

/**
 * Turns of the event loop enough for every push: watchers waiting for the start attach one per
 * turn, and early windows are read one after another, a status filter's in chunks of 4 rows.
 */
const settled = async () => {
  for (let turn = 0; turn < 150; turn++) await new Promise((resolve) => setImmediate(resolve));
};

describe('People list windows', () => {
  it('equal a full re-query after every random insert, edit and delete', async () => {
    const t = await openTestCore({ now: `${TODAY}T12:00:00Z` });
    const write = randomWriter(20261201);
    const random = seededRandom(99);
    const watchers = QUERIES.map(({ query, offset, limit }) => {
      const watcher = { query: { ...DEFAULT_PEOPLE_QUERY, ...query }, offset, limit, pushes: 0 };
      return Object.assign(watcher, { held: undefined as HeldPeopleWindow | undefined, stop: () => {} });
    });
    const subscribe = (w: (typeof watchers)[number]) => {
      w.held = undefined;
      w.stop = t.core.watch('people.watchWindow', { query: w.query, offset: w.offset, limit: w.limit }, (result) => {
        if (!result.ok) throw new Error(result.error.message);
        w.pushes++;
        w.held = applyPeopleWindow(w.held, result.value);
      });
    };
    watchers.forEach(subscribe);

    let nonEmpty = 0;
    for (let op = 0; op < OPERATIONS; op++) {
      await write(t);
      // Scrolling: a window moves to another offset (a new subscription on a list the core keeps).
      if (random(10) === 0) {
        const w = watchers[random(watchers.length)]!;
        w.stop();
        w.offset = random(40);
        subscribe(w);
      }
      await settled();
      const expected = await fullRequery(t);
      for (const w of watchers) {
        const want = expected(w.query, w.offset, w.limit);
        expect({ ...w.held, tags: [...(w.held?.tags ?? [])] }, `${JSON.stringify(w.query)} after op ${op}`).toEqual(
          want,
        );
        if (want.rows.length) nonEmpty++;
      }
    }
    for (const w of watchers) w.stop();
    // The run compared real windows, not empty ones, and windows were not re-sent on every write.
    expect(nonEmpty).toBeGreaterThan(OPERATIONS * 5);
    const pushes = watchers.reduce((sum, w) => sum + w.pushes, 0);
    expect(pushes).toBeLessThan(OPERATIONS * watchers.length * 0.8);
  }, 60_000);

  it('answer windows in every order from indexes while everyone is read, as the full lists would, through edits', async () => {
    const t = await openTestCore({ now: `${TODAY}T12:00:00Z` });
    const write = randomWriter(20261202);
    const random = seededRandom(7);
    for (let op = 0; op < 150; op++) await write(t);
    const settings = createSettingsStore(t.core.db, t.clock);
    const windowsOn = (options?: PeopleWindowsOptions) =>
      createPeopleWindows({ db: t.core.db, clock: t.clock, settings }, options);
    const requests = [
      { query: {}, offset: 0, limit: 12 },
      { query: {}, offset: 0, limit: 0 },
      { query: {}, offset: 17, limit: 30 },
      { query: { status: 'archived' }, offset: 0, limit: 10 },
      { query: { status: 'archived' }, offset: 60, limit: 5 },
      { query: { sort: 'last-contact' }, offset: 0, limit: 10 },
      { query: { sort: 'last-contact' }, offset: 13, limit: 9 },
      { query: { sort: 'next-due' }, offset: 0, limit: 10 },
      { query: { sort: 'next-due' }, offset: 9, limit: 7 },
      // Short windows end inside a tier, and so inside a day of many clocks (or of clocks from today).
      { query: { sort: 'next-due' }, offset: 0, limit: 3 },
      { query: { sort: 'next-due' }, offset: 3, limit: 2 },
      // Everyone, people without a rhythm included.
      { query: { sort: 'next-due' }, offset: 0, limit: 80 },
      // The people due or overdue, in any order.
      { query: { sort: 'next-due', status: 'overdue' }, offset: 0, limit: 5 },
      { query: { status: 'due' }, offset: 3, limit: 7 },
      { query: { sort: 'last-contact', status: 'overdue' }, offset: 0, limit: 0 },
      // Not answered by an index: archived people in last-contact order wait for everyone (that
      // index does not hold `archived`).
      { query: { sort: 'last-contact', status: 'archived' }, offset: 2, limit: 6 },
    ].map((r) => ({ ...r, query: { ...DEFAULT_PEOPLE_QUERY, ...r.query } as PeopleQuery }));
    const early = requests.filter((r) => r.query.sort === 'name' || r.query.status !== 'archived');
    const withoutTags = ({ tags: _, ...window }: HeldPeopleWindow | PeopleWindow) => window;

    let transitionRows = 0;
    let editedWhileReading = 0;
    let rowsSentWhileReading = 0;
    let rowsShownWhileReading = 0;
    for (let round = 0; round < 16; round++) {
      // Everyone is read 4 rows at a time, and the reading stops after `holdAt` chunks until released.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let holding = () => {};
      const atHold = new Promise<boolean>((resolve) => (holding = () => resolve(true)));
      const holdAt = round === 0 ? 0 : random(5);
      let chunks = 0;
      const windows = windowsOn({
        chunkRows: 4,
        betweenChunks: () => {
          if (chunks++ < holdAt) return Promise.resolve();
          holding();
          return held;
        },
      });
      const reference = windowsOn();
      await reference.rows();
      const watched = requests.map((request) => {
        const w = {
          request,
          pushes: [] as PeopleWindow[],
          held: undefined as HeldPeopleWindow | undefined,
          theirs: undefined as PeopleWindow | undefined,
        };
        const mine = windows.watch(request).subscribe((push) => {
          w.pushes.push(push);
          w.held = applyPeopleWindow(w.held, push);
        });
        const theirs = reference.watch(request).subscribe((push) => (w.theirs ??= push));
        return Object.assign(w, { stop: () => [mine, theirs] });
      });
      // Held while reading, or everyone read already (fewer chunks than `holdAt`).
      const reading = await Promise.race([atHold, windows.rows().then(() => false)]);
      await settled();
      for (const w of watched) {
        const label = `${JSON.stringify(w.request)} in round ${round}`;
        if (!reading || early.includes(w.request)) {
          // The first push is the one the full lists send, but for the tags in use.
          expect(withoutTags(w.pushes[0]!), label).toEqual(withoutTags(w.theirs!));
        } else expect(w.pushes, label).toEqual([]);
      }

      const edits = round === 0 ? 0 : random(6);
      if (reading && edits) editedWhileReading++;
      for (let e = 0; e < edits; e++) {
        const pushed = watched.map((w) => w.pushes.length);
        await write(t);
        await settled();
        const expected = await fullRequery(t);
        for (const [i, w] of watched.entries()) {
          if (reading && !early.includes(w.request)) continue;
          const { request } = w;
          expect(withoutTags(w.held!), `${JSON.stringify(request)}, edit ${e} of round ${round}`).toEqual(
            withoutTags(expected(request.query, request.offset, request.limit)),
          );
          if (reading)
            for (const push of w.pushes.slice(pushed[i])) {
              rowsSentWhileReading += push.rows.length;
              rowsShownWhileReading += push.ids.length;
            }
        }
      }
      const beforeRelease = watched.map((w) => w.pushes.length);
      release();
      await windows.rows();
      await settled();
      const expected = await fullRequery(t);
      for (const [i, w] of watched.entries()) {
        const { request } = w;
        expect({ ...w.held, tags: [...(w.held?.tags ?? [])] }, `${JSON.stringify(request)} in round ${round}`).toEqual(
          expected(request.query, request.offset, request.limit),
        );
        if (!edits && reading && early.includes(request))
          // Once everyone is read, a window nothing changed in is sent the tags in use, no rows again.
          for (const push of w.pushes.slice(beforeRelease[i])) transitionRows += push.rows.length;
      }
      for (const w of watched) for (const s of w.stop()) s.unsubscribe();
      windows.close();
      reference.close();
    }
    expect(transitionRows).toBe(0);
    expect(editedWhileReading).toBeGreaterThan(6);
    // A window read from the index again is sent the rows that changed, not all it shows.
    expect(rowsSentWhileReading).toBeLessThan(rowsShownWhileReading / 3);
  }, 60_000);
});
