import { describe, expect, it } from 'vitest';
import { asPhrase } from './phrase.ts';

describe('asPhrase', () => {
  it.each([
    ['Two backend engineers for a growing team.', 'two backend engineers for a growing team'],
    ['a Rust mentor!', 'a Rust mentor'],
    ['UX research help', 'UX research help'],
    ['iOS developers', 'iOS developers'],
    ['Berlin investors', 'Berlin investors'],
    ['Rust mentoring', 'Rust mentoring'],
    ['Anything about board games', 'anything about board games'],
    ['I’m after a co-founder', 'I’m after a co-founder'],
    ['A flat. Also a bike.', 'A flat. Also a bike'],
    ['  spaces  ', 'spaces'],
  ])('%s → %s', (text, phrase) => expect(asPhrase(text)).toBe(phrase));
});
