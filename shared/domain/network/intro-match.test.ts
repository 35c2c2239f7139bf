import { describe, expect, it } from 'vitest';
import { commonStems, contentWords, matchTexts, stem, suggestIntroductions, type MatchPerson } from './intro-match.ts';

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

describe('words common in the network', () => {
  const person = (id: string, p: Partial<MatchPerson> = {}): MatchPerson => ({ id, displayName: id, ...p });
  // Twelve texts, "tech" in four of them (a third): common. "climate" and "teaching" are not.
  const crowd = ['rust', 'kotlin', 'pottery', 'sailing', 'tax law', 'chess', 'baking', 'cycling'].map((topic, i) =>
    person(`P${i}`, { canHelpWith: topic }),
  );
  const network = [
    ...crowd,
    person('Ana', { lookingFor: 'investors in climate tech' }),
    person('Ben', { canHelpWith: 'tech from teaching' }),
    person('Cy', { canHelpWith: 'climate tech funding' }),
    person('Di', { canHelpWith: 'health tech' }),
  ];

  it('are counted per text once there are enough texts, and not below that', () => {
    expect([
      ...commonStems(network.flatMap((p) => [p.lookingFor, p.canHelpWith].filter((t) => t !== undefined))),
    ]).toEqual(['tech']);
    expect(commonStems(['tech a', 'tech b', 'tech c'])).toEqual(new Set());
  });

  it('make no introduction on their own, but still count beside a rarer word', () => {
    const pairs = suggestIntroductions(network).map((s) => [s.seekerId, s.helperId, s.score]);
    expect(pairs).toEqual([['Ana', 'Cy', 2]]); // climate, and tech beside it; not Ben (tech alone)
  });
});
