import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inArea } from '../area.ts';
import { movableClock, recordingNotifier } from '../testing/fakes.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';
import type { TodayView } from '../../../shared/domain/reminders/views.ts';
import { REMINDER_INPUTS } from './live.ts';
import { createTodayMemory, REMEMBERED_TODAY_FILENAME } from './remembered-today.ts';

beforeAll(() => {
  process.env.TZ = 'Europe/London';
});

/**
 * A folder where Sam (close: overdue after 35 days) last had coffee on 2 January, Today seen on
 * 1 March and the core closed. The kept file is then edited to call Sam "Kept Sam": a Today that
 * says so came from the file, one that says "Sam Okafor" was computed.
 */
async function folderWithKeptToday(): Promise<{ h: TestCore; samId: string; clock: ReturnType<typeof movableClock> }> {
  const clock = movableClock('2026-01-02T12:00:00Z');
  const h = await openTestCore({ clock });
  const sam = await h.call('contacts.create', { displayName: 'Sam Okafor', givenName: 'Sam', tier: 'close' });
  await h.call('interactions.log', {
    interaction: { type: 'coffee', date: '2026-01-02', contactIds: [sam.id] },
    newPeople: [],
    details: [],
  });
  clock.set('2026-03-01T10:00:00Z');
  // The first computation chooses the day's nudge, a write after its marks were taken, so what it
  // kept never holds; the next one (a new screen, or the recomputation that write causes) does.
  await h.next('reminders.watchToday', {}, (v) => v.overdue.length === 1 && v.nudge !== null);
  await h.next('reminders.watchToday', {});
  await h.close();
  const file = join(h.dir, REMEMBERED_TODAY_FILENAME);
  writeFileSync(file, readFileSync(file, 'utf8').replaceAll('"Sam Okafor"', '"Kept Sam"'));
  return { h, samId: sam.id, clock };
}

const firstToday = async (h: TestCore) => (await h.next('reminders.watchToday', {})).overdue.map((p) => p.displayName);

