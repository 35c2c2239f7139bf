import type { SearchHitView } from '../../../shared/domain/views.ts';
import { rankInteractions, rankPeople, scoreInteraction, scorePerson } from '../../../shared/domain/search/score.ts';
import { queryWords, tokenise } from '../../../shared/domain/search/text.ts';
import type { SearchProjection } from '../projection/search-projection.ts';

export interface SearchService {
  /** People first, then interactions; empty for a blank query. Waits for writes not yet indexed. */
  query(q: string, limit: number): Promise<SearchHitView[]>;
}

/**
 * Candidates scored per keystroke. Up to this many matches the ranking is exactly the rules of
 * shared/domain/search/score.ts; beyond it, people are pre-ranked by FTS5's bm25 with the same
 * field weights and interactions are the newest matches (docs/storage.md, "Search").
 */
export const PEOPLE_CANDIDATES = 200;
export const INTERACTION_CANDIDATES = 150;
/** Field texts whose tokens are kept between keystrokes (a few MB at most). */
const TOKEN_CACHE_ENTRIES = 20_000;

/** Answers the Ctrl/Cmd+K box from the FTS5 index kept by the search projection. */
export function createSearchService(projection: SearchProjection): SearchService {
  const { store } = projection;
  // Successive keystrokes score mostly the same candidates: their texts are tokenised once.
  const tokens = new Map<string, readonly string[]>();
  const tokensOf = (text: string) => {
    let found = tokens.get(text);
    if (!found) {
      if (tokens.size >= TOKEN_CACHE_ENTRIES) tokens.clear();
      tokens.set(text, (found = tokenise(text)));
    }
    return found;
  };
  return {
    async query(q, limit) {
      const words = queryWords(q);
      if (!words.length || limit <= 0) return [];
      if (projection.behind) await projection.flush();
      // Every word as a prefix, all required; words hold only letters and digits, so quoting is safe.
      const expression = words.map((w) => `"${w}"*`).join(' ');
      const people = store
        .matchPeople(expression, PEOPLE_CANDIDATES)
        .map((row) =>
          scorePerson(
            words,
            { id: row.id, fields: personOwnFields(row.fields), details: row.fields.details },
            tokensOf,
          ),
        )
        .filter((s) => s !== undefined);
      const views: SearchHitView[] = rankPeople(people, limit).map((hit) => ({
        kind: hit.detailId ? 'detail' : 'person',
        id: hit.detailId ?? hit.id,
        personIds: hit.personIds,
        title: '',
        field: hit.field,
        snippet: hit.snippet,
        highlights: hit.highlights,
      }));
      const interactions =
        views.length < limit
          ? store
              .matchInteractions(expression, INTERACTION_CANDIDATES)
              .map((row) => scoreInteraction(words, row, tokensOf))
              .filter((s) => s !== undefined)
          : [];
      const ranked = rankInteractions(interactions, limit - views.length);
      const hits = ranked.map((r) => ({ hit: r.hit(), date: r.date }));
      const names = store.namesOf([
        ...new Set([...views.map((v) => v.personIds[0] ?? ''), ...hits.flatMap((h) => h.hit.personIds)]),
      ]);
      for (const view of views) view.title = names.get(view.personIds[0] ?? '') ?? '';
      for (const { hit, date } of hits)
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
          date,
        });
      return views;
    },
  };
}

function personOwnFields({
  name,
  organisation,
  notes,
  tags,
}: {
  name: string;
  organisation: string;
  notes: string;
  tags: string;
}) {
  return { name, organisation, notes, tags };
}
