import { describe, expect, it } from 'vitest';
import type { Favour } from '../interaction.ts';
import { noAskTouchesThisWeek, weekStartOf } from './weekly-touches.ts';

const touch = (date: string, asked: Favour[] = []) => ({ date, asked });

describe('weekStartOf', () => {
  it.each([
    ['2026-12-01', '2026-11-30'], // a Tuesday
    ['2026-11-30', '2026-11-30'], // Monday itself
    ['2026-12-06', '2026-11-30'], // Sunday ends the week
    ['2027-01-01', '2026-12-28'], // across a year
  ])('the week of %s starts on %s', (today, start) => expect(weekStartOf(today)).toBe(start));
});

describe('noAskTouchesThisWeek', () => {
  const TODAY = '2026-12-03'; // Thursday
  it.each([
    ['nothing logged', [], 0],
    ['three catch-ups this week', [touch('2026-11-30'), touch('2026-12-01'), touch('2026-12-03')], 3],
    ['an ask does not count', [touch('2026-12-01', ['referral']), touch('2026-12-02')], 1],
    ['last Sunday is last week', [touch('2026-11-29')], 0],
    ['later this week (planned) is not done yet', [touch('2026-12-05')], 0],
  ])('%s → %i', (_name, interactions, count) => expect(noAskTouchesThisWeek(interactions, TODAY)).toBe(count));
});
