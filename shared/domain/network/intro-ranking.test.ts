import { describe, expect, it } from 'vitest';
import { readIntroNetwork, type MatchPerson } from './intro-network.ts';
import { suggestIntroductions } from './intro-ranking.ts';

const suggest = (people: MatchPerson[], limit?: number) => suggestIntroductions(readIntroNetwork(people), limit);

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
    expect(suggest(people).map((s) => [s.seekerId, s.helperId])).toEqual(pairs);
  });

  it("puts each seeker's best helper before anyone's second at the same score", () => {
    const people = [
      person('Ana', { lookingFor: 'design' }),
      person('Bo', { lookingFor: 'design' }),
      person('Cy', { canHelpWith: 'design' }),
      person('Di', { canHelpWith: 'design' }),
      person('Ed', { canHelpWith: 'design' }),
    ];
    expect(suggest(people, 4).map((s) => `${s.seekerId}-${s.helperId}`)).toEqual([
      'Ana-Cy',
      'Bo-Cy',
      'Ana-Di',
      'Bo-Di',
    ]);
  });

  it('stops at the limit', () => {
    const people = [person('Ana', { lookingFor: 'Rust' }), person('Ben', { canHelpWith: 'Rust' })];
    expect(suggest(people, 0)).toEqual([]);
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

  it('make no introduction on their own, but still count beside a rarer word', () => {
    const pairs = suggest(network).map((s) => [s.seekerId, s.helperId, s.score]);
    expect(pairs).toEqual([['Ana', 'Cy', 2]]); // climate, and tech beside it; not Ben (tech alone)
  });
});
