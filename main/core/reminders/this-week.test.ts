import { afterEach, beforeAll, expect, it } from 'vitest';
import { inArea } from '../area.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';

beforeAll(() => {
  process.env.TZ = 'Europe/London';
});
let h: TestCore;
afterEach(() => h.dispose());

it('lists who comes up this week: a snooze ending, a follow-up day, a rhythm coming due, soonest first', async () => {
  h = await openTestCore({ now: '2026-02-20T12:00:00Z' });
  // Sam and Ana: close (due after 21 days) from 20 Feb, so due 13 March; Ana is snoozed past it. Bo: no rhythm.
  const sam = await h.call('contacts.create', { displayName: 'Sam Okafor', tier: 'close' });
  const ana = await h.call('contacts.create', { displayName: 'Ana Ruiz', tier: 'close' });
  const bo = await h.call('contacts.create', { displayName: 'Bo Lind' });
  await h.call('interactions.log', {
    interaction: { type: 'coffee', date: '2026-02-20', contactIds: [sam.id, bo.id] },
    details: [{ text: 'Job interview on Thursday', contactId: bo.id, followUpOn: '2026-03-13' }],
  });
  h.clock.set('2026-03-10T10:00:00Z');
  await h.call('reminders.snooze', { personId: ana.id, days: 7 });

  const today = await h.next('reminders.watchToday', {}, (v) => v.thisWeek.length === 3);
  expect(today.thisWeek.map((p) => [p.displayName, p.reasons])).toEqual([
    [
      'Bo Lind',
      [
        {
          kind: 'follow-up',
          detailId: expect.any(String),
          followUpOn: '2026-03-13',
          text: 'Job interview on Thursday',
        },
      ],
    ],
    ['Sam Okafor', []],
    ['Ana Ruiz', [{ kind: 'snoozed', until: '2026-03-17' }]],
  ]);
  expect(today.totals.thisWeek).toBe(3);
  // Ana is snoozed, so not due now; nobody is listed twice.
  expect(today.due.map((p) => p.displayName)).toEqual([]);
});

it('still shows Today when the reminder state is one this version cannot read, without a nudge', async () => {
  h = await openTestCore({ now: '2026-02-20T12:00:00Z' });
  await h.call('contacts.create', { displayName: 'Sam Okafor', tier: 'close' });
  h.clock.set('2026-04-01T10:00:00Z');
  // As a newer version on another device might write it: an outcome this version does not know.
  await inArea('replication', () =>
    h.core.db.settings.upsert({
      id: 'reminder-state',
      value: { holds: {}, nudge: { day: '2026-03-31', outcome: 'later', skipsInARow: 0 } },
      updatedAt: '2026-03-31T10:00:00.000Z',
    }),
  );
  const today = await h.next('reminders.watchToday', {});
  expect(today.overdue.map((p) => p.displayName)).toEqual(['Sam Okafor']);
  expect(today.nudge).toBeNull();
});

it('lists someone met at a meet-up until the 48 hours are up, then moves them to Due now, and drops them once followed up', async () => {
  h = await openTestCore({ now: '2026-12-02T19:00:00Z' });
  const omar = await h.call('contacts.create', { displayName: 'Omar Haddad' });
  const met = await h.call('interactions.log', {
    interaction: { type: 'meet-up', date: '2026-12-02', time: '18:30', contactIds: [omar.id] },
  });
  h.clock.set('2026-12-03T09:00:00Z');
  const before = await h.next('reminders.watchToday', {}, (v) => v.thisWeek.length === 1);
  expect(before.thisWeek[0]!.reasons).toEqual([
    {
      kind: 'event-follow-up',
      interactionId: met.id,
      eventType: 'meet-up',
      metOn: '2026-12-02',
      dueAt: '2026-12-04T18:30:00.000Z',
    },
  ]);
  expect(before.due).toEqual([]);

  h.clock.set('2026-12-04T19:00:00Z');
  const due = await h.next('reminders.watchToday', {}, (v) => v.due.length === 1);
  expect(due.due[0]!.reasons.map((r) => r.kind)).toEqual(['event-follow-up']);
  expect(due.thisWeek).toEqual([]);

  await h.call('interactions.log', { interaction: { type: 'email', date: '2026-12-04', contactIds: [omar.id] } });
  const done = await h.next('reminders.watchToday', {}, (v) => v.due.length === 0);
  expect(done.thisWeek).toEqual([]);
});
