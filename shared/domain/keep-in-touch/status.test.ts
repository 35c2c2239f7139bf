import { addDays, differenceInCalendarDays, formatISO, parseISO } from '../../date-fns.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_CADENCES, type Cadence } from '../cadence.ts';
import { addCalendarDays, daysBetween, fromDayNumber, toDayNumber } from './days.ts';
import { comesDueThisWeek, effectiveCadence, keepInTouchStatus } from './status.ts';

const MONTHLY: Cadence = { idealDays: 30, maxDays: 45 };

describe('calendar-day helpers agree with date-fns', () => {
  it.each([
    ['2026-01-31', 1],
    ['2026-01-31', 29],
    ['2028-02-28', 1],
    ['2028-02-29', 365],
    ['2027-02-28', 366],
    ['2026-03-28', 3], // DST change in Europe: no effect on calendar days
    ['2026-12-31', -365],
    ['1969-12-31', 2],
  ])('%s plus %i days', (date, days) => {
    const expected = formatISO(addDays(parseISO(date), days), { representation: 'date' });
    expect(addCalendarDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(differenceInCalendarDays(parseISO(expected), parseISO(date)));
  });

  it('round-trips years before 100', () => {
    expect(fromDayNumber(toDayNumber('0050-06-15'))).toBe('0050-06-15');
  });

  it('matches date-fns on every day from 1999 to 2101', () => {
    let date = parseISO('1999-01-01');
    const first = toDayNumber('1999-01-01');
    for (let n = 0; n < 37_600; n++, date = addDays(date, 1)) {
      const iso = formatISO(date, { representation: 'date' });
      expect(fromDayNumber(first + n)).toBe(iso);
      if (n % 97 === 0) expect(toDayNumber(iso)).toBe(first + n);
    }
    expect(toDayNumber('1970-01-01')).toBe(0);
  });
});

describe('effectiveCadence', () => {
  it.each([
    ['a person with only a tier gets the tier rhythm', { tier: 'close' as const }, DEFAULT_TIER_CADENCES.close],
    ["a person's own cadence overrides their tier", { tier: 'yearly' as const, cadence: MONTHLY }, MONTHLY],
    ['a cadence without a tier is used as is', { cadence: MONTHLY }, MONTHLY],
    ['no tier and no cadence means not tracked', {}, null],
  ])('%s', (_label, contact, expected) => {
    expect(effectiveCadence(contact, DEFAULT_TIER_CADENCES)).toEqual(expected);
  });

  it('reads the tier table passed in, so edited settings apply', () => {
    const tiers = { ...DEFAULT_TIER_CADENCES, regular: { idealDays: 10, maxDays: 20 } };
    expect(effectiveCadence({ tier: 'regular' }, tiers)).toEqual({ idealDays: 10, maxDays: 20 });
  });
});

describe('keepInTouchStatus', () => {
  const ADDED = '2025-06-01';
  it.each([
    // label, last interaction, today, expected state, daysSince
    ['on track the day after contact', '2026-01-01', '2026-01-02', 'on-track', 1],
    ['on track the day before ideal', '2026-01-01', '2026-01-30', 'on-track', 29],
    ['due exactly at idealDays', '2026-01-01', '2026-01-31', 'due', 30],
    ['due the day before maxDays', '2026-01-01', '2026-02-14', 'due', 44],
    ['overdue exactly at maxDays', '2026-01-01', '2026-02-15', 'overdue', 45],
    ['overdue long after', '2026-01-01', '2027-01-01', 'overdue', 365],
    ['on track on the day of contact', '2026-01-01', '2026-01-01', 'on-track', 0],
    ['month end: 31 Jan + 30 days is 2 Mar', '2026-01-31', '2026-03-02', 'due', 30],
    ['leap year: 30 days from 2028-02-29 is 2028-03-30', '2028-02-29', '2028-03-30', 'due', 30],
    ['leap year: 1 Feb to 1 Mar 2028 is 29 days', '2028-02-01', '2028-03-01', 'on-track', 29],
  ] as const)('%s', (_label, last, today, state, daysSince) => {
    const s = keepInTouchStatus({ cadence: MONTHLY, lastInteractionOn: last, addedOn: ADDED, today });
    expect(s).toMatchObject({ state, since: last, daysSince });
  });

  it('gives the due and overdue dates from the clock start', () => {
    expect(
      keepInTouchStatus({ cadence: MONTHLY, lastInteractionOn: '2028-02-29', addedOn: ADDED, today: '2028-03-01' }),
    ).toEqual({
      state: 'on-track',
      since: '2028-02-29',
      daysSince: 1,
      dueOn: '2028-03-30',
      overdueOn: '2028-04-14',
    });
  });

  it('starts the clock on the day a never-contacted person was added', () => {
    const s = keepInTouchStatus({ cadence: MONTHLY, addedOn: '2026-01-10', today: '2026-02-09' });
    expect(s).toMatchObject({ state: 'due', since: '2026-01-10', daysSince: 30, dueOn: '2026-02-09' });
  });

  it('is untracked without a cadence, whatever the dates', () => {
    expect(
      keepInTouchStatus({ cadence: null, lastInteractionOn: '2020-01-01', addedOn: ADDED, today: '2026-01-01' }),
    ).toEqual({ state: 'untracked' });
  });

  it.each([
    ['a future-dated interaction counts as today', { lastInteractionOn: '2026-05-01', addedOn: ADDED }],
    ['a future addedOn counts as today', { addedOn: '2026-05-01' }],
  ])('%s', (_label, dates) => {
    const s = keepInTouchStatus({ cadence: MONTHLY, today: '2026-03-14', ...dates });
    expect(s).toMatchObject({ state: 'on-track', since: '2026-03-14', daysSince: 0, dueOn: '2026-04-13' });
  });

  it('uses a 1-day cadence with ideal equal to max: due and overdue on the same day', () => {
    const s = keepInTouchStatus({
      cadence: { idealDays: 1, maxDays: 1 },
      lastInteractionOn: '2026-03-13',
      addedOn: ADDED,
      today: '2026-03-14',
    });
    expect(s.state).toBe('overdue');
  });
});

describe('comesDueThisWeek', () => {
  const TODAY = '2026-03-14';
  const WEEK_END = '2026-03-21';
  const person = (id: string, lastInteractionOn: string | undefined, cadence: Cadence | null = MONTHLY) => ({
    id,
    status: keepInTouchStatus({ cadence, lastInteractionOn, addedOn: '2026-01-01', today: TODAY }),
  });

  it('takes the people on track today who come due within the next seven days', () => {
    const people = [
      person('on-track-far', '2026-03-10'), // due 04-09
      person('week-7', '2026-02-19'), // due 03-21: exactly 7 days ahead
      person('week-8', '2026-02-20'), // due 03-22: outside the week
      person('week-1', '2026-02-13'), // due 03-15: tomorrow
      person('due-today', '2026-02-12'), // due 03-14: due from today, so on another lane
      person('due-longer', '2026-02-01'), // due 03-03
      person('overdue', '2026-01-20'), // overdue 03-06
      person('never-contacted', undefined), // added 2026-01-01: overdue 02-15
      person('untracked', '2020-01-01', null),
    ];
    expect(people.filter((p) => comesDueThisWeek(p.status, TODAY, WEEK_END)).map((p) => p.id)).toEqual([
      'week-7',
      'week-1',
    ]);
  });
});
