/**
 * The tray, the notification loop and the Today screen share one reminders snapshot while nothing
 * it read has changed: shared-snapshot.ts. A shared answer must never be a stale one.
 */
import { describe, expect, it } from 'vitest';
import { recordingNotifier, until } from '../testing/fakes.ts';
import { openTestCore } from '../testing/test-core.ts';
import { sharedSnapshots } from './shared-snapshot.ts';

const HOUR = 3_600_000;

describe('a shared reminders snapshot', () => {
  it('is computed once for callers at the same time and reused until a write, its next change or a new zone', async () => {
    const h = await openTestCore({ now: '2026-03-18T12:00:00Z' });
    let zone = 'Europe/London';
    let computed = 0;
    let fail = false;
    const shared = sharedSnapshots({ db: h.core.db, clock: h.clock, timeZone: () => zone }, async () => {
      computed++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail) throw new Error('the disk went away');
      const now = h.clock.now();
      return { now, n: computed, schedule: { nextChangeAt: new Date(now.getTime() + HOUR) } };
    });

    const [a, b, c] = await Promise.all([shared(), shared(), shared()]);
    expect(computed).toBe(1);
    expect([a.n, b.n, c.n]).toEqual([1, 1, 1]);

    h.clock.advance(HOUR / 2);
    const later = await shared();
    expect(later.n).toBe(1);
    expect(later.now.toISOString()).toBe('2026-03-18T12:30:00.000Z'); // the caller's own time

    // Writes invalidate it: people (through their index row), settings (a snooze), and below
    // interactions and details (with the derived rows they move). Which collections count is
    // REMINDER_INPUTS, which remembered-today.test.ts holds complete.
    await h.call('contacts.create', { displayName: 'Ada Lovelace' });
    expect((await shared()).n).toBe(2);
    await h.call('reminders.snooze', {
      personId: (await h.call('contacts.create', { displayName: 'Bo' })).id,
      days: 1,
    });
    expect((await shared()).n).toBe(3);
    expect((await shared()).n).toBe(3);
    // Interactions (a log), details and the waiting follow-ups (a detail with a follow-up day).
    const sam = await h.call('contacts.create', { displayName: 'Sam Okafor' });
    expect((await shared()).n).toBe(4);
    await h.call('interactions.log', {
      interaction: { type: 'coffee', date: '2026-03-17', contactIds: [sam.id] },
      newPeople: [],
      details: [],
    });
    expect((await shared()).n).toBe(5);
    await h.call('details.add', {
      contactId: sam.id,
      text: 'the marathon',
      learnedOn: '2026-03-17',
      followUpOn: '2026-03-19',
    });
    // The projector writes the follow-up row and its own checkpoint (in settings) just after.
    await h.core.projection.flush();
    expect((await shared()).n).toBe(6);
    expect((await shared()).n).toBe(6);

    h.clock.advance(HOUR); // past the schedule's next change: callers woken together share one
    expect((await Promise.all([shared(), shared(), shared()])).map((s) => s.n)).toEqual([7, 7, 7]);
    expect(computed).toBe(7);
    zone = 'America/New_York';
    expect((await shared()).n).toBe(8);

    h.clock.advance(-HOUR); // a clock set back never reuses a snapshot from its future
    expect((await shared()).n).toBe(9);

    fail = true;
    h.clock.advance(2 * HOUR);
    await expect(shared()).rejects.toThrow('the disk went away');
    fail = false;
    expect((await shared()).n).toBe(11); // the failure was not kept
  });

  it("serves the notification loop, the tray's count and Today from one computation after a change", async () => {
    const h = await openTestCore({ now: '2026-03-18T12:00:00Z', jobs: true, notifier: recordingNotifier() });
    const sam = await h.call('contacts.create', { displayName: 'Sam Okafor', tier: 'close' });
    await h.call('interactions.log', {
      interaction: { type: 'coffee', date: '2026-01-02', contactIds: [sam.id] },
      newPeople: [],
      details: [],
    });
    const seen = { today: [] as string[][], due: [] as number[] };
    const stops = [
      h.core.watch('reminders.watchToday', {}, (r) => r.ok && seen.today.push(names(r.value.overdue))),
      h.core.watch('reminders.watchDue', {}, (r) => r.ok && seen.due.push(r.value.count)),
    ];
    await until(() => seen.today.at(-1)?.[0] === 'Sam Okafor' && seen.due.at(-1) === 1);
    await h.call('reminders.wake', {});
    await h.call('reminders.wake', {}); // the loop's answer to any write the first Today made (its nudge)

    // Every snapshot reads the waiting follow-ups once, from the storage: count those reads (not
    // Today's own read of the follow-ups still to come this week, which starts after today).
    const storage = h.core.db.follow_ups.storageInstance;
    const query = storage.query.bind(storage);
    let reads = 0;
    storage.query = (prepared) => {
      const day = (prepared.query.selector as { followUpOn?: { $gt?: string } }).followUpOn;
      if (!day?.$gt) reads++;
      return query(prepared);
    };
    await h.core.projection.flush();
    await new Promise((resolve) => setTimeout(resolve, 100)); // Today's recomputation after its nudge
    reads = 0;
    // One write to one input (a snooze is a settings write): Today and the tray push, the loop re-plans.
    await h.call('reminders.snooze', { personId: sam.id, days: 1 });
    await until(() => seen.today.at(-1)?.length === 0 && seen.due.at(-1) === 0);
    await h.call('reminders.wake', {});
    for (const stop of stops) stop();
    // Three askers, one computation (each its own: three).
    expect(reads).toBe(1);
  });
});

const names = (items: { displayName: string }[]) => items.map((i) => i.displayName);
