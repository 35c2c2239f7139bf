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
export const PREFIX_FACTOR = 0.8;

export type PersonCandidate = {
  id: string;
  fields: Record<string, string>;
  details: ReadonlyArray<{ id: string; text: string }>;
};
export type InteractionCandidate = { id: string; date: string; fields: Record<string, string> };

/** How `word` (folded) matches a field's text: 1 whole, PREFIX_FACTOR only starting a token, else 0. */
export type WordMatch = (text: string, word: string) => number;

/** For any text: tokenises it. */
export const matchTokens: WordMatch = (text, word) => {
  let earned = 0;
  for (const token of tokenise(text)) {
    if (token === word) return 1;
    if (token.startsWith(word)) earned = PREFIX_FACTOR;
  }
  return earned;
};

/**
 * For text already folded and padded (" jose nunez ", main/core/search/folded.ts): two substring
 * searches. The padded words are built once per word, not per call: building ` ${word}` for each
 * of a keystroke's thousands of calls, then flattening it to search, cost more than the search.
 */
export const matchPadded: WordMatch = (text, word) => {
  const [lead, whole] = paddedWord(word);
  return !text.includes(lead) ? 0 : text.includes(whole) ? 1 : PREFIX_FACTOR;
};
const paddedWords = new Map<string, readonly [string, string]>();
function paddedWord(word: string): readonly [string, string] {
  let padded = paddedWords.get(word);
  if (!padded) {
    // A keystroke has a few words; the box is typed into for a lifetime.
    if (paddedWords.size >= 256) paddedWords.clear();
    padded = [` ${word}`, ` ${word} `];
    paddedWords.set(word, padded);
  }
  return padded;
}

/** Per query word, the best weight it earns in any of `fields` (0 where it matches nothing). */
export function wordWeights(
  words: readonly string[],
  fields: Record<string, string>,
  match: WordMatch = matchTokens,
): number[] {
  const best = words.map(() => 0);
  for (const field in fields) {
    const text = fields[field]!;
    if (!text) continue;
    const weight = FIELD_WEIGHTS[field] ?? DEFAULT_WEIGHT;
    for (let w = 0; w < words.length; w++) {
      if (best[w]! >= weight) continue;
      const earned = weight * match(text, words[w]!);
      if (earned > best[w]!) best[w] = earned;
    }
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

/** A scored person: shown under their own fields (`detailId` empty) or under one detail. */
export type ScoredPerson = { score: number; personId: string; detailId: string };
export type ScoredInteraction = { score: number; date: string; id: string };

const byId = (a: { id: string }, b: { id: string }) => compareText(a.id, b.id);
const isSortedById = (details: PersonCandidate['details']) =>
  details.every((d, i) => i === 0 || compareText(details[i - 1]!.id, d.id) <= 0);

/**
 * The person's score and best sub-document, or undefined when some word matches nowhere.
 *
 * Sub-documents are their own fields, then each detail by id. The best is the first one with the
 * highest sum among those holding every word; when none holds every word, the words combine
 * (each its best weight anywhere) and the person is shown under the sub-document holding the most
 * words (on a tie a detail, as the title already names the person; then the most weight).
 * Runs for every candidate on every keystroke, so it makes no array for a detail matching
 * nothing (such a detail can never be shown: one holding a word always ranks above it).
 */
export function scorePerson(
  words: readonly string[],
  person: PersonCandidate,
  match: WordMatch = matchTokens,
): ScoredPerson | undefined {
  // The index hands details over sorted already.
  const details = isSortedById(person.details) ? person.details : [...person.details].sort(byId);
  const detailWeight = FIELD_WEIGHTS.detail ?? DEFAULT_WEIGHT;
  const own = wordWeights(words, person.fields, match);
  const combined = [...own];
  let full = holdsEvery(own) ? { detailId: '', score: sum(own) } : undefined;
  let shown = { detailId: '', rank: rank(own, false) };
  for (const d of details) {
    if (!d.text) continue;
    let weights: number[] | undefined;
    for (let w = 0; w < words.length; w++) {
      const earned = detailWeight * match(d.text, words[w]!);
      if (earned === 0) continue;
      weights ??= words.map(() => 0);
      weights[w] = earned;
      if (earned > combined[w]!) combined[w] = earned;
    }
    if (!weights) continue;
    if (holdsEvery(weights)) {
      const s = sum(weights);
      if (!full || s > full.score) full = { detailId: d.id, score: s };
    }
    const r = rank(weights, true);
    if (r > shown.rank) shown = { detailId: d.id, rank: r };
  }
  if (full) return { score: full.score, personId: person.id, detailId: full.detailId };
  if (!holdsEvery(combined)) return undefined;
  return { score: sum(combined), personId: person.id, detailId: shown.detailId };
}

const holdsEvery = (weights: number[]) => weights.every((w) => w > 0);
/** The order of sub-documents when words combine: words held, then a detail, then weight. */
const rank = (weights: number[], detail: boolean) =>
  weights.filter((w) => w > 0).length * 1e6 + (detail ? 1e5 : 0) + sum(weights);

/** The hit shown for a scored person: snippet and highlights from their original texts. */
export function personHit(words: readonly string[], scored: ScoredPerson, original: PersonCandidate): SearchHit {
  const { score, personId, detailId } = scored;
  const detail = detailId ? original.details.find((d) => d.id === detailId) : undefined;
  return detail
    ? toHit(doc('detail', detailId, [personId], { detail: detail.text }), score, words, personId)
    : toHit(doc('person', personId, [personId], original.fields), score, words);
}

export function scoreInteraction(
  words: readonly string[],
  interaction: InteractionCandidate,
  match: WordMatch = matchTokens,
): ScoredInteraction | undefined {
  const weights = wordWeights(words, interaction.fields, match);
  if (!weights.every((w) => w > 0)) return undefined;
  return { score: sum(weights), date: interaction.date, id: interaction.id };
}

/** The hit shown for a scored interaction, from its original texts. */
export function interactionHit(
  words: readonly string[],
  scored: ScoredInteraction,
  original: { personIds: string[]; fields: Record<string, string> },
): SearchHit {
  return toHit(doc('interaction', scored.id, original.personIds, original.fields), scored.score, words);
}

/** The best `limit` people: score, then a person hit before a detail hit, then person and detail id. */
export function rankPeople(scored: ScoredPerson[], limit: number): ScoredPerson[] {
  return scored
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(a.detailId !== '') - Number(b.detailId !== '') ||
        compareText(a.personId, b.personId) ||
        compareText(a.detailId, b.detailId),
    )
    .slice(0, limit);
}

/** The best `limit` interactions: score, then newest, then id. */
export function rankInteractions<T extends ScoredInteraction>(scored: T[], limit: number): T[] {
  return scored
    .sort((a, b) => b.score - a.score || compareText(b.date, a.date) || compareText(a.id, b.id))
    .slice(0, limit);
}
