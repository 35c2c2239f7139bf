/**
 * People who appear more than once in one import file: a card exported twice, two address books
 * joined into one CSV. Each card is compared with the people read before it in the same file,
 * with the evidence used against the people here (match.ts): the same e-mail, phone or full name.
 *
 * - A card like exactly one earlier person that says nothing different in a single-value field
 *   (name, organisation, role, birthday…) is a duplicate. It is merged into that person the way an
 *   import merges into someone here (`mergeContacts`: e-mails, phones, addresses, profiles, tags
 *   and kept details unioned, notes joined), and later cards are compared with the merged values.
 * - A card like several earlier people, or one whose single values differ, is kept apart and
 *   flagged: merging it would drop one of the values. People → Find duplicates merges such a pair
 *   field by field once both are imported.
 */
import type { ContactFields } from '../../../shared/domain/contact.ts';
import { MAX_SHARED_KEY } from '../../../shared/domain/duplicates/match.ts';
import { mergeContacts } from '../../../shared/domain/duplicates/merge.ts';
import { normaliseName } from '../../../shared/domain/duplicates/normalise.ts';
import { addToIndex, differingFields, findMatches, indexPeople, type Indexed, type Reason } from './match.ts';

/** An earlier person of the file a card looks like. */
export interface Repeat {
  /** That person's first card, by position in the file's cards. */
  index: number;
  reasons: Reason[];
  /**
   * Single-value fields where the card says something else than that person, when it is the only
   * one the card looks like; empty for a duplicate, and for a card like several people.
   */
  differs: string[];
}

export interface FileRepeats {
  /** Per card: the earlier people it looks like, most evidence first (at most 5). */
  sameAs: Repeat[][];
  /** Per card: the first card of the person it is merged into; its own position when it is nobody's duplicate. */
  firstOf: number[];
  /** Per first card that has duplicates: its person with every duplicate merged in, in file order. */
  merged: Map<number, ContactFields>;
}

const MAX_SHOWN = 5;

/**
 * What keeps a card apart from the one earlier person it looks like: a single value that differs,
 * or, when only the name is shared, e-mails or phones on both cards that share nothing (namesakes:
 * two John Smiths with their own addresses are two people until the user says otherwise).
 */
function differences(earlier: ContactFields, card: ContactFields, reasons: readonly Reason[]): string[] {
  const differs = differingFields(earlier, card);
  if (reasons.includes('email') || reasons.includes('phone')) return differs;
  for (const list of ['emails', 'phones'] as const) if (earlier[list].length && card[list].length) differs.push(list);
  return differs;
}

/**
 * Only a phone in common, while both cards have e-mails that share nothing and other names: a line
 * two people share (a household, a switchboard), not one person twice, like namesakes with their
 * own addresses.
 */
function sharedLineOnly(earlier: ContactFields, card: ContactFields, reasons: readonly Reason[]): boolean {
  return (
    reasons.length === 1 &&
    reasons[0] === 'phone' &&
    earlier.emails.length > 0 &&
    card.emails.length > 0 &&
    normaliseName(earlier.displayName) !== normaliseName(card.displayName)
  );
}

/** Finds the repeats card by card, yielding after each (for `runSliced`). */
export function* findRepeatsSteps(cards: readonly ContactFields[]): Generator<void, FileRepeats> {
  // Each person is indexed under their first card's position, with the values of all their cards.
  const index = indexPeople<Indexed>([]);
  const people = new Map<number, ContactFields>();
  const result: FileRepeats = { sameAs: [], firstOf: [], merged: new Map() };
  for (const [position, card] of cards.entries()) {
    const found = findMatches(card, index, MAX_SHARED_KEY)
      .map((m) => ({ index: Number(m.id), reasons: m.reasons }))
      .filter((m) => !sharedLineOnly(people.get(m.index)!, card, m.reasons))
      .sort((a, b) => b.reasons.length - a.reasons.length || a.index - b.index);
    // Like several people, the card is kept apart whatever they hold: what differs is looked up for one only.
    const sameAs = found
      .slice(0, MAX_SHOWN)
      .map((m) => ({ ...m, differs: found.length === 1 ? differences(people.get(m.index)!, card, m.reasons) : [] }));
    const into = found.length === 1 && sameAs[0]!.differs.length === 0 ? sameAs[0]!.index : position;
    result.sameAs.push(sameAs);
    result.firstOf.push(into);
    if (into === position) people.set(position, card);
    else {
      const { merged } = mergeContacts(people.get(into)!, card);
      people.set(into, merged);
      result.merged.set(into, merged);
    }
    addToIndex(index, { id: String(into), displayName: card.displayName, emails: card.emails, phones: card.phones });
    yield;
  }
  return result;
}
