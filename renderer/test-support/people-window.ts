import { peopleListEntry, tagsOf, viewPeople } from '../../shared/domain/people-list-view.ts';
import type { PersonListItem } from '../../shared/domain/views.ts';
import type { FakeHandlers } from './fake-rapport.ts';

type WindowHandler = NonNullable<NonNullable<FakeHandlers['subscriptions']>['people.watchWindow']>;

/** Answers `people.watchWindow` from a fixed list of people, the way main computes it. */
export function peopleWindowOf(people: readonly PersonListItem[]): WindowHandler {
  const entries = people.map((p) => peopleListEntry(p, p.displayName.toLocaleLowerCase()));
  return ({ query, offset, limit }, push) => {
    const list = viewPeople(entries, query).map((e) => e.item);
    const rows = list.slice(offset, offset + limit);
    push({
      offset,
      total: list.length,
      everyone: people.filter((p) => !p.archived).length,
      archived: people.filter((p) => p.archived).length,
      ids: rows.map((p) => p.id),
      rows,
      tags: tagsOf(people.filter((p) => p.archived === (query.status === 'archived'))),
    });
  };
}
