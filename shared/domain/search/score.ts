/**
 * Search's ranking rules, applied to the candidates a full-text index found (main/core/search).
 *
 * Matching: the query is folded (case, accents) and split into words; each word must start some
 * token. Score = Σ over words of the best field weight for that word (×0.8 for a prefix-only
 * match). People come before interactions. A person is one document made of their own fields and
 * each of their details: a sub-document holding every word scores as it always did (the person
 * is shown under their best one), and when no single one does, the words combine across them
 * ("sam puppy": Sam's name and the detail about the puppy). People tie-break as before: a person
 * hit before a detail hit, then by person id; interactions by newest date, then id.
 */
import { DEFAULT_WEIGHT, FIELD_WEIGHTS, toHit } from './hit.ts';
import type { IndexedDoc, SearchHit } from './index.ts';
import { compareText } from './select.ts';
import { tokenise } from './text.ts';

/** A word that only starts a token scores this fraction of a whole-word match. */
const PREFIX_FACTOR = 0.8;

export type PersonCandidate = {
  id: string;
  fields: Record<string, string>;
  details: ReadonlyArray<{ id: string; text: string }>;
};
export type InteractionCandidate = { id: string; date: string; personIds: string[]; fields: Record<string, string> };

/** How a field's text becomes folded tokens; callers may pass a memoised `tokenise`. */
export type Tokens = (text: string) => readonly string[];

/** Per query word, the best weight it earns in any of `fields` (0 where it matches nothing). */
export function wordWeights(
  words: readonly string[],
  fields: Record<string, string>,
  tokensOf: Tokens = tokenise,
): number[] {
  const best = words.map(() => 0);
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    const weight = FIELD_WEIGHTS[field] ?? DEFAULT_WEIGHT;
    const tokens = tokensOf(text);
    words.forEach((word, w) => {
      if (best[w]! >= weight) return;
      let earned = 0;
      for (const token of tokens) {
        if (token === word) {
          earned = weight;
          break;
        }
        if (token.startsWith(word)) earned = weight * PREFIX_FACTOR;
      }
      if (earned > best[w]!) best[w] = earned;
    });
  }
  return best;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const doc = (
  kind: IndexedDoc['kind'],
  id: string,
  personIds: string[],
  fields: Record<string, string>,
): IndexedDoc => ({
  kind,
  id,
  personIds,
  fields,
  group: 0,
  day: 0,
  label: '',
});

/** A scored candidate; its hit (snippet, highlights) is made only for those shown. */
type Scored = { score: number; personId: string; detailId: string; hit(): SearchHit };

/** The person's hit (under their best sub-document), or undefined when some word matches nowhere. */
export function scorePerson(
  words: readonly string[],
  person: PersonCandidate,
  tokensOf: Tokens = tokenise,
): Scored | undefined {
  const subs = [
    { detailId: '', fields: person.fields },
    ...[...person.details]
      .sort((a, b) => compareText(a.id, b.id))
      .map((d) => ({ detailId: d.id, fields: { detail: d.text } })),
  ].map((sub) => ({ ...sub, weights: wordWeights(words, sub.fields, tokensOf) }));
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
    // Shown under the sub-document holding the most words; on a tie a detail, as the title
    // already names the person; then the most weight.
    const rank = (sub: (typeof subs)[number]) =>
      sub.weights.filter((w) => w > 0).length * 1e6 + (sub.detailId ? 1e5 : 0) + sum(sub.weights);
    for (const sub of subs) if (!best || rank(sub) > rank(best)) best = sub;
  }
  const shown = best!;
  const hit = () =>
    shown.detailId
      ? toHit(doc('detail', shown.detailId, [person.id], shown.fields), score, words, person.id)
      : toHit(doc('person', person.id, [person.id], shown.fields), score, words);
  return { hit, score, personId: person.id, detailId: shown.detailId };
}

export function scoreInteraction(
  words: readonly string[],
  interaction: InteractionCandidate,
  tokensOf: Tokens = tokenise,
): { hit(): SearchHit; score: number; date: string; id: string } | undefined {
  const weights = wordWeights(words, interaction.fields, tokensOf);
  if (!weights.every((w) => w > 0)) return undefined;
  const score = sum(weights);
  const hit = () => toHit(doc('interaction', interaction.id, interaction.personIds, interaction.fields), score, words);
  return { hit, score, date: interaction.date, id: interaction.id };
}

/** The best `limit` people: score, then a person hit before a detail hit, then person and detail id. */
export function rankPeople(scored: Scored[], limit: number): SearchHit[] {
  return scored
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(a.detailId !== '') - Number(b.detailId !== '') ||
        compareText(a.personId, b.personId) ||
        compareText(a.detailId, b.detailId),
    )
    .slice(0, limit)
    .map((s) => s.hit());
}

/** The best `limit` interactions: score, then newest, then id. */
export function rankInteractions<T extends { score: number; date: string; id: string }>(
  scored: T[],
  limit: number,
): T[] {
  return scored
    .sort((a, b) => b.score - a.score || compareText(b.date, a.date) || compareText(a.id, b.id))
    .slice(0, limit);
}