describe('Today kept for the next start', () => {
  it('is shown at once after a restart when nothing changed, then follows edits', async () => {
    const { h, samId } = await folderWithKeptToday();
    await h.reopen();
    expect(await firstToday(h)).toEqual(['Kept Sam']);
    await h.call('contacts.update', { id: samId, fields: { displayName: 'Sam O.', tier: 'close' } });
    const after = await h.next('reminders.watchToday', {}, (v) => v.overdue[0]?.displayName === 'Sam O.');
    expect(after.totals.overdue).toBe(1);
  });

  it.each<[string, (h: TestCore, samId: string) => Promise<unknown>]>([
    ['a person', (h, id) => h.call('contacts.update', { id, fields: { displayName: 'Sam Okafor', tier: 'close' } })],
    [
      'an interaction',
      (h, id) =>
        h.call('interactions.log', {
          // Before the coffee in January: it changes no one's last contact.
          interaction: { type: 'call', date: '2025-12-01', contactIds: [id] },
          newPeople: [],
          details: [],
        }),
    ],
    [
      'a detail',
      (h, contactId) => h.call('details.add', { contactId, text: 'New puppy Biscuit', learnedOn: '2026-03-01' }),
    ],
    ['a setting', (h, personId) => h.call('reminders.skip', { personId })],
    [
      'a document written straight to storage, as replication writes',
      (h, id) =>
        inArea('replication', async () => {
          const doc = await h.core.db.contacts.findOne(id).exec();
          await doc!.incrementalPatch({ displayName: 'Samuel Okafor' });
        }),
    ],
  ])('is computed afresh after a write to %s', async (_what, write) => {
    const { h, samId } = await folderWithKeptToday();
    await h.reopen();
    await write(h, samId);
    expect(await firstToday(h)).not.toContain('Kept Sam');
  });

  it('is still shown after writes Today does not read: other settings, a note, the projector’s checkpoint', async () => {
    const { h, samId } = await folderWithKeptToday();
    await h.reopen();
    const network = await h.call('network.getSettings', {});
    await h.call('network.setSettings', { ...network, weeklyNoAskTarget: network.weeklyNoAskTarget + 1 });
    // A note changes no derived row, but the projector still moves its checkpoint (a setting).
    await h.call('contacts.update', {
      id: samId,
      fields: { displayName: 'Sam Okafor', givenName: 'Sam', tier: 'close', notes: 'Likes jazz' },
    });
    expect(await firstToday(h)).toEqual(['Kept Sam']);
  });

  it.each<[string, (h: TestCore, clock: ReturnType<typeof movableClock>) => Promise<void>]>([
    ['the next day', async (h, clock) => (clock.set('2026-03-02T10:00:00Z'), h.reopen())],
    ['another zone', (h) => h.reopen({ reminders: { timeZone: () => 'America/New_York' } })],
    ['a clock set back', async (h, clock) => (clock.set('2026-03-01T09:00:00Z'), h.reopen())],
    ['another version', (h) => h.reopen({ version: 'test-next' })],
    // A nudge put off until tonight says whether a notification will come.
    ['a shell that can notify', (h) => h.reopen({ notifier: recordingNotifier() })],
  ])('is computed afresh on %s', async (_what, reopen) => {
    const { h, clock } = await folderWithKeptToday();
    await reopen(h, clock);
    expect(await firstToday(h)).toEqual(['Sam Okafor']);
  });

  it.each(['{"format":1,"view":', '{"format":2}', 'null', ''])(
    'computes when the kept file holds %j',
    async (content) => {
      const { h } = await folderWithKeptToday();
      const file = join(h.dir, REMEMBERED_TODAY_FILENAME);
      writeFileSync(file, content);
      await h.reopen();
      expect(await firstToday(h)).toEqual(['Sam Okafor']);
      await h.close();
      expect(JSON.parse(readFileSync(file, 'utf8')).view.overdue[0].displayName).toBe('Sam Okafor');
    },
  );

  it('is kept with the marks of every collection Today reads', async () => {
    const { h, samId } = await folderWithKeptToday();
    await h.reopen();
    // Reasons from every input: a rhythm, a follow-up that came due, a conference.
    await h.call('details.add', {
      contactId: samId,
      text: 'Her talk',
      learnedOn: '2026-02-01',
      followUpOn: '2026-03-01',
    });
    await h.call('interactions.log', {
      interaction: { type: 'conference', date: '2026-02-27', contactIds: [samId] },
      newPeople: [],
      details: [],
    });
    await h.reopen();
    const db = h.core.db;
    const read = new Set<string>();
    const settingsRead = new Set<string>();
    for (const [name, collection] of Object.entries(db.collections)) {
      // Every way to read a collection's storage, recorded by name (and which settings).
      const storage = collection.storageInstance as unknown as Record<string, (...args: unknown[]) => unknown>;
      for (const method of ['query', 'findDocumentsById', 'count', 'getChangedDocumentsSince']) {
        const original = storage[method]!.bind(storage);
        storage[method] = (...args) => {
          read.add(name);
          // Settings are read by id; any other read of them would go unmarked.
          if (name === 'settings')
            for (const id of method === 'findDocumentsById' ? (args[0] as string[]) : [`a ${method}`])
              settingsRead.add(id);
          return original(...args);
        };
      }
    }
    rmSync(join(h.dir, REMEMBERED_TODAY_FILENAME));
    const today = await h.next('reminders.watchToday', {});
    const sam = [...today.overdue, ...today.due].find((p) => p.id === samId);
    expect(sam?.reasons.map((r) => r.kind)).toContain('follow-up');
    const collections = REMINDER_INPUTS.map((input) => (typeof input === 'string' ? input : input.collection));
    expect([...read].filter((name) => !collections.includes(name as never))).toEqual([]);
    expect(read.size).toBeGreaterThanOrEqual(4);
    // Settings are marked by key: every key read must be one of those marked.
    const marked = REMINDER_INPUTS.flatMap((input) => (typeof input === 'string' ? [] : input.ids));
    expect([...settingsRead].filter((id) => !marked.includes(id))).toEqual([]);
    expect(settingsRead.size).toBeGreaterThan(0);
  });

  it('never holds for a result when a write landed while it was computed', async () => {
    const h = await openTestCore();
    const deps = {
      ...{ db: h.core.db, clock: h.clock, dataDir: h.dir, version: 'v', notifies: false },
      timeZone: () => 'Europe/London',
    };
    const view: TodayView = {
      today: '2026-03-18',
      ...{ overdue: [], due: [], thisWeek: [], birthdays: [], nudge: null },
      totals: { overdue: 0, due: 0, thisWeek: 0, birthdays: 0 },
    };
    let computed = 0;
    const startOnce = async (writeMeanwhile: boolean) => {
      const memory = createTodayMemory(deps);
      await memory.remembering(async () => {
        computed++;
        if (writeMeanwhile) await h.call('reminders.skip', { personId: (await someone(h)).id });
        return { value: view, nextAt: new Date('2026-03-19T00:00:00Z') };
      })();
      await memory.flush();
    };
    await startOnce(true);
    await startOnce(false);
    expect(computed).toBe(2);
    await startOnce(false);
    expect(computed).toBe(2);
  });
});

const someone = (h: TestCore) => h.call('contacts.create', { displayName: 'Ada' });
