import { describe, expect, it } from 'vitest';
import { contentWords, matchTexts, stem, suggestIntroductions, type MatchPerson } from './intro-match.ts';

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

describe('suggestIntroductions', () => {
  const person = (id: string, p: Partial<MatchPerson> = {}): MatchPerson => ({ id, displayName: id, ...p });
  it.each([
    [
      'a seeker and a helper',
      [person('Ana', { lookingFor: 'a Rust mentor' }), person('Ben', { canHelpWith: 'Rust mentoring' })],
      [['Ana', 'Ben']],
    ],
    [
      'both directions when each has what the other wants',
      [
        person('Ana', { lookingFor: 'seed investors', canHelpWith: 'design reviews' }),
        person('Ben', { lookingFor: 'design feedback', canHelpWith: 'seed investors' }),
      ],
      [
        ['Ana', 'Ben'],
        ['Ben', 'Ana'],
      ],
    ],
    ['never with oneself', [person('Ana', { lookingFor: 'Rust', canHelpWith: 'Rust' })], []],
    [
      'not when already related',
      [
        person('Ana', { lookingFor: 'Rust', relationships: [{ contactId: 'Ben' }] }),
        person('Ben', { canHelpWith: 'Rust' }),
      ],
      [],
    ],
    [
      'not with archived people',
      [person('Ana', { lookingFor: 'Rust' }), person('Ben', { canHelpWith: 'Rust', archived: true })],
      [],
    ],
    [
      'better matches first',
      [
        person('Ana', { lookingFor: 'Rust' }),
        person('Cy', { lookingFor: 'Rust mentor' }),
        person('Ben', { canHelpWith: 'Rust mentoring' }),
      ],
      [
        ['Cy', 'Ben'],
        ['Ana', 'Ben'],
      ],
    ],
  ])('%s', (_name, people, pairs) => {
    expect(suggestIntroductions(people).map((s) => [s.seekerId, s.helperId])).toEqual(pairs);
  });

  it("puts each seeker's best helper before anyone's second at the same score", () => {
    const people = [
      person('Ana', { lookingFor: 'design' }),
      person('Bo', { lookingFor: 'design' }),
      person('Cy', { canHelpWith: 'design' }),
      person('Di', { canHelpWith: 'design' }),
      person('Ed', { canHelpWith: 'design' }),
    ];
    expect(suggestIntroductions(people, 4).map((s) => `${s.seekerId}-${s.helperId}`)).toEqual([
      'Ana-Cy',
      'Bo-Cy',
      'Ana-Di',
      'Bo-Di',
    ]);
  });

  it('stops at the limit', () => {
    const people = [person('Ana', { lookingFor: 'Rust' }), person('Ben', { canHelpWith: 'Rust' })];
    expect(suggestIntroductions(people, 0)).toEqual([]);
  });
});
