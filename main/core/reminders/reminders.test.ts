import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ICS_FILENAME } from './ics.ts';
import { movableClock, recordingNotifier, until } from '../testing/fakes.ts';
import { openTestCore } from '../testing/test-core.ts';

beforeAll(() => {
  process.env.TZ = 'Europe/London';
});
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** A core where Sam (close: due after 21 days, overdue after 35) last had coffee on 2 January. */
async function withSam(now: string, notifier?: ReturnType<typeof recordingNotifier>) {
  const clock = movableClock('2026-01-02T12:00:00Z');
  const h = await openTestCore({
    clock,
    jobs: true,
    reminders: { icsFirstBuildAfterMs: 0 },
    ...(notifier ? { notifier } : {}),
  });
  cleanup.push(() => h.dispose());
  const sam = await h.call('contacts.create', { displayName: 'Sam Okafor', givenName: 'Sam', tier: 'close' });
  await h.call('interactions.log', {
    interaction: { type: 'coffee', date: '2026-01-02', contactIds: [sam.id] },
    newPeople: [],
    details: [],
  });
  clock.set(now);
  return { h, clock, sam };
}
const names = (items: { displayName: string }[]) => items.map((i) => i.displayName);

describe('notifications survive a restart', () => {
  it('never repeats a notification after the app is closed and reopened', async () => {
    const first = recordingNotifier();
    const { h, clock } = await withSam('2026-06-10T09:00:00Z', first);
    await h.call('reminders.wake', {});
    await until(() => first.shown.length === 1, 'the digest');

    const second = recordingNotifier();
    await h.reopen({ notifier: second });
    await h.call('reminders.wake', {});
    expect(second.shown).toEqual([]);

    clock.set('2026-06-11T09:00:00Z');
    await h.call('reminders.wake', {});
    expect(second.shown.map((n) => n.title)).toEqual(['1 person to reach out to today']);
  });

  it("keeps the user's settings across a restart", async () => {
    const { h } = await withSam('2026-06-10T09:00:00Z');
    const { host, ...settings } = await h.call('reminders.getSettings', {});
    expect(host).toEqual({ notifications: false, tray: null });
    await h.call('reminders.setSettings', {
      ...settings,
      digestTime: '07:45',
      quietHours: { enabled: false, start: '22:00', end: '07:00' },
    });
    await h.reopen();
    expect(await h.call('reminders.getSettings', {})).toMatchObject({
      digestTime: '07:45',
      quietHours: { enabled: false },
    });
  });
});

describe('Today: done, snooze and skip', () => {
  it('Done logs an interaction today and takes them off the list', async () => {
    const { h, sam } = await withSam('2026-03-01T10:00:00Z');
    expect(names((await h.next('reminders.watchToday', {})).overdue)).toEqual(['Sam Okafor']);
    const { interactionId } = await h.call('reminders.done', { personId: sam.id });
    const today = await h.next('reminders.watchToday', {}, (v) => v.overdue.length === 0);
    expect(today.due).toEqual([]);
    const page = await h.call('timeline.page', { filter: { contactId: sam.id }, offset: 0, limit: 10 });
    expect(page.entries[0]).toMatchObject({ id: interactionId, type: 'message', date: '2026-03-01', time: '10:00' });
  });

  it('the due summary counts everyone due and names the first twenty, most pressing first', async () => {
    const clock = movableClock('2026-01-02T12:00:00Z');
    const h = await openTestCore({ clock });
    cleanup.push(() => h.dispose());
    // Each met a day later than the one before: the earlier, the longer overdue, the sooner named.
    for (let i = 0; i < 25; i++) {
      const person = await h.call('contacts.create', { displayName: `Person ${i}`, tier: 'close' });
      const date = `2026-01-${String(2 + i).padStart(2, '0')}`;
      await h.call('interactions.log', {
        interaction: { type: 'call', date, contactIds: [person.id] },
        newPeople: [],
        details: [],
      });
    }
    clock.set('2026-12-01T09:00:00Z');
    const summary = await h.next('reminders.watchDue', {}, (v) => v.count > 0);
    expect(summary.count).toBe(25);
    expect(names(summary.people)).toEqual(Array.from({ length: 20 }, (_, i) => `Person ${i}`));
  });

  it('Snooze 1 day hides them until tomorrow; a week, for seven days', async () => {
    const { h, clock, sam } = await withSam('2026-03-01T10:00:00Z');
    expect(await h.call('reminders.snooze', { personId: sam.id, days: 1 })).toMatchObject({ until: '2026-03-02' });
    expect((await h.next('reminders.watchDue', {}, (v) => v.count === 0)).people).toEqual([]);
    clock.set('2026-03-02T08:00:00Z');
    expect(names((await h.next('reminders.watchDue', {})).people)).toEqual(['Sam Okafor']);
    await h.call('reminders.snooze', { personId: sam.id, days: 7 });
    clock.set('2026-03-08T23:30:00Z');
    expect((await h.next('reminders.watchDue', {})).count).toBe(0);
    clock.set('2026-03-09T00:30:00Z');
    expect((await h.next('reminders.watchDue', {})).count).toBe(1);
  });

  it('Skip this cycle restarts their rhythm without logging anything', async () => {
    const { h, clock, sam } = await withSam('2026-03-01T10:00:00Z');
    await h.call('reminders.skip', { personId: sam.id });
    const today = await h.next('reminders.watchToday', {}, (v) => v.overdue.length === 0);
    expect(today.due).toEqual([]);
    expect(
      (await h.call('timeline.page', { filter: { contactId: sam.id }, offset: 0, limit: 10 })).entries,
    ).toHaveLength(1);
    clock.set('2026-03-22T10:00:00Z');
    expect(names((await h.next('reminders.watchToday', {})).due)).toEqual(['Sam Okafor']);
  });

  it('rejects actions on someone who no longer exists', async () => {
    const { h } = await withSam('2026-03-01T10:00:00Z');
    await expect(h.call('reminders.snooze', { personId: 'nobody', days: 1 })).rejects.toThrow(/no longer exists/);
  });
});

