import { foldName, pickPeople } from '../../shared/domain/people/rank-people.ts';
import type { PickedPerson } from '../../shared/ipc/channels/people.ts';
import type { FakeHandlers } from './fake-rapport.ts';

type Person = PickedPerson & { archived?: boolean };

/** Answers `people.pick` and `people.refs` from a fixed list of people, ranked by the core's rules. */
export function picksFrom(people: readonly Person[]): NonNullable<FakeHandlers['requests']> {
  const candidates = people.map((p) => ({
    ...p,
    sortName: p.displayName.toLocaleLowerCase(),
    lastInteractionOn: p.lastInteractionOn ?? '',
    name: foldName(p.displayName),
  }));
  const picked = ({ id, displayName, organisation, lastInteractionOn }: Person): PickedPerson => ({
    id,
    displayName,
    ...(organisation ? { organisation } : {}),
    ...(lastInteractionOn ? { lastInteractionOn } : {}),
  });
  return {
    'people.pick': ({ q, limit, exclude, prefer, includeArchived }) => {
      const eligible = candidates.filter((c) => includeArchived || !c.archived);
      const { matches, ambiguous } = pickPeople(eligible, q, { exclude: new Set(exclude), prefer, limit });
      return { matches: matches.map(picked), ambiguous };
    },
    'people.refs': ({ ids }) =>
      people.filter((p) => ids.includes(p.id)).map((p) => ({ ...picked(p), archived: p.archived ?? false })),
  };
}
