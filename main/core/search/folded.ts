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

/** A person as scored, with their row's whole folded text (see `holdsEveryLead`). */
export type IndexedPerson = PersonCandidate & { folded: string };

export function personCandidate(row: PersonRow): IndexedPerson {
  const [own = '', ...details] = row.folded.split(DOC);
  const [name = '', organisation = '', notes = '', tags = ''] = own.split(FIELD);
  return {
    id: row.id,
    folded: row.folded,
    fields: { name, organisation, notes, tags },
    details: details.map((d) => {
      const at = d.indexOf(FIELD);
      return { id: d.slice(0, at), text: d.slice(at + 1) };
    }),
  };
}

/** An interaction as scored, with its place in the index's order (newest first is highest). */
export type IndexedInteraction = InteractionCandidate & { rowid: number; folded: string };

export function interactionCandidate(row: InteractionRow): IndexedInteraction {
  const at = row.folded.indexOf(FIELD);
  return {
    rowid: row.rowid,
    id: row.id,
    folded: row.folded,
    date: row.date,
    fields: { title: row.folded.slice(0, at), notes: row.folded.slice(at + 1) },
  };
}

/** Anything but printable ASCII: folded texts hold only words and single spaces. */
const NOT_PLAIN = /[^ -~]/;
/** True when FTS5's tokens of the interaction are exactly its folded words: plain ASCII texts. */
export const isPlain = (row: InteractionCandidate) =>
  !NOT_PLAIN.test(row.fields.title!) && !NOT_PLAIN.test(row.fields.notes!);

/** Each folded query word with the space before it: what `holdsEveryLead` looks for. */
export const leadsOf = (words: readonly string[]) => words.map((word) => ` ${word}`);

/**
 * Whether, for every query word, some text of the row has a word starting with it: the scorer's
 * test (`matchPadded`) over all of the row's padded texts at once, so a row failing it scores
 * nothing. A keystroke that narrows the one before re-reads that one's rows, and most fail it.
 */
export const holdsEveryLead = (row: { folded: string }, leads: readonly string[]) =>
  leads.every((lead) => row.folded.includes(lead));