describe("Today's follow-ups", () => {
  it('show the text of normal details only, in every lane that lists them', async () => {
    const { h, sam } = await withSam('2026-03-01T10:00:00Z');
    const ada = await h.call('contacts.create', { displayName: 'Ada Lovelace' });
    const followUp = (contactId: string, text: string, sensitivity: 'normal' | 'private' | 'sensitive') =>
      h.call('details.add', { contactId, text, learnedOn: '2026-01-02', followUpOn: '2026-02-01', sensitivity });
    await followUp(sam.id, 'the half marathon', 'normal');
    await followUp(sam.id, 'PRIVATE-salary', 'private');
    await followUp(sam.id, 'SENSITIVE-health', 'sensitive');
    await followUp(ada.id, 'her new puppy Biscuit', 'normal');
    const today = await h.next('reminders.watchToday', {}, (v) => v.due.length === 1 && v.overdue.length === 1);
    const texts = (items: typeof today.overdue) =>
      items.flatMap((i) => i.reasons.flatMap((r) => (r.kind === 'follow-up' ? [r.text ?? '(no text)'] : [])));
    expect(names(today.overdue)).toEqual(['Sam Okafor']);
    expect(texts(today.overdue).sort()).toEqual(['(no text)', '(no text)', 'the half marathon']);
    expect(names(today.due)).toEqual(['Ada Lovelace']);
    expect(texts(today.due)).toEqual(['her new puppy Biscuit']);
    // The lanes only: the nudge's draft may use private details (docs/reminders.md).
    expect(JSON.stringify([today.overdue, today.due, today.thisWeek])).not.toMatch(/PRIVATE|SENSITIVE/);
  });

  it('are on Today as soon as the detail is remembered, resolved or reopened', async () => {
    const { h, sam } = await withSam('2026-03-01T10:00:00Z');
    const detail = await h.call('details.add', {
      contactId: sam.id,
      text: 'the half marathon',
      learnedOn: '2026-01-02',
      followUpOn: '2026-02-01',
      sensitivity: 'normal',
    });
    // The first answer of a new watch, not a later one: the follow-up is derived before the call returns.
    const followUps = async () =>
      [...(await h.next('reminders.watchToday', {})).overdue].flatMap((i) =>
        i.reasons.flatMap((r) => (r.kind === 'follow-up' ? [r.text] : [])),
      );
    expect(await followUps()).toEqual(['the half marathon']);
    await h.call('details.resolve', { id: detail.id });
    expect(await followUps()).toEqual([]);
    await h.call('details.reopen', { id: detail.id });
    expect(await followUps()).toEqual(['the half marathon']);
  });
});

