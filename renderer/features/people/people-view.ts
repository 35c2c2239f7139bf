import type { Tier } from '../../../shared/domain/contact.ts';
import type { PersonListItem } from '../../../shared/domain/views.ts';

export type PeopleSort = 'name' | 'last-contact' | 'next-due';
export type StatusFilter = 'all' | 'overdue' | 'due' | 'archived';
export type TierFilter = 'any' | Tier | 'none';

export interface PeopleView {
  text: string;
  sort: PeopleSort;
  tag: string;
  tier: TierFilter;
  status: StatusFilter;
}

export const DEFAULT_VIEW: PeopleView = { text: '', sort: 'name', tag: '', tier: 'any', status: 'all' };

const dueOn = (p: PersonListItem) => (p.status.state === 'untracked' ? undefined : p.status.dueOn);

/**
 * The People list as the toolbar asks for it: filtered by text, tag, rhythm and state, sorted by
 * name (as main sends it), last contact (most recent first, never-contacted last) or next due
 * (soonest first, people without a rhythm last). Pure, so it is tested on its own.
 */
export function viewPeople(people: readonly PersonListItem[], view: PeopleView): PersonListItem[] {
  const q = view.text.trim().toLocaleLowerCase();
  const shown = people.filter(
    (p) =>
      (view.status === 'archived' ? p.archived : !p.archived) &&
      (!q ||
        `${p.displayName} ${p.organisation ?? ''} ${p.role ?? ''} ${p.tags.join(' ')}`
          .toLocaleLowerCase()
          .includes(q)) &&
      (!view.tag || p.tags.includes(view.tag)) &&
      (view.tier === 'any' || (view.tier === 'none' ? !p.tier : p.tier === view.tier)) &&
      (view.status !== 'overdue' || p.status.state === 'overdue') &&
      (view.status !== 'due' || p.status.state === 'due' || p.status.state === 'overdue'),
  );
  if (view.sort === 'last-contact')
    return shown.sort((a, b) => (b.lastInteractionOn ?? '').localeCompare(a.lastInteractionOn ?? ''));
  if (view.sort === 'next-due')
    return shown.sort((a, b) => {
      const x = dueOn(a);
      const y = dueOn(b);
      return x === y ? 0 : x === undefined ? 1 : y === undefined ? -1 : x.localeCompare(y);
    });
  return shown;
}

/** Every tag in use, alphabetically, for the tag filter. */
export const tagsOf = (people: readonly PersonListItem[]) =>
  [...new Set(people.flatMap((p) => p.tags))].sort((a, b) => a.localeCompare(b));
