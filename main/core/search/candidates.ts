/**
 * Which matches a keystroke scores. When at most `cap` rows match, all of them: the ranking is
 * then exactly score.ts's rules. A broad query ("a" over 50k people) matches far more, and
 * scoring them all, or asking FTS5 to rank them all by bm25, costs tens of milliseconds. Instead
 * the matches are taken in tiers, best first: each word is placed in a column group (heaviest
 * first) as a whole word or a prefix, and each placement is one FTS5 query over the index's
 * order, which stops after `cap` rows. A row's score is at most its best placement's weight, so
 * the tiers reach the best-scoring rows first; only ties inside the last tier read are settled by
 * the index's order (people as added, interactions newest first) rather than by id.
 */
import { FIELD_WEIGHTS, DEFAULT_WEIGHT } from '../../../shared/domain/search/hit.ts';
import { matchPadded, PREFIX_FACTOR } from '../../../shared/domain/search/score.ts';
import type { IndexedInteraction } from './folded.ts';
import type { Term } from './fts-store.ts';

/** Column groups of equal weight, heaviest first (the rest of the columns weigh DEFAULT_WEIGHT). */
type Group = { columns: string[]; weight: number };
const weight = (column: string) => FIELD_WEIGHTS[column] ?? DEFAULT_WEIGHT;
export const PEOPLE_GROUPS: Group[] = groups(['organisation', 'tags', 'name', 'notes', 'details']);
// A detail's text is scored as the field `detail`; the FTS5 column holding them is `details`.
export const INTERACTION_GROUPS: Group[] = groups(['title', 'notes']);
/**
 * Only one-word queries are read in tiers: with two, the placements (16 to 36 queries, each
 * checking columns in long position lists) cost more than scoring the newest matches, and two
 * words rarely match as much.
 */
const MAX_TIERED_WORDS = 1;

function groups(columns: string[]): Group[] {
  const byWeight = Map.groupBy(columns, (c) => weight(c === 'details' ? 'detail' : c));
  return [...byWeight].map(([w, cs]) => ({ columns: cs, weight: w })).sort((a, b) => b.weight - a.weight);
}

/** Every placement of the words, best first: one list of terms per tier; undefined for too many words. */
export function tiers(words: readonly string[], groups: readonly Group[]): Term[][] | undefined {
  if (words.length > MAX_TIERED_WORDS) return undefined;
  const options = groups.flatMap((g) => [
    { columns: g.columns, prefix: false, weight: g.weight },
    { columns: g.columns, prefix: true, weight: g.weight * PREFIX_FACTOR },
  ]);
  let placements: Array<{ terms: Term[]; weight: number }> = [{ terms: [], weight: 0 }];
  for (const word of words)
    placements = placements.flatMap((p) =>
      options.map((o) => ({
        terms: [...p.terms, { word, prefix: o.prefix, columns: o.columns }],
        weight: p.weight + o.weight,
      })),
    );
  return placements.sort((a, b) => b.weight - a.weight).map((p) => p.terms);
}

/** Up to about `cap` row ids from the tiers, best tier first, each read until `cap` is reached. */
export function fromTiers(tierList: Term[][], cap: number, read: (terms: Term[], cap: number) => number[]): number[] {
  const seen = new Set<number>();
  for (const terms of tierList) {
    for (const id of read(terms, cap)) seen.add(id);
    if (seen.size >= cap) break;
  }
  return [...seen];
}

/**
 * Reads tiers as the index would, from every match already in memory: up to `cap` row ids
 * matching every term, newest first. Only for plain ASCII texts and words, whose FTS5 tokens are
 * exactly their folded words (folded.ts `isPlain`).
 */
export function readInMemory(rows: readonly IndexedInteraction[]): (terms: Term[], cap: number) => number[] {
  const newest = [...rows].sort((a, b) => b.rowid - a.rowid);
  const holds = (row: IndexedInteraction, { word, prefix, columns }: Term) =>
    (columns.length ? columns : Object.keys(row.fields)).some((column) => {
      const match = matchPadded(row.fields[column] ?? '', word);
      return prefix ? match > 0 : match === 1;
    });
  return (terms, cap) => {
    const ids: number[] = [];
    for (const row of newest) {
      if (ids.length >= cap) break;
      if (terms.every((term) => holds(row, term))) ids.push(row.rowid);
    }
    return ids;
  };
}
