/**
 * Matches imported people against the people already in the database, with the same evidence
 * as duplicate detection: the same e-mail, the same phone (`phoneKey`), or the same name (token
 * set, at least two tokens: a lone "Sam" is too weak to call two people one). The same evidence
 * finds a person repeated within one file (file-repeats.ts).
 *
 * - new: nobody matches;
 * - match: exactly one person matches, and merging would lose none of the card's values;
 * - conflict: several people match, or the one match holds a different value in a single-value
 *   field (name, organisation, role, birthday…), which a merge would keep over the card's.
 */
import { ContactFields } from '../../../shared/domain/contact.ts';
import { mergeContacts } from '../../../shared/domain/duplicates/merge.ts';
import { normaliseEmail, normaliseName, phoneKey } from '../../../shared/domain/duplicates/normalise.ts';
import type { ImportAction, MatchStatus } from '../../../shared/ipc/channels/interchange.ts';
import type { ContactDocument } from '../people/schema.ts';

export type Reason = 'email' | 'phone' | 'name';
export interface CardMatch {
  status: MatchStatus;
  matches: { id: string; reasons: Reason[] }[];
  conflictFields: string[];
  action: ImportAction;
}

/** What the index reads of a person: their id and the values matching compares. */
export type Indexed = Pick<ContactFields, 'displayName' | 'emails' | 'phones'> & { id: string };

export interface PeopleIndex<T extends Indexed = ContactDocument> {
  byId: Map<string, T>;
  byEmail: Map<string, string[]>;
  byPhone: Map<string, string[]>;
  byName: Map<string, string[]>;
}

const add = (map: Map<string, string[]>, key: string | null, id: string) => {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (!list.includes(id)) list.push(id);
};

const nameKey = (name: string) => {
  const key = normaliseName(name);
  return key.includes(' ') ? key : null;
};

export function indexPeople<T extends Indexed = ContactDocument>(people: Iterable<T>): PeopleIndex<T> {
  const index: PeopleIndex<T> = { byId: new Map(), byEmail: new Map(), byPhone: new Map(), byName: new Map() };
  for (const p of people) addToIndex(index, p);
  return index;
}

export function addToIndex<T extends Indexed>(index: PeopleIndex<T>, p: T): void {
  index.byId.set(p.id, p);
  for (const e of p.emails) add(index.byEmail, normaliseEmail(e.value), p.id);
  for (const ph of p.phones) add(index.byPhone, phoneKey(ph.value), p.id);
  add(index.byName, nameKey(p.displayName), p.id);
}

const MAX_SHOWN = 5;
// Fields a merge keeps from the existing person when both have a value.
const LIST_OR_MERGED = new Set(['emails', 'phones', 'addresses', 'social', 'tags', 'extensions', 'notes', 'archived']);

export function matchCard(card: ContactFields, index: PeopleIndex): CardMatch {
  const found = findMatches(card, index);
  // One person with the card's e-mail is the one it means: others found only through a phone or a
  // name they share (a household line, a namesake) do not make it a conflict. Re-importing an
  // export where two people share a phone would otherwise skip both.
  const byEmail = found.filter((m) => m.reasons.includes('email'));
  const matches = byEmail.length === 1 ? byEmail : found;
  if (matches.length === 0) return { status: 'new', matches, conflictFields: [], action: 'create' };
  if (matches.length > 1)
    return { status: 'conflict', matches: matches.slice(0, MAX_SHOWN), conflictFields: [], action: 'skip' };
  const existing = index.byId.get(matches[0]!.id)!;
  const conflictFields = conflictsBetween(existing, card);
  return conflictFields.length
    ? { status: 'conflict', matches, conflictFields, action: 'skip' }
    : { status: 'match', matches, conflictFields, action: 'merge' };
}

const REASON_ORDER: Reason[] = ['email', 'phone', 'name'];

/**
 * Everyone in the index the card shares an e-mail, a phone or a full name with: most reasons
 * first, then by id. `maxShared` ignores an e-mail or phone already held by more people than that
 * (a team inbox, a switchboard), as Find duplicates does: it says nothing about who is who.
 */
export function findMatches(
  card: ContactFields,
  index: PeopleIndex<Indexed>,
  maxShared = Infinity,
): { id: string; reasons: Reason[] }[] {
  const reasons = new Map<string, Set<Reason>>();
  const note = (ids: string[] | undefined, reason: Reason) => {
    if (ids && reason !== 'name' && ids.length > maxShared) return;
    for (const id of ids ?? []) {
      const set = reasons.get(id) ?? new Set<Reason>();
      set.add(reason);
      reasons.set(id, set);
    }
  };
  for (const e of card.emails) note(index.byEmail.get(normaliseEmail(e.value)), 'email');
  for (const ph of card.phones) {
    const key = phoneKey(ph.value);
    if (key) note(index.byPhone.get(key), 'phone');
  }
  const name = nameKey(card.displayName);
  if (name) note(index.byName.get(name), 'name');

  return [...reasons]
    .map(([id, set]) => ({ id, reasons: REASON_ORDER.filter((r) => set.has(r)) }))
    .sort(
      (a, b) =>
        b.reasons.length - a.reasons.length ||
        REASON_ORDER.indexOf(a.reasons[0]!) - REASON_ORDER.indexOf(b.reasons[0]!) ||
        (a.id < b.id ? -1 : 1),
    );
}

/** Single-value fields where the card says something else than the existing person. */
export function conflictsBetween(existing: ContactDocument, card: ContactFields): string[] {
  return differingFields(ContactFields.parse(existing), card);
}

/** `conflictsBetween` for values already parsed (an earlier card of the same file): the parse is most of its cost. */
export function differingFields(existing: ContactFields, card: ContactFields): string[] {
  const { rows } = mergeContacts(existing, card);
  return rows
    .filter(
      (r) => r.chosen === 'primary' && !LIST_OR_MERGED.has(r.field) && r.secondary !== undefined && r.secondary !== '',
    )
    .filter((r) => !sameLoosely(r.field, r.primary, r.secondary))
    .map((r) => r.field);
}

function sameLoosely(field: string, a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') {
    return field === 'displayName'
      ? normaliseName(a) === normaliseName(b)
      : a.trim().toLowerCase() === b.trim().toLowerCase();
  }
  return canonical(a) === canonical(b);
}

/** JSON with sorted keys: the mapper and the database may order an object's keys differently. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
