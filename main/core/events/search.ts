import type { SearchHitView } from '../../../shared/domain/views.ts';
import type { RapportDatabase } from '../db/database.ts';

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB');

/**
 * Events in search, kept apart from the people index (which is being rebuilt on SQLite FTS5):
 * every word of the query must appear in the name, place or notes. A person has tens of events,
 * not thousands, so a scan is enough.
 */
export async function searchEvents(db: RapportDatabase, q: string, limit: number): Promise<SearchHitView[]> {
  const words = fold(q).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const hits: SearchHitView[] = [];
  for (const doc of await db.events.find({ sort: [{ startsOn: 'desc' }], index: ['startsOn'] }).exec()) {
    const fields: [string, string][] = [
      ['name', doc.name],
      ['place', doc.place ?? ''],
      ['notes', doc.notes ?? ''],
    ];
    const all = fold(fields.map(([, text]) => text).join(' '));
    if (!words.every((w) => all.includes(w))) continue;
    const [field, text] = fields.find(([, t]) => fold(t).includes(words[0]!)) ?? fields[0]!;
    const snippet = text.length > 120 ? `${text.slice(0, 117)}…` : text;
    const at = fold(snippet).indexOf(words[0]!);
    hits.push({
      kind: 'event',
      id: doc.id,
      personIds: [],
      title: doc.name,
      field,
      snippet,
      highlights: at >= 0 ? [[at, at + words[0]!.length]] : [],
      date: doc.startsOn,
    });
    if (hits.length >= limit) break;
  }
  return hits;
}
