import { describe, expect, it } from 'vitest';
import type { Tier } from '../contact.ts';
import type { Favour } from '../interaction.ts';
import type { ExchangeRecord } from '../reciprocity/balance.ts';
import { jobHuntGuard } from './job-hunt-guard.ts';

const TODAY = '2026-12-01';
const chat = (date: string, gave: Favour[] = []): ExchangeRecord => ({ date, gave, asked: [], mutual: false });
const ask = (date: string): ExchangeRecord => ({ date, gave: [], asked: ['referral'], mutual: false });

describe('jobHuntGuard', () => {
  const base = { jobHuntMode: true, guardMonths: 6, tier: undefined as Tier | undefined, today: TODAY };
  it.each([
    ['last contact 9 months ago, no gives', { interactions: [chat('2026-03-01')] }, true],
    ['last contact 9 months ago was an ask', { interactions: [ask('2026-03-01')] }, true],
    ['a close contact spoken to last week', { tier: 'close' as Tier, interactions: [chat('2026-11-24')] }, false],
    ['a close contact is never guarded, even after a long gap', { tier: 'close' as Tier, interactions: [] }, false],
    ['a regular contact spoken to last month', { tier: 'regular' as Tier, interactions: [chat('2026-11-02')] }, false],
    ['nothing logged ever', { interactions: [] }, true],
    ['exactly 6 months ago still counts as recent', { interactions: [chat('2026-06-01')] }, false],
    ['one day more than 6 months', { interactions: [chat('2026-05-31')] }, true],
    ['an old give does not help after the gap', { interactions: [chat('2025-01-10', ['intro'])] }, true],
    ['a recent give clears it', { interactions: [ask('2025-01-10'), chat('2026-10-01', ['advice'])] }, false],
    ['only a planned (future) meeting', { interactions: [chat('2026-12-20')] }, true],
    ['job-hunt mode off', { jobHuntMode: false, interactions: [] }, false],
    ['a shorter N of 3 months', { guardMonths: 3, interactions: [chat('2026-07-15')] }, true],
  ])('%s → shown: %s', (_name, overrides, shown) => {
    expect(jobHuntGuard({ ...base, ...overrides }).show).toBe(shown);
  });

  it('says when they last spoke and how many months ago', () => {
    expect(jobHuntGuard({ ...base, interactions: [chat('2026-01-20'), chat('2026-03-01')] })).toEqual({
      show: true,
      reason: 'long-gap',
      lastContactOn: '2026-03-01',
      monthsSince: 9,
    });
  });

  it('names a first contact as such', () => {
    expect(jobHuntGuard({ ...base, interactions: [] })).toEqual({ show: true, reason: 'never' });
  });
});
