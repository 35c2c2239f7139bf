import { describe, expect, it } from 'vitest';
import { seededRandom } from './generate.ts';
import { matchPadded, matchTokens, scorePerson, type PersonCandidate } from './score.ts';
import { tokenise } from './text.ts';
import { matchPaddedReference, scorePersonReference } from './testing/reference-score.ts';

/** Few words, so random queries often match several sub-documents, partly or wholly. */
const WORDS = ['sam', 'samira', 'bi', 'biscuit', 'puppy', 'leeds', 'half', 'marathon', 'ma', 'josé', 'x'];

function randomPerson(random: (n: number) => number, id: string): PersonCandidate {
  const text = () =>
    random(4) === 0 ? '' : Array.from({ length: 1 + random(5) }, () => WORDS[random(WORDS.length)]!).join(' ');
  const details = Array.from({ length: random(5) }, () => ({ id: `d${random(20)}`, text: text() }));
  return { id, fields: { name: text(), organisation: text(), notes: text(), tags: text() }, details };
}

const padded = (text: string) => (text ? ` ${tokenise(text).join(' ')} ` : '');
/** The person as the FTS5 index keeps them: folded, padded, details sorted by id. */
const asIndexed = (person: PersonCandidate): PersonCandidate => ({
  id: person.id,
  fields: Object.fromEntries(Object.entries(person.fields).map(([k, v]) => [k, padded(v)])),
  details: [...person.details]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((d) => ({ ...d, text: padded(d.text) })),
});

describe('scorePerson', () => {
  it('scores and places every person as the reference rules do (5,000 random people and queries)', () => {
    const random = seededRandom(20261202);
    let combined = 0;
    let underDetail = 0;
    for (let i = 0; i < 5000; i++) {
      const person = randomPerson(random, `p${i}`);
      const words = [
        ...new Set(
          Array.from({ length: 1 + random(3) }, () => {
            const word = tokenise(WORDS[random(WORDS.length)]!)[0]!;
            return word.slice(0, 1 + random(word.length));
          }),
        ),
      ];
      const expected = scorePersonReference(words, person);
      expect(scorePerson(words, person), JSON.stringify({ words, person })).toEqual(expected);
      const indexed = asIndexed(person);
      expect(scorePerson(words, indexed, matchPadded)).toEqual(
        scorePersonReference(words, indexed, matchPaddedReference),
      );
      if (expected && expected.detailId) underDetail++;
      if (expected && words.length > 1 && scorePersonReference([words[0]!], person)) combined++;
    }
    // The cases that matter were exercised: hits under a detail, and several words.
    expect(underDetail).toBeGreaterThan(300);
    expect(combined).toBeGreaterThan(300);
  });

  it('matches padded text as the two substring searches it replaces', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 3000; i++) {
      const text = padded(Array.from({ length: random(6) }, () => WORDS[random(WORDS.length)]!).join(' '));
      const word = tokenise(WORDS[random(WORDS.length)]!)[0]!.slice(0, 1 + random(4));
      expect(matchPadded(text, word)).toBe(matchPaddedReference(text, word));
    }
    expect(matchTokens('Sam Okafor', 'sam')).toBe(1);
  });
});
