import { expect, it } from 'vitest';
import { seededRandom } from '../../../shared/domain/search/generate.ts';
import { matchPadded, scoreInteraction, scorePerson } from '../../../shared/domain/search/score.ts';
import { tokenise } from '../../../shared/domain/search/text.ts';
import {
  foldedInteraction,
  foldedPerson,
  holdsEveryLead,
  interactionCandidate,
  leadsOf,
  personCandidate,
} from './folded.ts';

const PIECES = ['sam', 'Samira', 'José', 'İstanbul', 'naïve', 'café', 'coffee', 'a', 'bi', 'Biscuit', 'half', 'x'];
const GLUE = [' ', '  ', ', ', '-', "'", '.', ''];

function texts(random: (n: number) => number, count: number): string[] {
  return Array.from({ length: count }, () => {
    let text = '';
    for (let i = random(6); i > 0; i--) text += PIECES[random(PIECES.length)]! + GLUE[random(GLUE.length)]!;
    return text;
  });
}

/** One to three query words: prefixes of the row's own words, or of any piece. */
function queryWords(random: (n: number) => number, from: string[]): string[] {
  const tokens = from.flatMap(tokenise);
  const words = Array.from({ length: 1 + random(3) }, () => {
    const token =
      tokens.length && random(3) ? tokens[random(tokens.length)]! : tokenise(PIECES[random(PIECES.length)]!)[0]!;
    return token.slice(0, 1 + random(token.length));
  });
  return [...new Set(words)];
}

it('rejects exactly the rows the scorer rejects (3,000 random people and interactions)', () => {
  const random = seededRandom(20261203);
  for (let i = 0; i < 3000; i++) {
    const [name, organisation, notes, tags, ...details] = texts(random, 4 + random(4));
    const fields = {
      name: name!,
      organisation: organisation!,
      notes: notes!,
      tags: tags!,
      details: details.map((text, n) => ({ id: `d${random(100)}-${n}`, text })),
    };
    const person = personCandidate({ rowid: i, id: `p${i}`, folded: foldedPerson(fields).text });
    const words = queryWords(random, [name!, organisation!, notes!, tags!, ...details]);
    const why = JSON.stringify({ fields, words });
    expect(holdsEveryLead(person, leadsOf(words)), why).toBe(scorePerson(words, person, matchPadded) !== undefined);

    const [title, body] = texts(random, 2);
    const folded = foldedInteraction({ title: title!, notes: body! }).text;
    const interaction = interactionCandidate({ rowid: i, id: `i${i}`, date: '2026-03-01', folded });
    const about = queryWords(random, [title!, body!]);
    expect(holdsEveryLead(interaction, leadsOf(about)), JSON.stringify({ title, body, about })).toBe(
      scoreInteraction(about, interaction, matchPadded) !== undefined,
    );
  }
});
