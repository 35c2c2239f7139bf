import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_CADENCES } from '../cadence.ts';
import { birthdayIn, nextBirthday, upcomingBirthdays } from './birthdays.ts';
import { schedule, type ScheduleInput } from './schedule.ts';

const base = (over: Omit<Partial<ScheduleInput>, 'now'> & { now: string }): ScheduleInput => ({
  timeZone: 'Europe/London',
  tiers: DEFAULT_TIER_CADENCES,
  people: [],
  followUps: [],
  events: [],
  holds: {},
  ...over,
  now: new Date(over.now),
});
const kinds = (input: ScheduleInput) =>
  schedule(input).due.map((p) => `${p.id}:${p.reasons.map((r) => r.kind).join('+')}`);
const sam = { id: 'sam', displayName: 'Sam Okafor', addedOn: '2025-01-01' };

describe('birthdays', () => {
  it.each([
    // birthday, year, marked on
    [{ month: 2, day: 29 }, 2028, '2028-02-29'],
    [{ month: 2, day: 29 }, 2027, '2027-02-28'],
    [{ month: 2, day: 29, year: 1992 }, 2026, '2026-02-28'],
    [{ month: 2, day: 29 }, 2100, '2100-02-28'],
    [{ month: 2, day: 29 }, 2000, '2000-02-29'],
    [{ month: 12, day: 31 }, 2026, '2026-12-31'],
  ])('%o in %i is marked on %s', (birthday, year, expected) => {
    expect(birthdayIn(birthday, year)).toBe(expected);
  });

  it('finds the next birthday across the new year, and the age only when the year is known', () => {
    expect(nextBirthday({ month: 1, day: 2 }, '2026-12-30')).toBe('2027-01-02');
    expect(
      upcomingBirthdays(
        [
          { id: 'a', displayName: 'Ada', birthday: { month: 1, day: 2, year: 1990 } },
          { id: 'b', displayName: 'Bo', birthday: { month: 12, day: 30 } },
          { id: 'c', displayName: 'Cy', birthday: { month: 3, day: 1 } },
          { id: 'd', displayName: 'Di' },
        ],
        '2026-12-30',
        14,
      ),
    ).toEqual([
      { personId: 'b', displayName: 'Bo', on: '2026-12-30', inDays: 0 },
      { personId: 'a', displayName: 'Ada', on: '2027-01-02', inDays: 3, turning: 37 },
    ]);
  });
});

