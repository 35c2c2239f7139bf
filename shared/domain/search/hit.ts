import type { IndexedDoc, SearchHit } from './index.ts';
import { foldText, makeSnippet, startsAWord } from './text.ts';

/**
 * Field weights: names above organisation above notes. Unknown fields weigh 10, so main can add
 * fields (e.g. participant names on interactions) without touching this table.
 */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  displayName: 100,
  /** A person's display name as the search index holds it (main/core/search). */
  name: 100,
  givenName: 90,
  familyName: 90,
  nickname: 90,
  organisation: 50,
  role: 40,
  tags: 40,
  emails: 30,
  location: 20,
  howWeMet: 15,
  lookingFor: 15,
  canHelpWith: 15,
  text: 20,
  title: 30,
  notes: 10,
};
export const DEFAULT_WEIGHT = 10;

/** The field to show: the one matching most words, then the heaviest. */
export function toHit(doc: IndexedDoc, score: number, words: readonly string[], personId?: string): SearchHit {
  let bestField = '';
  let bestRank = -1;
  for (const [field, text] of Object.entries(doc.fields)) {
    if (!text) continue;
    // A shown hit's fields are searched, not split into tokens: notes can be long.
    const folded = foldText(text);
    let matched = 0;
    for (const w of words) if (startsAWord(folded, w)) matched++;
    const rank = matched * 1000 + (FIELD_WEIGHTS[field] ?? DEFAULT_WEIGHT);
    if (matched > 0 && rank > bestRank) [bestField, bestRank] = [field, rank];
  }
  const { snippet, highlights } = makeSnippet(doc.fields[bestField] ?? '', words);
  const rounded = Math.round(score * 100) / 100;
  if (doc.kind === 'interaction')
    return {
      kind: 'interaction',
      id: doc.id,
      personIds: doc.personIds,
      score: rounded,
      field: bestField,
      snippet,
      highlights,
    };
  const id = personId ?? doc.id;
  if (doc.kind === 'detail')
    return {
      kind: 'person',
      id,
      personIds: [id],
      score: rounded,
      field: 'detail',
      snippet,
      highlights,
      detailId: doc.id,
    };
  return { kind: 'person', id, personIds: [id], score: rounded, field: bestField, snippet, highlights };
}
