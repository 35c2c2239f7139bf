import { describe, expect, it } from 'vitest';
import { findDuplicateCandidates, matchesForDraft, type DuplicatePerson } from './match.ts';
import { jaroWinkler, normaliseName, phoneKey } from './normalise.ts';

const person = (
  id: string,
  displayName: string,
  extra: { emails?: string[]; phones?: string[] } = {},
): DuplicatePerson => ({
  id,
  displayName,
  emails: (extra.emails ?? []).map((value) => ({ value })),
  phones: (extra.phones ?? []).map((value) => ({ value })),
});

const pairsOf = (people: DuplicatePerson[]) =>
  findDuplicateCandidates(people).map((c) => `${c.a}-${c.b}:${c.reasons.join('+')}`);

describe('normalisers', () => {
  it.each([
    ['+44 7700 900123', '07700 900123', true],
    ['(020) 7946-0018', '020 7946 0018', true],
    ['+1 415 555 0100', '415-555-0100', true],
    ['12345', '12345', true],
    ['12345', '012345', false], // short numbers compare whole
    ['07700 900123', '07700 900124', false],
  ])('phone %s vs %s → same: %s', (x, y, same) => {
    expect(phoneKey(x) === phoneKey(y)).toBe(same);
  });

  it('ignores numbers too short to mean anything', () => {
    expect(phoneKey('ext. 12')).toBeNull();
  });

  it.each([
    ['José García', 'garcia jose'],
    ['Smith, John', 'john smith'],
    ["  O'Brien   Siobhán ", 'brien o siobhan'],
    ['Zoë  Ångström-Ode', 'angstrom ode zoe'],
  ])('normalises the name %j to %j', (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });

  it.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['john smith', 'jon smith', 0.97],
  ])('Jaro–Winkler(%s, %s) ≈ %f', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 2);
  });
});

