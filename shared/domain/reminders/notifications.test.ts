import { describe, expect, it } from 'vitest';
import { libraryStarters } from '../../content/library.ts';
import { DEFAULT_TIER_CADENCES } from '../cadence.ts';
import { planNotifications, type PlanInput } from './notifications.ts';
import { draftNudge, pickNudge } from './nudge.ts';
import { schedule } from './schedule.ts';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './settings.ts';

const starters = libraryStarters();

const zone = 'Europe/London';
const overdue = (id: string, name: string) => ({
  id,
  displayName: name,
  addedOn: '2026-01-01',
  tier: 'close' as const,
  lastInteractionOn: '2026-01-02',
});

function plan(
  now: string,
  over: {
    settings?: Partial<ReminderSettings>;
    sent?: string[];
    people?: ReturnType<typeof overdue>[];
    nudge?: PlanInput['nudge'];
  } = {},
) {
  const at = new Date(now);
  const sched = schedule({
    now: at,
    timeZone: zone,
    tiers: DEFAULT_TIER_CADENCES,
    people: over.people ?? [overdue('a', 'Ada Lovelace')],
    followUps: [],
    events: [],
    holds: {},
  });
  return planNotifications({
    schedule: sched,
    now: at,
    timeZone: zone,
    settings: { ...DEFAULT_REMINDER_SETTINGS, ...over.settings },
    sent: new Set(over.sent ?? []),
    nudge: over.nudge ?? { skipsInARow: 0 },
    nudgeName: 'Ada Lovelace',
  });
}
const keys = (p: ReturnType<typeof plan>) => p.now.map((n) => n.key);

describe('the daily digest', () => {
  it.each<[string, string, Parameters<typeof plan>[1], string[], string | null]>([
    ['before 09:00: nothing yet, wake at 09:00 BST', '2026-06-10T06:00:00Z', {}, [], '2026-06-10T08:00:00.000Z'],
    ['at 09:00: the digest', '2026-06-10T08:00:00Z', {}, ['digest:2026-06-10'], null],
    ['already sent (a restart): not again', '2026-06-10T08:05:00Z', { sent: ['digest:2026-06-10'] }, [], null],
    [
      'missed while asleep, woken at 15:00: sent late, same day',
      '2026-06-10T14:00:00Z',
      {},
      ['digest:2026-06-10'],
      null,
    ],
    ['nobody due: no digest', '2026-06-10T08:00:00Z', { people: [] }, [], null],
    ['digest off: none', '2026-06-10T08:00:00Z', { settings: { digest: false } }, [], null],
    ['notifications off: none', '2026-06-10T08:00:00Z', { settings: { notifications: false } }, [], null],
    [
      'a digest at 06:00 inside quiet hours waits for 07:00',
      '2026-06-10T05:30:00Z',
      { settings: { digestTime: '06:00' } },
      [],
      '2026-06-10T06:00:00.000Z',
    ],
    // 23:00 yesterday fell in quiet hours (22–07), so yesterday's digest arrives at 07:00 today.
    [
      'a late-evening digest in quiet hours arrives next morning',
      '2026-06-10T06:00:00Z',
      { settings: { digestTime: '23:00' } },
      ['digest:2026-06-09'],
      null,
    ],
  ])('%s', (_name, now, over, expected, next) => {
    const result = plan(now, over);
    expect(keys(result)).toEqual(expected);
    expect(result.nextAt?.toISOString() ?? null).toBe(next);
  });

  it('says how many people, by name, and nothing else', () => {
    const [digest] = plan('2026-06-10T08:00:00Z', {
      people: [overdue('a', 'Ada'), overdue('b', 'Bo'), overdue('c', 'Cy'), overdue('d', 'Di')],
    }).now;
    expect(digest!.notification.title).toBe('4 people to reach out to today');
    expect(digest!.notification.body).toBe('Ada (overdue), Bo (overdue), Cy (overdue) and 1 more');
  });
});

describe('notification privacy', () => {
  it('puts no detail text of any sensitivity in any notification', () => {
    const now = new Date('2026-06-12T18:00:00Z');
    const sched = schedule({
      now,
      timeZone: zone,
      tiers: DEFAULT_TIER_CADENCES,
      people: [{ ...overdue('a', 'Ada'), lastInteractionOn: '2026-06-10' }],
      followUps: ['normal', 'private', 'sensitive'].map((s) => ({
        id: s,
        contactId: 'a',
        text: `SECRET-${s}`,
        sensitivity: s as 'normal',
        followUpOn: '2026-06-11',
      })),
      events: [{ interactionId: 'i', contactId: 'a', type: 'conference', date: '2026-06-10', time: '19:00' }],
      holds: {},
    });
    const result = planNotifications({
      schedule: sched,
      now,
      timeZone: zone,
      settings: { ...DEFAULT_REMINDER_SETTINGS, digestTime: '18:00' },
      sent: new Set(),
      nudge: { skipsInARow: 0 },
    });
    expect(keys(result)).toEqual(['digest:2026-06-12', 'event:i:a']);
    expect(JSON.stringify(result.now)).not.toContain('SECRET');
  });
});

describe('the nudge', () => {
  const status = (daysSince: number) => ({
    state: (daysSince >= 35 ? 'overdue' : daysSince >= 21 ? 'due' : 'on-track') as 'due',
    since: '2026-01-01',
    daysSince,
    dueOn: '2026-01-22',
    overdueOn: '2026-02-05',
  });
  const candidate = (id: string, daysSince: number, reciprocityBalance = 0) => ({
    id,
    status: status(daysSince),
    idealDays: 21,
    maxDays: 35,
    reciprocityBalance,
  });

  it.each<[string, ReturnType<typeof candidate>[], string | undefined, string | undefined]>([
    ['nobody due: no nudge', [candidate('a', 3)], undefined, undefined],
    ['the most overdue', [candidate('a', 22), candidate('b', 40)], undefined, 'b'],
    ['reciprocity tips it: they helped you more', [candidate('a', 30), candidate('b', 28, -2)], undefined, 'b'],
    [
      "yesterday's skipped person is avoided when someone else is due",
      [candidate('a', 50), candidate('b', 22)],
      'a',
      'b',
    ],
    ['…but chosen when nobody else is', [candidate('a', 50)], 'a', 'a'],
  ])('%s', (_name, candidates, avoid, expected) => {
    expect(pickNudge(candidates, '2026-03-01', avoid)).toBe(expected);
  });

  it('drafts two lines from a starter and an open detail, never a sensitive one', () => {
    const draft = draftNudge(
      {
        firstName: 'Sam',
        details: [
          { id: 's', text: 'SENSITIVE diagnosis', sensitivity: 'sensitive', status: 'open', learnedOn: '2026-02-20' },
          { id: 'n', text: 'the half marathon', sensitivity: 'normal', status: 'open', learnedOn: '2026-01-10' },
        ],
        lastInteractionOn: '2026-01-10',
        today: '2026-03-01',
        smallerStep: false,
      },
      starters,
    );
    expect(draft.lines[0]).toBe('Hi Sam,');
    expect(draft.lines[1]).toContain('the half marathon');
    expect(draft.lines.join('\n')).not.toContain('SENSITIVE');
    expect(draft.lines[1]).not.toMatch(/^(Hi|Hello|Sam)\b/);
  });

  it('offers a smaller step after two skips in a row', () => {
    const draft = draftNudge({ firstName: 'Sam', details: [], today: '2026-03-01', smallerStep: true }, starters);
    expect(draft.step).toMatch(/smaller step/i);
    expect(draft.lines).toEqual(['Hi Sam,', 'Thinking of you — hope all is well!']);
  });
});
