import { foldText, makeSnippet, queryWords, startsAWord } from '../../../shared/domain/search/text.ts';
import type { SearchHitView } from '../../../shared/domain/views.ts';
import type { RapportDatabase } from '../db/database.ts';

/**
 * Events in search (listed before people, search/area.ts), by the rules of the rest of search
 * (shared/domain/search/text.ts): every query word must start a word of the name, place or notes,
 * case and accents folded, and the snippet highlights every word matched. Someone keeps tens of
 * events, not thousands, so the live list, newest first, is scanned instead of indexed.
 */
export async function searchEvents(db: RapportDatabase, q: string, limit: number): Promise<SearchHitView[]> {
  const words = queryWords(q);
  if (!words.length || limit <= 0) return [];
  const hits: SearchHitView[] = [];
  for (const doc of await db.events.find({ sort: [{ startsOn: 'desc' }], index: ['startsOn'] }).exec()) {
    const fields = [
      ['name', doc.name],
      ['place', doc.place ?? ''],
      ['notes', doc.notes ?? ''],
    ] as const;
    const folded = fields.map(([, text]) => foldText(text));
    const holds = (i: number) => words.some((word) => startsAWord(folded[i]!, word));
    if (!words.every((word) => folded.some((text) => startsAWord(text, word)))) continue;
    // The first field holding a match, name first, gives the snippet.
    const [field, text] = fields[fields.findIndex((_, i) => holds(i))]!;
    const { snippet, highlights } = makeSnippet(text, words);
    hits.push({
      kind: 'event',
      id: doc.id,
      personIds: [],
      title: doc.name,
      field,
      snippet,
      highlights,
      date: doc.startsOn,
    });
    if (hits.length >= limit) break;
  }
  return hits;
}
