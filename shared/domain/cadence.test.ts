import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_CADENCES, everyPhrase, tierLabels } from './cadence.ts';

describe('everyPhrase', () => {
  it.each([
    [1, 'every day'],
    [5, 'every 5 days'],
    [7, 'every week'],
    [14, 'every 2 weeks'],
    [21, 'every 3 weeks'],
    [30, 'every month'],
    [45, 'every 45 days'],
    [56, 'every 8 weeks'],
    [61, 'every 2 months'],
    [63, 'every 9 weeks'],
    [28, 'every 4 weeks'],
    [32, 'every month'],
    [64, 'every 64 days'],
    [182, 'every 6 months'],
    [91, 'every 3 months'],
    [183, 'every 6 months'],
    [365, 'every year'],
    [366, 'every year'],
    [730, 'every 2 years'],
    [500, 'every 500 days'],
  ])('says %i days as "%s"', (days, words) => expect(everyPhrase(days)).toBe(words));
});

describe('tierLabels', () => {
  it('says the default rhythms as the pickers always did', () => {
    expect(tierLabels(DEFAULT_TIER_CADENCES)).toEqual({
      close: 'Close (every 3 weeks)',
      regular: 'Regular (every 2 months)',
      occasional: 'Occasional (every 6 months)',
      yearly: 'Yearly',
    });
  });

  it('follows rhythms changed in Settings', () => {
    const changed = {
      ...DEFAULT_TIER_CADENCES,
      close: { idealDays: 14, maxDays: 28 },
      yearly: { idealDays: 304, maxDays: 400 },
    };
    expect(tierLabels(changed)).toMatchObject({ close: 'Close (every 2 weeks)', yearly: 'Yearly (every 10 months)' });
  });
});