describe('the nudge', () => {
  it('drafts a message for one person a day and suggests a smaller step after two skips', async () => {
    const { h, clock, sam } = await withSam('2026-03-01T10:00:00Z');
    await h.call('details.add', { contactId: sam.id, text: 'the half marathon', learnedOn: '2026-01-02' });
    await h.call('details.add', {
      contactId: sam.id,
      text: 'SENSITIVE-health',
      learnedOn: '2026-01-03',
      sensitivity: 'sensitive',
    });
    const first = (await h.next('reminders.watchToday', {})).nudge!;
    expect(first).toMatchObject({ personId: sam.id, smallerStep: false });
    expect(first.lines[0]).toBe('Hi Sam,');
    expect(first.lines.join(' ')).not.toContain('SENSITIVE');

    await h.call('reminders.nudge', { action: 'skip' });
    clock.set('2026-03-02T10:00:00Z');
    await h.next('reminders.watchToday', {}, (v) => v.today === '2026-03-02' && v.nudge !== null);
    await h.call('reminders.nudge', { action: 'skip' });
    clock.set('2026-03-03T10:00:00Z');
    const third = (await h.next('reminders.watchToday', {}, (v) => v.today === '2026-03-03' && v.nudge !== null))
      .nudge!;
    expect(third.smallerStep).toBe(true);
    expect(third.step).toMatch(/smaller step/i);

    await h.call('reminders.done', { personId: sam.id });
    expect((await h.next('reminders.watchToday', {}, (v) => v.nudge?.outcome === 'done')).nudge?.outcome).toBe('done');
  });

  it('"Tonight" reminds at 19:00 with a notification that names no detail', async () => {
    const notifier = recordingNotifier();
    const { h, clock, sam } = await withSam('2026-03-01T10:00:00Z', notifier);
    await h.call('details.add', {
      contactId: sam.id,
      text: 'PRIVATE-salary',
      learnedOn: '2026-01-02',
      sensitivity: 'private',
    });
    await h.next('reminders.watchToday', {}, (v) => v.nudge !== null);
    await h.call('reminders.nudge', { action: 'tonight' });
    const tonight = (await h.next('reminders.watchToday', {}, (v) => v.nudge?.outcome === 'tonight')).nudge;
    expect(tonight?.remindAt).toBe('2026-03-01T19:00:00.000Z');
    expect(tonight?.remindBy).toBe('notification');
    clock.set('2026-03-01T19:00:00Z');
    await h.call('reminders.wake', {});
    expect(notifier.shown.map((n) => n.title)).toContain('Tonight: get in touch with Sam Okafor');
    expect(JSON.stringify(notifier.shown)).not.toContain('PRIVATE');
  });
});

describe('"Tonight" without notifications', () => {
  it('says the nudge only stays on Today when nothing can notify, or notifications are turned off', async () => {
    const { h } = await withSam('2026-03-01T10:00:00Z');
    await h.next('reminders.watchToday', {}, (v) => v.nudge !== null);
    await h.call('reminders.nudge', { action: 'tonight' });
    expect((await h.next('reminders.watchToday', {}, (v) => v.nudge?.outcome === 'tonight')).nudge?.remindBy).toBe(
      'today',
    );

    const notifier = recordingNotifier();
    await h.reopen({ notifier });
    const settings = await h.call('reminders.getSettings', {});
    const { host: _host, ...chosen } = settings;
    await h.call('reminders.setSettings', { ...chosen, notifications: false });
    expect((await h.next('reminders.watchToday', {}, (v) => v.nudge?.outcome === 'tonight')).nudge?.remindBy).toBe(
      'today',
    );
    await h.call('reminders.setSettings', { ...chosen, notifications: true });
    expect((await h.next('reminders.watchToday', {}, (v) => v.nudge?.remindBy === 'notification')).nudge?.outcome).toBe(
      'tonight',
    );
  });
});

describe('"Tonight" late in the evening', () => {
  it('says when quiet hours let the notification come, instead of promising this evening', async () => {
    // 21:30 in London: two hours on is 23:30, inside the default quiet hours (22:00 to 07:00).
    const { h } = await withSam('2026-03-01T21:30:00Z', recordingNotifier());
    await h.next('reminders.watchToday', {}, (v) => v.nudge !== null);
    await h.call('reminders.nudge', { action: 'tonight' });
    const nudge = (await h.next('reminders.watchToday', {}, (v) => v.nudge?.outcome === 'tonight')).nudge;
    expect(nudge?.remindAt).toBe('2026-03-01T23:30:00.000Z');
    expect(nudge?.remindBy).toBe('notification');
    expect(nudge?.notifiesAt).toBe('2026-03-02T07:00:00.000Z');
  });
});

