import type { SearchHitView } from '../../../shared/domain/views.ts';
import {
  interactionHit,
  matchPadded,
  personHit,
  rankInteractions,
  rankPeople,
  scoreInteraction,
  scorePerson,
  type ScoredInteraction,
  type ScoredPerson,
} from '../../../shared/domain/search/score.ts';
import { queryWords } from '../../../shared/domain/search/text.ts';
import type { SearchProjection } from '../projection/search-projection.ts';
import { fromTiers, INTERACTION_GROUPS, PEOPLE_GROUPS, readInMemory, tiers } from './candidates.ts';
import { holdsEveryLead, isPlain, leadsOf, type IndexedInteraction, type IndexedPerson } from './folded.ts';
import type { Term } from './fts-store.ts';
import { createIndexReads } from './index-reads.ts';
import { arePlain, createTypingSessions, type Complete } from './typing-session.ts';

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

/**
 * Answers the Ctrl/Cmd+K box from the FTS5 index kept by the search projection. A keystroke that
 * narrows the one before filters what that one read instead of asking the index
 * (typing-session.ts); rows already read are kept until the index changes (index-reads.ts).
 */
export function createSearchService(projection: SearchProjection): SearchService {
  const { store } = projection;
  const reads = createIndexReads(store);
  const sessions = createTypingSessions();

  /** The people to score, and all of them when FTS5 matched few enough to read every one. */
  function peopleCandidates(
    words: string[],
    limit: number,
    earlier: Complete<IndexedPerson> | undefined,
  ): { rows: IndexedPerson[]; matched?: number } {
    if (earlier) return { rows: earlier.rows, matched: earlier.matched };
    // Row ids first: a broad query's texts would be read only to be set aside for the tiers.
    const all = store.peopleIds(prefixes(words), PEOPLE_CANDIDATES + 1);
    const tiered = tiers(words, PEOPLE_GROUPS);
    if (all.length <= PEOPLE_CANDIDATES) return { rows: reads.people(all), matched: all.length };
    const ids = tiered ? fromTiers(tiered, limit + PEOPLE_SLACK, store.peopleIds) : all.slice(0, PEOPLE_CANDIDATES);
    return { rows: reads.people(ids) };
  }

  /**
   * The interactions to score, and every match when few enough match to read them all (kept for
   * the next keystrokes: typing-session.ts). One word is read in tiers (candidates.ts); from every
   * match in memory when their texts are plain ASCII, where matching them is exactly FTS5's.
   */
  function interactionCandidates(
    words: string[],
    need: number,
    earlier: Complete<IndexedInteraction> | undefined,
    score: (row: IndexedInteraction) => ScoredInteraction | undefined,
  ): { rows: IndexedInteraction[]; every?: Complete<IndexedInteraction> } {
    const tiered = tiers(words, INTERACTION_GROUPS);
    let every = earlier && { ...earlier, rows: earlier.rows.filter((row) => score(row) !== undefined) };
    if (!every) {
      // One more than scored: whether they are all the matches.
      const all = store.interactionIds(prefixes(words), INTERACTION_CANDIDATES + 1);
      if (all.length > INTERACTION_CANDIDATES)
        return { rows: reads.interactions(tiered ? fromTiers(tiered, need, store.interactionIds) : all.slice(0, -1)) };
      const rows = reads.interactions(all);
      every = { rows, matched: all.length, plain: rows.every(isPlain) };
    }
    // The tiers stop once `need` rows are read, so they read every match only when fewer match.
    if (!tiered || every.matched < need) return { rows: every.rows, every };
    const read = every.plain && arePlain(words) ? readInMemory(every.rows) : store.interactionIds;
    return { rows: reads.interactions(fromTiers(tiered, need, read)), every };
  }

  return {
    async query(q, limit) {
      const words = queryWords(q);
      if (!words.length || limit <= 0) return [];
      if (projection.behind) await projection.flush();
      const session = sessions.begin(words, reads.changes);

      // A row holding no word that starts with one of these is rejected before it is scored.
      const leads = leadsOf(words);
      const foundPeople = peopleCandidates(words, limit, session.people);
      const scoredPeople: ScoredPerson[] = [];
      const acceptedPeople: IndexedPerson[] = [];
      for (const row of foundPeople.rows) {
        const scored = holdsEveryLead(row, leads) ? scorePerson(words, row, matchPadded) : undefined;
        if (!scored) continue;
        scoredPeople.push(scored);
        acceptedPeople.push(row);
      }
      const people = rankPeople(scoredPeople, limit);

      let interactions: ScoredInteraction[] = [];
      let every: Complete<IndexedInteraction> | undefined;
      if (people.length < limit) {
        const need = limit - people.length;
        const score = (row: IndexedInteraction) =>
          holdsEveryLead(row, leads) ? scoreInteraction(words, row, matchPadded) : undefined;
        const candidates = interactionCandidates(words, need, session.interactions, score);
        every = candidates.every;
        const scored = candidates.rows.map(score);
        interactions = rankInteractions(
          scored.filter((s) => s !== undefined),
          need,
        );
      }
      session.keep({
        words,
        people: foundPeople.matched === undefined ? undefined : { rows: acceptedPeople, matched: foundPeople.matched },
        interactions: every,
      });
      return hitViews(words, people, interactions);
    },
  };

  /** Only the hits shown read their original texts, for snippets and names. */
  function hitViews(words: string[], people: ScoredPerson[], interactions: ScoredInteraction[]): SearchHitView[] {
    const originals = reads.peopleShown(people.map((p) => p.personId));
    const shown = reads.interactionsShown(interactions.map((i) => i.id));
    const names = reads.namesOf([...new Set([...shown.values()].flatMap((i) => i.personIds))]);
    const views: SearchHitView[] = [];
    for (const scored of people) {
      const original = originals.get(scored.personId);
      if (!original) continue;
      const { details, ...own } = original.fields;
      const hit = personHit(words, scored, { id: scored.personId, fields: own, details });
      views.push({
        kind: hit.detailId ? 'detail' : 'person',
        id: hit.detailId ?? hit.id,
        personIds: hit.personIds,
        title: original.name,
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
  }
}

/** Every word as a prefix, in any column. */
const prefixes = (words: readonly string[]): Term[] => words.map((word) => ({ word, prefix: true, columns: [] }));
