/**
 * The ranking reads only pairs that share a rarer stem; this holds it equal to the rule tried on
 * every pair (the first version, kept here as the specification), on random small networks full
 * of the cases that decide an order: names that are equal or collate equal, shared texts,
 * archived people, relationships (to themselves, to nobody), common words and whole phrases.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../search/generate.ts';
import { commonStems, matchTexts } from './intro-match.ts';
import { readIntroNetwork, type MatchPerson } from './intro-network.ts';
import { introductionsOf, suggestIntroductions, type IntroSuggestion } from './intro-ranking.ts';

function everyPair(people: readonly MatchPerson[], limit: number): IntroSuggestion[] {
  const active = people.filter((p) => !p.archived);
  const seekers = active.filter((p) => p.lookingFor?.trim());
  const helpers = active.filter((p) => p.canHelpWith?.trim());
  const names = new Map(active.map((p) => [p.id, p.displayName]));
  const common = commonStems([...seekers.map((p) => p.lookingFor!), ...helpers.map((p) => p.canHelpWith!)]);
  const out: IntroSuggestion[] = [];
  for (const seeker of seekers) {
    const related = new Set((seeker.relationships ?? []).map((r) => r.contactId));
    for (const helper of helpers) {
      if (helper.id === seeker.id || related.has(helper.id)) continue;
      const { score, shared } = matchTexts(seeker.lookingFor!, helper.canHelpWith!, common);
      if (score > 0) out.push({ seekerId: seeker.id, helperId: helper.id, shared, score });
    }
  }
  const name = (id: string) => names.get(id) ?? '';
  const byNames = (a: IntroSuggestion, b: IntroSuggestion) =>
    name(a.seekerId).localeCompare(name(b.seekerId)) || name(a.helperId).localeCompare(name(b.helperId));
  const place = new Map<IntroSuggestion, number>();
  for (const group of Map.groupBy(out, (s) => `${s.score} ${s.seekerId}`).values())
    group.sort(byNames).forEach((s, i) => place.set(s, i));
  out.sort((a, b) => b.score - a.score || place.get(a)! - place.get(b)! || byNames(a, b));
  return out.slice(0, Math.max(0, limit));
}

const WORDS = ['rust', 'design', 'designers', 'seed', 'investors', 'tech', 'climate', 'hiring', 'hire', 'berlin'];
WORDS.push('kotlin', 'pottery', 'sailing', 'tax', 'law', 'chess', 'baking', 'münchen', 'c++', 'node.js');
const FILLER = ['help', 'with', 'looking for', 'a', 'advice'];
// Different strings that collate equal too: `Ána` composed and decomposed, and `Ana` with a soft hyphen.
const NAMES = ['Ana', 'ana', 'Ána', 'A\u0301na', 'Ana\u00AD', 'Ben', 'Cy', 'Di', 'Ed', 'Zoë', 'Zoe', 'emile', ''];

function randomNetwork(seed: number): MatchPerson[] {
  const random = seededRandom(seed);
  const count = 2 + random(40);
  const text = () => {
    if (random(6) === 0) return random(2) ? '' : '  ';
    const parts = Array.from({ length: 1 + random(3) }, () =>
      Array.from({ length: 1 + random(3) }, () => (random(4) ? WORDS[random(WORDS.length)] : FILLER[random(5)])).join(
        ' ',
      ),
    );
    return parts.join(random(2) ? ', ' : ' ');
  };
  // A few texts used by several people, as a template or a copied phrase would be.
  const shared = Array.from({ length: 3 }, text);
  const pick = () => (random(3) ? text() : shared[random(shared.length)]!);
  const people: MatchPerson[] = Array.from({ length: count }, (_, i) => ({
    id: `p${i}`,
    displayName: NAMES[random(NAMES.length)]!,
    ...(random(3) ? { lookingFor: pick() } : {}),
    ...(random(3) ? { canHelpWith: pick() } : {}),
    ...(random(8) === 0 ? { archived: true } : {}),
  }));
  for (const person of people)
    if (random(3) === 0)
      person.relationships = Array.from({ length: 1 + random(3) }, () => ({ contactId: `p${random(count + 2)}` }));
  return people;
}

describe('suggested introductions, read through the network index', () => {
  it('equal the rule tried on every pair, for the whole list and for each person', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const people = randomNetwork(seed);
      const all = everyPair(people, Number.MAX_SAFE_INTEGER);
      const network = readIntroNetwork(people);
      for (const limit of [0, 1, 3, 10, Number.MAX_SAFE_INTEGER])
        expect(suggestIntroductions(network, limit), `seed ${seed}, limit ${limit}`).toEqual(all.slice(0, limit));
      for (const { id } of people)
        for (const limit of [1, 5]) {
          const theirs = all.filter((s) => s.seekerId === id || s.helperId === id).slice(0, limit);
          expect(introductionsOf(network, id, limit), `seed ${seed}, ${id}, limit ${limit}`).toEqual(theirs);
        }
    }
  });

  it('finds some of every kind in these networks, so the comparison above means something', () => {
    const networks = Array.from({ length: 400 }, (_, i) => randomNetwork(i + 1));
    const found = networks.map((people) => everyPair(people, Number.MAX_SAFE_INTEGER));
    expect(found.filter((s) => s.length >= 5).length).toBeGreaterThan(150);
    expect(new Set(found.flat().map((s) => s.score)).size).toBeGreaterThanOrEqual(3);
    // Common words in play, and seekers with several helpers at one score, some of them with equal names.
    expect(
      networks.filter(
        (people) =>
          commonStems(people.flatMap((p) => [p.lookingFor ?? '', p.canHelpWith ?? ''].filter((t) => t.trim()))).size,
      ).length,
    ).toBeGreaterThan(50);
    const crowded = found.flatMap((s, n) =>
      [...Map.groupBy(s, (x) => `${x.score} ${x.seekerId}`).values()]
        .filter((g) => g.length > 2)
        .map((group) => ({ group, names: new Map(networks[n]!.map((p) => [p.id, p.displayName])) })),
    );
    expect(crowded.length).toBeGreaterThan(100);
    // …and among those, helpers whose names are different strings that collate equal.
    const twins = crowded.filter(({ group, names }) =>
      group.some((a) =>
        group.some((b) => {
          const [x, y] = [names.get(a.helperId)!, names.get(b.helperId)!];
          return x !== y && x.localeCompare(y) === 0;
        }),
      ),
    );
    expect(twins.length).toBeGreaterThan(10);
  });
});
