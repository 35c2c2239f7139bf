/**
 * The People list's filters and sort orders, as pure functions over list rows. The core keeps
 * windows of the list sorted with `comparePeople` and filtered with `matchesPeopleQuery`;
 * `viewPeople` is the same list computed from scratch, the reference the windows are tested against.
 */
import type { Tier } from './contact.ts';
import { foldedWords } from './search/text.ts';
import type { PersonListItem } from './views.ts';

export type PeopleSort = 'name' | 'last-contact' | 'next-due';
export type StatusFilter = 'all' | 'overdue' | 'due' | 'archived';
export type TierFilter = 'any' | Tier | 'none';

export interface PeopleQuery {
  text: string;
  sort: PeopleSort;
  /** '' for every tag. */
  tag: string;
  tier: TierFilter;
  status: StatusFilter;
}

export const DEFAULT_PEOPLE_QUERY: PeopleQuery = { text: '', sort: 'name', tag: '', tier: 'any', status: 'all' };

/**
 * A list row with what sorting and filtering need. The text filter's words are worked out at their
 * first use: the core makes an entry for everyone at the start and on every change of rhythms or
 * day, and folding every name took ~80 ms of the 0.6 s in which 50k people are read, for a filter
 * most lists never use.
 */
export class PeopleListEntry {
  readonly item: PersonListItem;
  /** Lower-cased, the way people read names (the order of "Name"). */
  readonly sortName: string;
  #haystack: string | undefined;

  constructor(item: PersonListItem, sortName: string) {
    this.item = item;
    this.sortName = sortName;
  }

  /** The words of name, organisation, role and tags, folded, each after a space: for the text filter. */
  get haystack(): string {
    const { displayName, organisation, role, tags } = this.item;
    return (this.#haystack ??= ` ${foldedWords(`${displayName} ${organisation ?? ''} ${role ?? ''} ${tags.join(' ')}`)}`);
  }
}

export const peopleListEntry = (item: PersonListItem, sortName: string): PeopleListEntry =>
  new PeopleListEntry(item, sortName);

const dueOn = (p: PersonListItem) => (p.status.state === 'untracked' ? undefined : p.status.dueOn);
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Name order: the sort name, then the id so that equal names still have one order. */
export const compareByName = (a: PeopleListEntry, b: PeopleListEntry) =>
  byCodeUnits(a.sortName, b.sortName) || byCodeUnits(a.item.id, b.item.id);

/**
 * The list's order: last contact (most recent first, never-contacted last) or next due (soonest
 * first, people without a rhythm last), with name order among equals; or name order alone.
 */
export function comparePeople(sort: PeopleSort): (a: PeopleListEntry, b: PeopleListEntry) => number {
  if (sort === 'last-contact')
    return (a, b) => byCodeUnits(b.item.lastInteractionOn ?? '', a.item.lastInteractionOn ?? '') || compareByName(a, b);
  if (sort === 'next-due')
    return (a, b) => {
      const x = dueOn(a.item);
      const y = dueOn(b.item);
      const due = x === y ? 0 : x === undefined ? 1 : y === undefined ? -1 : byCodeUnits(x, y);
      return due || compareByName(a, b);
    };
  return compareByName;
}

/**
 * Whether the row is in the list the query asks for. `text` is `normaliseFilterText` of the query's:
 * each of its words begins a word of the row ("tom" finds Tom and Tomás, not a Customer Success
 * Manager; "elo" finds Élodie).
 */
export function matchesPeopleQuery(entry: PeopleListEntry, query: PeopleQuery, text: string): boolean {
  const p = entry.item;
  return (
    (query.status === 'archived' ? p.archived : !p.archived) &&
    (!text || text.split(' ').every((word) => entry.haystack.includes(` ${word}`))) &&
    (!query.tag || p.tags.includes(query.tag)) &&
    (query.tier === 'any' || (query.tier === 'none' ? !p.tier : p.tier === query.tier)) &&
    (query.status !== 'overdue' || p.status.state === 'overdue') &&
    (query.status !== 'due' || p.status.state === 'due' || p.status.state === 'overdue')
  );
}

/** The filter's words, folded as the rows' are, one space apart ('' for none). */
export const normaliseFilterText = (text: string) => foldedWords(text);

/** The whole list for a query, computed from scratch. */
export function viewPeople(entries: readonly PeopleListEntry[], query: PeopleQuery): PeopleListEntry[] {
  const text = normaliseFilterText(query.text);
  return entries.filter((e) => matchesPeopleQuery(e, query, text)).sort(comparePeople(query.sort));
}

/** Every tag in use, alphabetically, for the tag filter. */
export const tagsOf = (people: readonly PersonListItem[]) =>
  [...new Set(people.flatMap((p) => p.tags))].sort((a, b) => a.localeCompare(b));
