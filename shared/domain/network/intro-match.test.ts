import { describe, expect, it } from 'vitest';
import { commonStems, contentWords, matchTexts, stem } from './intro-match.ts';

describe('stem', () => {
  it.each([
    ['hiring', 'hir'],
    ['hire', 'hir'],
    ['designers', 'design'],
    ['designer', 'design'],
    ['companies', 'company'],
    ['sales', 'sal'],
    ['fundraising', 'fundrais'],
    ['class', 'class'],
    ['ux', 'ux'],
  ])('%s → %s', (word, stemmed) => expect(stem(word)).toBe(stemmed));
});

describe('contentWords', () => {
  it('drops filler words and keeps the rest once, in order', () => {
    expect(
      contentWords('Looking for someone to help with Rust hiring, and hiring in Berlin').map((w) => w.word),
    ).toEqual(['rust', 'hiring', 'berlin']);
  });
  it('reads words in any script and keeps tech names like c++ and node.js', () => {
    expect(contentWords('Kontakte in München; C++ and Node.js').map((w) => w.word)).toEqual([
      'kontakte',
      'münchen',
      'c++',
      'node.js',
    ]);
  });
});

describe('matchTexts', () => {
  it.each([
    ['a Rust mentor', 'mentoring Rust developers', 2, ['rust', 'mentor']],
    ['intro to seed investors', 'knows seed investors in Berlin', 3, ['seed', 'investors']], // + whole phrase
    ['UX designer for a side project', 'UX design reviews', 2, ['ux', 'designer']],
    ['hiring advice', 'can help with hiring', 1, ['hiring']],
    ['a new job in product', 'product management careers', 1, ['product']],
    ['help with anything', 'happy to help anyone', 0, []], // filler only
    ['a flat in Lisbon', 'Rust code review', 0, []],
    ['', 'anything', 0, []],
  ])('looking for “%s” / can help with “%s” → %i', (looking, helping, score, shared) => {
    expect(matchTexts(looking, helping)).toEqual({ score, shared });
  });
});

describe('words common in the network', () => {
  it('are counted per text once there are enough texts, and not below that', () => {
    // Twelve texts, "tech" in four of them (a third): common. "climate" and "teaching" are not.
    const texts = ['rust', 'kotlin', 'pottery', 'sailing', 'tax law', 'chess', 'baking', 'cycling'];
    texts.push('investors in climate tech', 'tech from teaching', 'climate tech funding', 'health tech');
    expect([...commonStems(texts)]).toEqual(['tech']);
    expect(commonStems(['tech a', 'tech b', 'tech c'])).toEqual(new Set());
  });
});
