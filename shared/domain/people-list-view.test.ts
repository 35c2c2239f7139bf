import { describe, expect, it } from 'vitest';
import { DEFAULT_PEOPLE_QUERY as DEFAULT_VIEW, peopleListEntry, viewPeople } from './people-list-view.ts';
import type { PersonListItem } from './views.ts';

const person = (id: string, extra: Partial<PersonListItem> = {}): PersonListItem => ({
  id,
  displayName: id,
  tags: [],
  archived: false,
  status: { state: 'untracked' },
  ...extra,
});
const tracked = (state: 'on-track' | 'due' | 'overdue', dueOn: string) => ({
  state,
  since: '2026-01-01',
  daysSince: 1,
  dueOn,
  overdueOn: dueOn,
});

describe('viewPeople', () => {
  const ada = person('Ada', {
    lastInteractionOn: '2026-03-01',
    tags: ['maths'],
    tier: 'close',
    status: tracked('overdue', '2026-02-01'),
  });
  const bo = person('Bo', { lastInteractionOn: '2026-03-09', status: tracked('on-track', '2026-05-01') });
  const cy = person('Cy', { tier: 'yearly', status: tracked('due', '2026-03-05') });
  const old = person('Old', { archived: true });
  const all = [ada, bo, cy, old].map((p) => peopleListEntry(p, p.displayName.toLowerCase()));
  const ids = (view: Partial<typeof DEFAULT_VIEW>) =>
    viewPeople(all, { ...DEFAULT_VIEW, ...view }).map((e) => e.item.id);

  it('sorts by last contact, most recent first and never-contacted last', () => {
    expect(ids({ sort: 'last-contact' })).toEqual(['Bo', 'Ada', 'Cy']);
  });

  it('sorts by next due, soonest first', () => {
    expect(ids({ sort: 'next-due' })).toEqual(['Ada', 'Cy', 'Bo']);
  });

  it('filters by tag, rhythm, overdue and archived', () => {
    expect(ids({ tag: 'maths' })).toEqual(['Ada']);
    expect(ids({ tier: 'yearly' })).toEqual(['Cy']);
    expect(ids({ tier: 'none' })).toEqual(['Bo']);
    expect(ids({ status: 'overdue' })).toEqual(['Ada']);
    expect(ids({ status: 'due' })).toEqual(['Ada', 'Cy']);
    expect(ids({ status: 'archived' })).toEqual(['Old']);
    expect(ids({ text: 'bo' })).toEqual(['Bo']);
  });
});

describe('the text filter', () => {
  const tom = person('t1', { displayName: 'Tom Hardy' });
  const tomas = person('t2', { displayName: 'Tomás Ruiz', organisation: 'Acme Bank' });
  const cs = person('c1', { displayName: 'Ana Costa', role: 'Customer Success Manager' });
  const elodie = person('e1', { displayName: 'Élodie Martin', tags: ['climate-data'] });
  const lukasz = person('l1', { displayName: 'Łukasz Nowak' });
  const all = [tom, tomas, cs, elodie, lukasz].map((p) => peopleListEntry(p, p.displayName.toLowerCase()));
  const found = (text: string) => viewPeople(all, { ...DEFAULT_VIEW, text }).map((e) => e.item.displayName);

  it('finds words by their start, accents folded, every word typed in any field', () => {
    expect(found('tom')).toEqual(['Tom Hardy', 'Tomás Ruiz']);
    expect(found('TOMAS')).toEqual(['Tomás Ruiz']);
    expect(found('elo')).toEqual(['Élodie Martin']);
    expect(found('lukasz')).toEqual(['Łukasz Nowak']);
    expect(found('Łuk')).toEqual(['Łukasz Nowak']);
    expect(found('tom acme')).toEqual(['Tomás Ruiz']);
    expect(found('success')).toEqual(['Ana Costa']);
    expect(found('data')).toEqual(['Élodie Martin']);
    // Not inside a word: "tom" is in "Customer", "art" in "Martin".
    expect(found('art')).toEqual([]);
  });
});