describe('waking', () => {
  it('recomputes an open Today and the due count at once when the computer wakes', async () => {
    const clock = movableClock('2026-03-18T12:00:00Z');
    const h = await openTestCore({ clock });
    const days: Record<string, string[]> = { today: [], due: [] };
    const stops = (['today', 'due'] as const).map((kind) =>
      h.core.watch(kind === 'today' ? 'reminders.watchToday' : 'reminders.watchDue', {}, (r) => {
        if (r.ok) days[kind]!.push((r.value as { today: string }).today);
      }),
    );
    await vi.waitFor(() => expect(days).toEqual({ today: ['2026-03-18'], due: ['2026-03-18'] }));
    // A night asleep: the clock moved on, and no timer has fired since.
    clock.set('2026-03-19T09:00:00Z');
    await h.call('reminders.wake', {});
    await vi.waitFor(() => expect([days.today!.at(-1), days.due!.at(-1)]).toEqual(['2026-03-19', '2026-03-19']), {
      timeout: 2_000,
    });
    for (const stop of stops) stop();
  });
});

describe('birthdays and the calendar', () => {
  it('lists upcoming birthdays with the age only when the year is known, 29 Feb on the 28th', async () => {
    const { h } = await withSam('2027-02-20T10:00:00Z');
    await h.call('contacts.create', { displayName: 'Leap Year', birthday: { month: 2, day: 29, year: 1996 } });
    await h.call('contacts.create', { displayName: 'No Year', birthday: { month: 3, day: 1 } });
    const { birthdays } = await h.next('reminders.watchToday', {}, (v) => v.birthdays.length === 2);
    expect(birthdays).toEqual([
      expect.objectContaining({ displayName: 'Leap Year', on: '2027-02-28', inDays: 8, turning: 31 }),
      expect.objectContaining({ displayName: 'No Year', on: '2027-03-01', inDays: 9 }),
    ]);
  });

  it('exports valid RFC 5545 with birthdays and keep-in-touch dates, and keeps the file in the data folder', async () => {
    const { h, sam } = await withSam('2027-02-20T10:00:00Z');
    await h.call('contacts.create', { displayName: 'Leap; Year, Jr', birthday: { month: 2, day: 29 } });
    await h.call('details.add', {
      contactId: sam.id,
      text: 'SENSITIVE-x',
      learnedOn: '2026-01-02',
      sensitivity: 'sensitive',
      followUpOn: '2027-02-20',
    });
    const { filename, text } = await h.call('reminders.exportIcs', {});
    expect(filename).toBe(ICS_FILENAME);
    expect(text).not.toContain('SENSITIVE');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual(['Get in touch with Sam Okafor', "Leap; Year, Jr's birthday"]);
    const leap = events.find((e) => e.summary.startsWith('Leap'))!;
    const expand = leap.iterator();
    const next = [expand.next(), expand.next(), expand.next()].map((t) => t!.toString());
    expect(next).toEqual(['2027-02-28', '2028-02-29', '2029-02-28']);
    expect(events.find((e) => e.summary.startsWith('Get'))!.startDate.toString()).toBe('2027-02-20');

    await until(() => {
      try {
        return readFileSync(join(h.dir, ICS_FILENAME), 'utf8').includes('Leap\\; Year');
      } catch {
        return false;
      }
    }, 'the calendar file');
  });

  it('builds the calendar file only well after start-up, then again once changes settle', async () => {
    const clock = movableClock('2027-02-20T10:00:00Z');
    // Before, the first build came as soon as changes settled (2 s after opening).
    const h = await openTestCore({ clock, jobs: true, reminders: { icsFirstBuildAfterMs: 2500 } });
    cleanup.push(() => h.dispose());
    await h.call('contacts.create', { displayName: 'Ada Okafor', birthday: { month: 3, day: 1 } });
    const file = join(h.dir, ICS_FILENAME);
    const has = (name: string) => {
      try {
        return readFileSync(file, 'utf8').includes(name);
      } catch {
        return false;
      }
    };
    await new Promise((resolve) => setTimeout(resolve, 2200));
    expect(has('Ada Okafor')).toBe(false);
    await vi.waitFor(() => expect(has('Ada Okafor')).toBe(true), { timeout: 10_000 });
    await h.call('contacts.create', { displayName: 'Sam Lee', birthday: { month: 3, day: 2 } });
    await vi.waitFor(() => expect(has('Sam Lee')).toBe(true), { timeout: 10_000 });
  });
});