describe('findDuplicateCandidates', () => {
  it.each([
    [
      'the same email in another case, with spaces',
      [
        person('1', 'Ann Lee', { emails: ['Ann@Example.com '] }),
        person('2', 'A. Lee', { emails: ['ann@example.com'] }),
      ],
      ['1-2:email'],
    ],
    [
      'gmail dots are different addresses',
      [
        person('1', 'Ann Lee', { emails: ['ann.lee@gmail.com'] }),
        person('2', 'Bo Ng', { emails: ['annlee@gmail.com'] }),
      ],
      [],
    ],
    [
      'the same phone in two formats',
      [person('1', 'Ann Lee', { phones: ['+44 7700 900123'] }), person('2', 'Annie', { phones: ['07700 900123'] })],
      ['1-2:phone'],
    ],
    ['accents: José vs Jose', [person('1', 'José García'), person('2', 'Jose Garcia')], ['1-2:name']],
    ['swapped order: Smith John vs John Smith', [person('1', 'Smith John'), person('2', 'John Smith')], ['1-2:name']],
    ['a one-letter typo', [person('1', 'Jonathan Smith'), person('2', 'Jonathon Smith')], ['1-2:name']],
    ['different people with the same first name', [person('1', 'John Smith'), person('2', 'John Doe')], []],
    ['a lone first name is too weak', [person('1', 'Sam'), person('2', 'Sam')], []],
    ['different surnames with the same initials', [person('1', 'John Smith'), person('2', 'John Stone')], []],
    [
      'a long shared first name and a different surname',
      [person('1', 'Elizabeth Jones'), person('2', 'Elizabeth James')],
      [],
    ],
    ['a dropped letter', [person('1', 'John Smith'), person('2', 'Jon Smith')], ['1-2:name']],
    ['a person is never their own duplicate', [person('1', 'Ann Lee', { emails: ['a@x.org', 'A@x.org'] })], []],
  ])('%s', (_label, people, expected) => {
    expect(pairsOf(people)).toEqual(expected);
  });

  it('reports each pair once with a < b and every reason found', () => {
    const out = findDuplicateCandidates([
      person('z', 'Ann Lee', { emails: ['ann@x.org'], phones: ['07700 900123'] }),
      person('a', 'Lee, Ann', { emails: ['ANN@x.org'], phones: ['+447700900123'] }),
    ]);
    expect(out).toEqual([{ a: 'a', b: 'z', reasons: ['email', 'phone', 'name'], score: 0.994 }]);
  });

  it('ranks stronger evidence first', () => {
    const out = findDuplicateCandidates([
      person('1', 'Jonathan Smith'),
      person('2', 'Jonathon Smith'),
      person('3', 'Ann Lee', { emails: ['ann@x.org'] }),
      person('4', 'Ann Lee', { emails: ['ann@x.org'] }),
      person('5', 'Kit Moss', { phones: ['0123456789'] }),
      person('6', 'K Moss', { phones: ['0123456789'] }),
    ]);
    expect(out.map((c) => `${c.a}-${c.b}`)).toEqual(['3-4', '5-6', '1-2']);
    expect(out[2]!.score).toBeGreaterThan(0.6);
    expect(out[2]!.score).toBeLessThan(0.7);
  });

  it('skips an email shared by a whole team', () => {
    const names = ['Ann Lee', 'Bo Ng', 'Cy Twombly', 'Di Fox', 'Ed Park', 'Flo Rida', 'Gus Van', 'Hal Ford'];
    const team = Array.from({ length: 30 }, (_, i) =>
      person(`p${i}`, `${names[i % 8]} ${'xyzw'[i % 4]}${i}`, { emails: ['hello@studio.example'] }),
    );
    expect(findDuplicateCandidates(team).filter((c) => c.reasons.includes('email'))).toEqual([]);
  });

  it('finds every planted duplicate among 10k people', () => {
    // Deterministic varied names: 40 first names × syllable surnames, plus 100 planted duplicates.
    const first =
      'James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth Aisha Wei Olga José Priya Kwame Sofia Mateo Yuki Omar Fatima Liam Noah Emma Chloe Lucas Ines Arjun Mei Tomasz Anna Ravi Leila Pablo Nia Kofi Sven Hana Ivan Zara'.split(
        ' ',
      );
    const syllables = 'ka lo mi ra ne ti so va be du ge ha jo ku ma no pe ri sa to'.split(' ');
    let seed = 42;
    // mulberry32: a tiny PRNG whose low bits are as random as its high bits.
    const next = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const people: DuplicatePerson[] = [];
    for (let i = 0; i < 10_000; i++) {
      const surname = Array.from({ length: 3 }, () => syllables[next(20)]).join('');
      const name = `${first[next(40)]} ${surname[0]!.toUpperCase()}${surname.slice(1)}`;
      people.push(
        person(`p${i}`, name, {
          emails: [`user${i}@example.com`],
          phones: [`+44 7700 ${String(100_000 + i).padStart(6, '0')}`],
        }),
      );
    }
    for (let i = 0; i < 100; i++) {
      const original = people[i * 97]!;
      people.push(
        person(`dup${i}`, original.displayName.split(' ').reverse().join(', '), {
          emails: [original.emails[0]!.value.toUpperCase()],
        }),
      );
    }
    const out = findDuplicateCandidates(people);
    for (let i = 0; i < 100; i++) expect(out.some((c) => c.b === `p${i * 97}` && c.a === `dup${i}`)).toBe(true);
  });
});

describe('matchesForDraft', () => {
  // The draft against each person must find exactly what pairing the draft with everyone finds.
  it('agrees with findDuplicateCandidates on the pairs that include the draft', () => {
    const first = ['Samira', 'Samria', 'Sam', 'Kofi', 'Koffi', 'Ana', 'Anna', 'José'];
    const last = ['Okafor', 'Okafr', 'Oyelaran', 'Lima', 'Núñez', 'Nunez'];
    let seed = 7;
    let matched = 0;
    const pick = <T>(xs: readonly T[]) => xs[(seed = (seed * 48271) % 2147483647) % xs.length]!;
    for (let round = 0; round < 40; round++) {
      const people = Array.from({ length: 30 }, (_, i) => ({
        id: `p${i}`,
        displayName: `${pick(first)} ${pick(last)}`,
        emails: pick([[], [{ value: `${pick(first).toLowerCase()}@example.org` }]]),
        phones: pick([[], [{ value: `+44 7700 90012${pick([1, 2, 3])}` }]]),
      }));
      const draft = { displayName: `${pick(first)} ${pick(last)}`, emails: people[0]!.emails, phones: [] };
      const expected = findDuplicateCandidates([{ ...draft, id: 'draft' }, ...people])
        .filter((c) => c.a === 'draft' || c.b === 'draft')
        .map((c) => ({ id: c.a === 'draft' ? c.b : c.a, reasons: c.reasons, score: c.score }))
        .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
      expect(matchesForDraft(draft, people, 100)).toEqual(expected);
      matched += expected.length;
    }
    // The names and keys are chosen to collide: the comparison is over real matches, not empty lists.
    expect(matched).toBeGreaterThan(40);
  });
});
