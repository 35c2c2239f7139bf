/**
 * `scorePerson` as it was written before it was made to allocate less (score.ts): every
 * sub-document's word weights built, then compared. Kept as the reference the equivalence test
 * compares with.
 */
import { DEFAULT_WEIGHT, FIELD_WEIGHTS } from '../hit.ts';
import { matchTokens, wordWeights, type PersonCandidate, type ScoredPerson, type WordMatch } from '../score.ts';
import { compareText } from '../select.ts';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function scorePersonReference(
  words: readonly string[],
  person: PersonCandidate,
  match: WordMatch = matchTokens,
): ScoredPerson | undefined {
  const details = [...person.details].sort((a, b) => compareText(a.id, b.id));
  const detailWeight = FIELD_WEIGHTS.detail ?? DEFAULT_WEIGHT;
  const subs = [{ detailId: '', weights: wordWeights(words, person.fields, match) }];
  for (const d of details)
    subs.push({ detailId: d.id, weights: words.map((word) => (d.text ? detailWeight * match(d.text, word) : 0)) });
  let best: (typeof subs)[number] | undefined;
  let score = 0;
  for (const sub of subs) {
    if (!sub.weights.every((w) => w > 0)) continue;
    const s = sum(sub.weights);
    if (!best || s > score) [best, score] = [sub, s];
  }
  if (!best) {
    const combined = words.map((_, w) => Math.max(...subs.map((sub) => sub.weights[w]!)));
    if (!combined.every((w) => w > 0)) return undefined;
    score = sum(combined);
    const rank = (sub: (typeof subs)[number]) =>
      sub.weights.filter((w) => w > 0).length * 1e6 + (sub.detailId ? 1e5 : 0) + sum(sub.weights);
    for (const sub of subs) if (!best || rank(sub) > rank(best)) best = sub;
  }
  return { score, personId: person.id, detailId: best!.detailId };
}

/** `matchPadded` as it was: two substring searches, each building its padded word. */
export const matchPaddedReference: WordMatch = (text, word) =>
  !text.includes(` ${word}`) ? 0 : text.includes(` ${word} `) ? 1 : 0.8;
