import type { SearchHitView } from '../../../shared/domain/views.ts';
import {
  interactionHit,
  matchPadded,
  personHit,
  rankInteractions,
  rankPeople,
  scoreInteraction,
  scorePerson,
} from '../../../shared/domain/search/score.ts';
import { queryWords } from '../../../shared/domain/search/text.ts';
import type { SearchProjection } from '../projection/search-projection.ts';
import { fromTiers, INTERACTION_GROUPS, PEOPLE_GROUPS, tiers } from './candidates.ts';
import { interactionCandidate, personCandidate } from './folded.ts';
import type { InteractionRow, PersonRow, Term } from './fts-store.ts';

export interface SearchService {
  /** People first, then interactions; empty for a blank query. Waits for writes not yet indexed. */
  query(q: string, limit: number): Promise<SearchHitView[]>;
}

/**
 * Matches scored per keystroke. Up to this many people the ranking is exactly the rules of
 * shared/domain/search/score.ts; beyond it they are read in tiers (candidates.ts), as are
 * interactions, which come in tiers in their exact order.
 */
export const PEOPLE_CANDIDATES = 200;
/** People read from the tiers beyond the number shown: scored as sub-documents, some score below their tier. */
const PEOPLE_SLACK = 20;
/** Interactions read when a query has too many words to read in tiers. */
export const INTERACTION_CANDIDATES = 150;

/** Answers the Ctrl/Cmd+K box from the FTS5 index kept by the search projection. */
export function createSearchService(projection: SearchProjection): SearchService {
  const { store } = projection;

  function peopleCandidates(words: string[], limit: number): PersonRow[] {
    // Row ids first: a broad query's texts would be read only to be set aside for the tiers.
    const all = store.peopleIds(prefixes(words), PEOPLE_CANDIDATES + 1);
    const tiered = tiers(words, PEOPLE_GROUPS);
    if (all.length <= PEOPLE_CANDIDATES || !tiered) return store.peopleByRowid(all.slice(0, PEOPLE_CANDIDATES));
    return store.peopleByRowid(fromTiers(tiered, limit + PEOPLE_SLACK, store.peopleIds));
  }
  function interactionCandidates(words: string[], need: number): InteractionRow[] {
    const tiered = tiers(words, INTERACTION_GROUPS);
    if (!tiered) return store.matchInteractions(prefixes(words), INTERACTION_CANDIDATES);
    return store.interactionsByRowid(fromTiers(tiered, need, store.interactionIds));
  }

  return {
    async query(q, limit) {
      const words = queryWords(q);
      if (!words.length || limit <= 0) return [];
      if (projection.behind) await projection.flush();

      const scoredPeople = peopleCandidates(words, limit)
        .map((row) => scorePerson(words, personCandidate(row), matchPadded))
        .filter((s) => s !== undefined);
      const people = rankPeople(scoredPeople, limit);
      const interactions =
        people.length < limit
          ? rankInteractions(
              interactionCandidates(words, limit - people.length)
                .map((row) => scoreInteraction(words, interactionCandidate(row), matchPadded))
                .filter((s) => s !== undefined),
              limit - people.length,
            )
          : [];

      // Only the hits shown read their original texts, for snippets and names.
      const originals = store.peopleFields(people.map((p) => p.personId));
      const shown = store.interactionsShown(interactions.map((i) => i.id));
      const names = store.namesOf([
        ...new Set([...people.map((p) => p.personId), ...[...shown.values()].flatMap((i) => i.personIds)]),
      ]);
      const views: SearchHitView[] = [];
      for (const scored of people) {
        const fields = originals.get(scored.personId);
        if (!fields) continue;
        const { details, ...own } = fields;
        const hit = personHit(words, scored, { id: scored.personId, fields: own, details });
        views.push({
          kind: hit.detailId ? 'detail' : 'person',
          id: hit.detailId ?? hit.id,
          personIds: hit.personIds,
          title: names.get(scored.personId) ?? '',
          field: hit.field,
          snippet: hit.snippet,
          highlights: hit.highlights,
        });
      }
      for (const scored of interactions) {
        const original = shown.get(scored.id);
        if (!original) continue;
        const hit = interactionHit(words, scored, original);
        views.push({
          kind: 'interaction',
          id: hit.id,
          personIds: hit.personIds,
          title: hit.personIds
            .map((id) => names.get(id) ?? '')
            .filter(Boolean)
            .join(', '),
          field: hit.field,
          snippet: hit.snippet,
          highlights: hit.highlights,
          date: scored.date,
        });
      }
      return views;
    },
  };
}

/** Every word as a prefix, in any column. */
const prefixes = (words: readonly string[]): Term[] => words.map((word) => ({ word, prefix: true, columns: [] }));
