import { beforeAll, describe, expect, it } from 'vitest';
import { openTestCore } from '../testing/test-core.ts';

beforeAll(() => {
  process.env.TZ = 'Europe/London';
});

/** Sam (close: due after 21 days) last had coffee on 2 January; it is now 1 March, so Sam is overdue. */
async function withSam() {
  const h = await openTestCore({ now: '2026-01-02T12:00:00Z' });
  const sam = await h.call('contacts.create', { displayName: 'Sam Okafor', givenName: 'Sam', tier: 'close' });
  await h.call('interactions.log', {
    interaction: { type: 'coffee', date: '2026-01-02', contactIds: [sam.id] },
    newPeople: [],
    details: [],
  });
  h.clock.set('2026-03-01T10:00:00Z');
  const snoozedUntil = async () => (await h.next('person.watch', { id: sam.id })).snoozedUntil;
  const dueNames = async () => (await h.next('reminders.watchDue', {})).people.map((p) => p.displayName);
  return { h, sam, snoozedUntil, dueNames };
}

describe('Undo of Later', () => {
  it('takes a snooze back to no hold at all: they are due again at once', async () => {
    const { h, sam, snoozedUntil, dueNames } = await withSam();
    const { change } = await h.call('reminders.snooze', { personId: sam.id, days: 7 });
    expect(await snoozedUntil()).toBe('2026-03-08');
    expect(await dueNames()).toEqual([]);

    await h.call('reminders.undo', change);
    expect(await snoozedUntil()).toBeUndefined();
    expect(await dueNames()).toEqual(['Sam Okafor']);
  });

  it('puts back the snooze a longer one replaced, and the snooze a skip replaced', async () => {
    const { h, sam, snoozedUntil } = await withSam();
    await h.call('reminders.snooze', { personId: sam.id, days: 1 });
    const week = await h.call('reminders.snooze', { personId: sam.id, days: 7 });
    await h.call('reminders.undo', week.change);
    expect(await snoozedUntil()).toBe('2026-03-02');

    const skip = await h.call('reminders.skip', { personId: sam.id });
    expect(await snoozedUntil()).toBeUndefined();
    await h.call('reminders.undo', skip.change);
    expect(await snoozedUntil()).toBe('2026-03-02');
    // The skip's day went with it: Sam is overdue again once the snooze ends.
    h.clock.set('2026-03-02T10:00:00Z');
    expect((await h.next('reminders.watchToday', {})).overdue.map((p) => p.displayName)).toEqual(['Sam Okafor']);
  });

  it('changes nothing when the hold was changed since, and is done when it is as before already', async () => {
    const { h, sam, snoozedUntil } = await withSam();
    const day = await h.call('reminders.snooze', { personId: sam.id, days: 1 });
    await h.call('reminders.snooze', { personId: sam.id, days: 7 });
    await expect(h.call('reminders.undo', day.change)).rejects.toThrow(/changed again since/);
    expect(await snoozedUntil()).toBe('2026-03-08');

    // Done ends any snooze: the week's Undo finds no hold, as before the first snooze was none either.
    await h.call('reminders.done', { personId: sam.id });
    await expect(h.call('reminders.undo', day.change)).resolves.toEqual({});
    expect(await snoozedUntil()).toBeUndefined();
  });
});

describe("Undo of the nudge's answers", () => {
  it('takes Skip and Tonight back to an unanswered nudge, skip count included', async () => {
    const { h } = await withSam();
    const before = (await h.next('reminders.watchToday', {}, (v) => v.nudge !== null)).nudge!;
    expect(before.outcome).toBeUndefined();

    const skip = await h.call('reminders.nudge', { action: 'skip' });
    expect(skip.change).toMatchObject({ kind: 'nudge', after: { outcome: 'skipped', skipsInARow: 1 } });
    await h.call('reminders.undo', skip.change);
    expect((await h.next('reminders.watchToday', {})).nudge).toEqual(before);

    const tonight = await h.call('reminders.nudge', { action: 'tonight' });
    await h.call('reminders.undo', tonight.change);
    const again = (await h.next('reminders.watchToday', {})).nudge!;
    expect(again).toEqual(before);
    // Skipped once after all: one in a row, not two.
    const second = await h.call('reminders.nudge', { action: 'skip' });
    expect(second.change).toMatchObject({ after: { skipsInARow: 1 } });
  });
});

describe('Undo of Done', () => {
  it('takes the interaction back, and the snooze it ended and the nudge it answered', async () => {
    const { h, sam, snoozedUntil } = await withSam();
    const nudge = (await h.next('reminders.watchToday', {}, (v) => v.nudge !== null)).nudge!;
    expect(nudge.personId).toBe(sam.id);
    await h.call('reminders.snooze', { personId: sam.id, days: 7 });

    const done = await h.call('reminders.done', { personId: sam.id, type: 'call' });
    expect(done.changes.map((c) => c.kind)).toEqual(['hold', 'nudge']);
    expect(await snoozedUntil()).toBeUndefined();
    expect((await h.next('reminders.watchToday', {}, (v) => v.nudge?.outcome === 'done')).nudge!.outcome).toBe('done');

    await h.call('reminders.undoDone', done);
    expect(await snoozedUntil()).toBe('2026-03-08');
    expect((await h.next('reminders.watchToday', {}, (v) => v.nudge?.outcome === undefined)).nudge).toEqual(nudge);
    const timeline = await h.call('timeline.page', { filter: { contactId: sam.id }, offset: 0, limit: 10 });
    expect(timeline.entries.map((e) => e.type)).toEqual(['coffee']);
  });

  it('leaves a hold set again since as it is now, and still takes the interaction back', async () => {
    const { h, sam, snoozedUntil } = await withSam();
    await h.call('reminders.snooze', { personId: sam.id, days: 7 });
    const done = await h.call('reminders.done', { personId: sam.id });
    await h.call('reminders.snooze', { personId: sam.id, days: 1 });

    await h.call('reminders.undoDone', done);
    expect(await snoozedUntil()).toBe('2026-03-02');
    const timeline = await h.call('timeline.page', { filter: { contactId: sam.id }, offset: 0, limit: 10 });
    expect(timeline.entries.map((e) => e.type)).toEqual(['coffee']);
  });
});
