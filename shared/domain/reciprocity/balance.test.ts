import { describe, expect, it } from 'vitest';
import type { Favour } from '../interaction.ts';
import {
  GENERIC_GIVE_SUGGESTIONS,
  giveSuggestions,
  reciprocityBalance,
  reciprocityWindowStart,
  shouldNudgeToGive,
  type ExchangeRecord,
} from './balance.ts';

const rec = (date: string, gave: Favour[] = [], asked: Favour[] = [], mutual = false): ExchangeRecord => ({
  date,
  gave,
  asked,
  mutual,
});
const ask = (date: string) => rec(date, [], ['advice']);
const give = (date: string) => rec(date, ['intro']);
const mutual = (date: string) => rec(date, [], [], true);
const chat = (date: string) => rec(date);

describe('reciprocityWindowStart', () => {
  it.each([
    ['2026-03-14', '2025-03-14'],
    ['2028-02-29', '2027-02-28'], // leap day: clamped to the end of February
    ['2026-03-31', '2025-03-31'],
    ['2029-02-28', '2028-02-28'],
  ])('12 months before %s is %s', (today, start) => {
    expect(reciprocityWindowStart(today)).toBe(start);
  });
});

describe('reciprocityBalance', () => {
  const TODAY = '2026-03-14';
  it.each([
    ['nothing logged', [], { gave: 0, asked: 0, mutual: 0, balance: 0 }],
    [
      'counts every favour in a list',
      [rec('2026-01-01', ['intro', 'advice'], ['referral'])],
      { gave: 2, asked: 1, mutual: 0, balance: 1 },
    ],
    [
      'counts mutual exchanges separately',
      [mutual('2026-01-01'), mutual('2026-02-01')],
      { gave: 0, asked: 0, mutual: 2, balance: 0 },
    ],
    ['includes today', [give(TODAY)], { gave: 1, asked: 0, mutual: 0, balance: 1 }],
    ['ignores interactions after today', [give('2026-03-15')], { gave: 0, asked: 0, mutual: 0, balance: 0 }],
    ['excludes exactly 12 months ago', [ask('2025-03-14')], { gave: 0, asked: 0, mutual: 0, balance: 0 }],
    ['includes the day after 12 months ago', [ask('2025-03-15')], { gave: 0, asked: 1, mutual: 0, balance: -1 }],
    [
      'is negative after asks',
      [ask('2025-06-01'), ask('2025-09-01'), give('2026-01-01')],
      { gave: 1, asked: 2, mutual: 0, balance: -1 },
    ],
  ])('%s', (_label, interactions, expected) => {
    expect(reciprocityBalance(interactions, TODAY)).toEqual(expected);
  });

  it('uses the clamped window on a leap day', () => {
    const today = '2028-02-29';
    expect(reciprocityBalance([give('2027-02-28'), give('2027-03-01')], today).gave).toBe(1);
  });
});

describe('shouldNudgeToGive', () => {
  const TODAY = '2026-03-14';
  it.each([
    ['no interactions', [], false],
    ['a single ask', [ask('2026-03-01')], false],
    ['two asks in a row', [ask('2026-01-01'), ask('2026-03-01')], true],
    ['two asks given out of date order', [ask('2026-03-01'), ask('2026-01-01')], true],
    ['two asks with a catch-up between them', [ask('2026-01-01'), chat('2026-02-01'), ask('2026-03-01')], true],
    ['a give after two asks resets it', [ask('2026-01-01'), ask('2026-02-01'), give('2026-03-01')], false],
    ['a give between two asks', [ask('2026-01-01'), give('2026-02-01'), ask('2026-03-01')], false],
    ['a mutual exchange resets it', [ask('2026-01-01'), ask('2026-02-01'), mutual('2026-03-01')], false],
    [
      'an ask that also gave is not a one-way ask',
      [ask('2026-01-01'), rec('2026-03-01', ['advice'], ['intro'])],
      false,
    ],
    ['an ask marked mutual is a give-and-take', [ask('2026-01-01'), rec('2026-03-01', [], ['intro'], true)], false],
    ['an ask outside the window does not count', [ask('2025-03-14'), ask('2026-03-01')], false],
    ['an ask just inside the window counts', [ask('2025-03-15'), ask('2026-03-01')], true],
    ['a future ask is ignored', [ask('2026-01-01'), ask('2026-04-01')], false],
    ['a give older than the window does not protect', [give('2025-01-01'), ask('2025-06-01'), ask('2026-01-01')], true],
    ['two asks then older gives', [give('2025-05-01'), give('2025-06-01'), ask('2025-12-01'), ask('2026-01-01')], true],
    ['same-day: later entry counts as more recent', [ask('2026-01-01'), ask('2026-03-01'), give('2026-03-01')], false],
  ])('%s → %s', (_label, interactions, expected) => {
    expect(shouldNudgeToGive(interactions, TODAY)).toBe(expected);
  });
});

describe('giveSuggestions', () => {
  it('turns each stated need into a concrete offer', () => {
    expect(giveSuggestions('a new role in product design; a co-founder')).toEqual([
      'Pass on any opening you hear of: a new role in product design',
      'Think of an introduction that could help with: a co-founder',
    ]);
  });

  it.each([
    ['Looking for: feedback on my pitch deck', 'Share something useful you know about: feedback on my pitch deck'],
    ['first clients for the studio.', 'Recommend them to anyone who might need them: first clients for the studio'],
    ['a flat in Lisbon', 'Keep an eye out for anything that could help with: a flat in Lisbon'],
    ['- Berlin investors', 'Think of an introduction that could help with: Berlin investors'],
  ])('%s', (text, expected) => {
    expect(giveSuggestions(text)).toEqual([expected]);
  });

  it('splits on new lines, bullets and commas, drops duplicates and caps at max', () => {
    const out = giveSuggestions('• a mentor\n• a mentor\n• advice on pricing, a designer, a new job', 3);
    expect(out).toHaveLength(3);
    expect(out[0]).toContain('a mentor');
    expect(out[1]).toContain('advice on pricing');
  });

  it('shortens a very long need at a word boundary', () => {
    const [only] = giveSuggestions(`a flat ${'near the river and the park '.repeat(6)}`);
    expect(only!.endsWith('…')).toBe(true);
    expect(only!.length).toBeLessThan(140);
  });

  it.each([[undefined], [''], ['  ;  ,  ']])('falls back to generic ideas for %j', (text) => {
    const out = giveSuggestions(text);
    expect(out).toEqual(GENERIC_GIVE_SUGGESTIONS.slice(0, 3));
    expect(out.join(' ')).toMatch(/article/);
    expect(out.join(' ')).toMatch(/Congratulate/);
    expect(out.join(' ')).toMatch(/introduction/);
  });

  it('returns nothing for max 0', () => {
    expect(giveSuggestions('a mentor', 0)).toEqual([]);
    expect(giveSuggestions(undefined, 0)).toEqual([]);
  });
});
