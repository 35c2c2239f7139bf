/**
 * The texts of a search row as a keystroke scores them: folded (case, accents), split into words
 * and joined by single spaces with one more space at either end (" jose nunez "), so "does a word
 * start a token" is one substring search (shared/domain/search/score.ts, `matchPadded`).
 *
 * A person's row holds their own fields, then each detail (by id) as `id␟text`, separated by
 * ␞; an interaction's row holds its title and notes. Splitting on those two control characters,
 * which tokenising removes from the texts, is all a keystroke does to read a candidate.
 */
import type { InteractionCandidate, PersonCandidate } from '../../../shared/domain/search/score.ts';
import { compareText } from '../../../shared/domain/search/select.ts';
import { foldedWords } from '../../../shared/domain/search/text.ts';
import type { InteractionFields, PersonFields, PersonRow, InteractionRow } from './fts-store.ts';

const FIELD = '\u001f';
const DOC = '\u001e';

const padded = (words: string) => (words ? ` ${words} ` : '');

/** The FTS5 columns (name, organisation, notes, tags, details) and the stored folded text. */
export function foldedPerson(fields: PersonFields): { columns: string[]; text: string } {
  const own = [fields.name, fields.organisation, fields.notes, fields.tags].map(foldedWords);
  const details = [...fields.details]
    .sort((a, b) => compareText(a.id, b.id))
    .map((d) => ({ id: d.id, words: foldedWords(d.text) }));
  return {
    columns: [...own, details.map((d) => d.words).join(' ')],
    text: [own.map(padded).join(FIELD), ...details.map((d) => `${d.id}${FIELD}${padded(d.words)}`)].join(DOC),
  };
}

/** The FTS5 columns (title, notes) and the stored folded text. */
export function foldedInteraction(fields: InteractionFields): { columns: string[]; text: string } {
  const columns = [foldedWords(fields.title), foldedWords(fields.notes)];
  return { columns, text: columns.map(padded).join(FIELD) };
}

export function personCandidate(row: PersonRow): PersonCandidate {
  const [own = '', ...details] = row.folded.split(DOC);
  const [name = '', organisation = '', notes = '', tags = ''] = own.split(FIELD);
  return {
    id: row.id,
    fields: { name, organisation, notes, tags },
    details: details.map((d) => {
      const at = d.indexOf(FIELD);
      return { id: d.slice(0, at), text: d.slice(at + 1) };
    }),
  };
}

/** An interaction as scored, with its place in the index's order (newest first is highest). */
export type IndexedInteraction = InteractionCandidate & { rowid: number };

export function interactionCandidate(row: InteractionRow): IndexedInteraction {
  const at = row.folded.indexOf(FIELD);
  return {
    rowid: row.rowid,
    id: row.id,
    date: row.date,
    fields: { title: row.folded.slice(0, at), notes: row.folded.slice(at + 1) },
  };
}

/** Anything but printable ASCII: folded texts hold only words and single spaces. */
const NOT_PLAIN = /[^ -~]/;
/** True when FTS5's tokens of the interaction are exactly its folded words: plain ASCII texts. */
export const isPlain = (row: InteractionCandidate) =>
  !NOT_PLAIN.test(row.fields.title!) && !NOT_PLAIN.test(row.fields.notes!);