describe('who is due today', () => {
  it.each<[string, Omit<Partial<ScheduleInput>, 'now'> & { now: string }, string[]]>([
    ['nobody without a rhythm', { now: '2026-06-01T10:00:00Z', people: [sam] }, []],
    [
      'a close contact 21 days on is due',
      { now: '2026-03-22T10:00:00Z', people: [{ ...sam, tier: 'close', lastInteractionOn: '2026-03-01' }] },
      ['sam:due'],
    ],
    [
      'a close contact 20 days on is not',
      { now: '2026-03-21T10:00:00Z', people: [{ ...sam, tier: 'close', lastInteractionOn: '2026-03-01' }] },
      [],
    ],
    [
      '35 days on they are overdue',
      { now: '2026-04-05T10:00:00Z', people: [{ ...sam, tier: 'close', lastInteractionOn: '2026-03-01' }] },
      ['sam:overdue'],
    ],
    // 08:30 on 22 March in Tokyo is still 21 March in UTC; the user's zone decides the day.
    [
      "the day is the user's, not UTC's",
      {
        now: '2026-03-21T23:30:00Z',
        timeZone: 'Asia/Tokyo',
        people: [{ ...sam, tier: 'close', lastInteractionOn: '2026-03-01' }],
      },
      ['sam:due'],
    ],
    [
      'the same instant in New York is a day earlier',
      {
        now: '2026-03-22T03:30:00Z',
        timeZone: 'America/New_York',
        people: [{ ...sam, tier: 'close', lastInteractionOn: '2026-03-01' }],
      },
      [],
    ],
    [
      'a birthday without a year on the day',
      { now: '2026-07-04T08:00:00Z', people: [{ ...sam, birthday: { month: 7, day: 4 } }] },
      ['sam:birthday'],
    ],
    [
      'a 29 February birthday on 28 February of a common year',
      { now: '2027-02-28T08:00:00Z', people: [{ ...sam, birthday: { month: 2, day: 29, year: 1996 } }] },
      ['sam:birthday'],
    ],
    [
      '…and not on 1 March',
      { now: '2027-03-01T08:00:00Z', people: [{ ...sam, birthday: { month: 2, day: 29, year: 1996 } }] },
      [],
    ],
    [
      '…and on 29 February itself in a leap year',
      { now: '2028-02-29T08:00:00Z', people: [{ ...sam, birthday: { month: 2, day: 29 } }] },
      ['sam:birthday'],
    ],
    [
      '…but not on 28 February of a leap year',
      { now: '2028-02-28T08:00:00Z', people: [{ ...sam, birthday: { month: 2, day: 29 } }] },
      [],
    ],
    [
      'a birthday already celebrated with a call today is handled',
      {
        now: '2026-07-04T18:00:00Z',
        people: [{ ...sam, birthday: { month: 7, day: 4 }, lastInteractionOn: '2026-07-04' }],
      },
      [],
    ],
    [
      'a detail follow-up on its day',
      {
        now: '2026-05-10T09:00:00Z',
        people: [sam],
        followUps: [{ id: 'd1', contactId: 'sam', followUpOn: '2026-05-10' }],
      },
      ['sam:follow-up'],
    ],
    [
      'a detail follow-up answered by a later interaction',
      {
        now: '2026-05-12T09:00:00Z',
        people: [{ ...sam, lastInteractionOn: '2026-05-11' }],
        followUps: [{ id: 'd1', contactId: 'sam', followUpOn: '2026-05-10' }],
      },
      [],
    ],
    [
      'snoozed until tomorrow: hidden today',
      {
        now: '2026-04-05T10:00:00Z',
        people: [{ ...sam, tier: 'close', lastInteractionOn: '2026-03-01' }],
        holds: { sam: { snoozedUntil: '2026-04-06' } },
      },
      [],
    ],
    [
      'the snooze day itself: back',
      {
        now: '2026-04-06T00:10:00+01:00',
        people: [{ ...sam, tier: 'close', lastInteractionOn: '2026-03-01' }],
        holds: { sam: { snoozedUntil: '2026-04-06' } },
      },
      ['sam:overdue'],
    ],
    [
      'skipped today: the cycle restarts',
      {
        now: '2026-04-05T10:00:00Z',
        people: [{ ...sam, tier: 'close', lastInteractionOn: '2026-03-01' }],
        holds: { sam: { skippedOn: '2026-04-05' } },
      },
      [],
    ],
    [
      '21 days after the skip they are due again',
      {
        now: '2026-04-26T10:00:00Z',
        people: [{ ...sam, tier: 'close', lastInteractionOn: '2026-03-01' }],
        holds: { sam: { skippedOn: '2026-04-05' } },
      },
      ['sam:due'],
    ],
    [
      'overdue ranks above a birthday, which ranks above due',
      {
        now: '2026-07-04T08:00:00Z',
        people: [
          { id: 'a', displayName: 'A', addedOn: '2026-01-01', tier: 'close', lastInteractionOn: '2026-06-10' },
          { id: 'b', displayName: 'B', addedOn: '2026-01-01', birthday: { month: 7, day: 4 } },
          { id: 'c', displayName: 'C', addedOn: '2026-01-01', tier: 'close', lastInteractionOn: '2026-05-01' },
        ],
      },
      ['c:overdue', 'b:birthday', 'a:due'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(kinds(base(input))).toEqual(expected);
  });
});

describe('event follow-ups, 48 elapsed hours after meeting', () => {
  const meetup = (date: string, time?: string) => ({
    interactionId: 'i1',
    contactId: 'sam',
    type: 'meet-up' as const,
    date,
    ...(time ? { time } : {}),
  });
  it.each<[string, string, string, ReturnType<typeof meetup>, boolean]>([
    [
      'London, plain week: due at 19:00 two days later',
      'Europe/London',
      '2026-06-12T18:00:00Z',
      meetup('2026-06-10', '19:00'),
      true,
    ],
    ['…not a minute before', 'Europe/London', '2026-06-12T17:59:00Z', meetup('2026-06-10', '19:00'), false],
    // Clocks go forward on 29 March: 48 hours after 19:00 GMT on the 28th is 20:00 BST on the 30th.
    [
      'London across spring forward: 20:00 local',
      'Europe/London',
      '2026-03-30T19:00:00Z',
      meetup('2026-03-28', '19:00'),
      true,
    ],
    ['…so 19:30 local is still early', 'Europe/London', '2026-03-30T18:30:00Z', meetup('2026-03-28', '19:00'), false],
    // New York falls back on 1 November: 48 hours after 19:00 EDT on 31 Oct is 18:00 EST on 2 Nov.
    [
      'New York across fall back: 18:00 local',
      'America/New_York',
      '2026-11-02T23:00:00Z',
      meetup('2026-10-31', '19:00'),
      true,
    ],
    ['…17:59 local is early', 'America/New_York', '2026-11-02T22:59:00Z', meetup('2026-10-31', '19:00'), false],
    ['untimed meetings count from noon', 'Europe/London', '2026-06-12T11:00:00Z', meetup('2026-06-10'), true],
    ['a week later it lapses', 'Europe/London', '2026-06-19T11:00:00Z', meetup('2026-06-10'), false],
  ])('%s', (_name, timeZone, now, event, due) => {
    const input = base({ now, timeZone, people: [{ ...sam, lastInteractionOn: event.date }], events: [event] });
    expect(kinds(input)).toEqual(due ? ['sam:event-follow-up'] : []);
  });

  it('is answered by any later interaction, or by a skip', () => {
    const event = meetup('2026-06-10', '19:00');
    expect(
      kinds(
        base({ now: '2026-06-13T09:00:00Z', people: [{ ...sam, lastInteractionOn: '2026-06-11' }], events: [event] }),
      ),
    ).toEqual([]);
    expect(
      kinds(
        base({
          now: '2026-06-13T09:00:00Z',
          people: [{ ...sam, lastInteractionOn: '2026-06-10' }],
          events: [event],
          holds: { sam: { skippedOn: '2026-06-13' } },
        }),
      ),
    ).toEqual([]);
  });

  it('reports the due instant as the next change, before midnight', () => {
    const event = meetup('2026-06-10', '19:00');
    const result = schedule(
      base({ now: '2026-06-12T09:00:00Z', people: [{ ...sam, lastInteractionOn: '2026-06-10' }], events: [event] }),
    );
    expect(result.nextChangeAt.toISOString()).toBe('2026-06-12T18:00:00.000Z');
  });
});

describe('the next change', () => {
  it.each([
    ['London winter: midnight GMT', 'Europe/London', '2026-01-10T15:00:00Z', '2026-01-11T00:00:00.000Z'],
    ['London summer: midnight BST', 'Europe/London', '2026-07-10T15:00:00Z', '2026-07-10T23:00:00.000Z'],
    ['the eve of spring forward', 'Europe/London', '2026-03-28T15:00:00Z', '2026-03-29T00:00:00.000Z'],
    ['the day of spring forward (23 hours)', 'Europe/London', '2026-03-29T00:30:00Z', '2026-03-29T23:00:00.000Z'],
    [
      'New York on the fall-back day (25 hours)',
      'America/New_York',
      '2026-11-01T04:30:00Z',
      '2026-11-02T05:00:00.000Z',
    ],
    ['New York on spring forward', 'America/New_York', '2026-03-08T06:00:00Z', '2026-03-09T04:00:00.000Z'],
    ['a leap day rolls into 1 March', 'Europe/London', '2028-02-29T12:00:00Z', '2028-03-01T00:00:00.000Z'],
  ])('%s', (_name, timeZone, now, expected) => {
    expect(schedule(base({ now, timeZone })).nextChangeAt.toISOString()).toBe(expected);
  });
});
