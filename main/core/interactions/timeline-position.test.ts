import { expect, it } from 'vitest';
import { openTestCore } from '../testing/test-core.ts';

// A search hit older than the timeline's loaded pages is scrolled to by its position: it must be
// exactly where the pages put it, for every kind of filter the timeline has.
it('an entry is at the offset the pages give it, for every filter, and null where it is not shown', async () => {
  const { call } = await openTestCore({ now: '2026-03-10T12:00:00Z' });
  const ada = await call('contacts.create', { displayName: 'Ada', tags: ['mentor'] });
  const ben = await call('contacts.create', { displayName: 'Ben' });
  const cy = await call('contacts.create', { displayName: 'Cy', tags: ['mentor'] });
  const people = [ada.id, ben.id, cy.id];
  const types = ['call', 'coffee', 'email'] as const;
  let seed = 11;
  const random = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const ids: string[] = [];
  for (let n = 0; n < 36; n++) {
    // Few days and times, so that many entries share a day or a time and order by id.
    const time = random(3) === 0 ? undefined : `0${8 + random(2)}:00`;
    const logged = await call('interactions.log', {
      interaction: {
        type: types[random(3)]!,
        date: `2026-03-0${1 + random(4)}`,
        ...(time ? { time } : {}),
        contactIds: people.filter(() => random(2) === 0).concat(people[random(3)]!),
      },
      newPeople: [],
      details: [],
    });
    ids.push(logged.id);
  }
  const filters = [
    {},
    { contactId: ben.id },
    { types: ['call' as const] },
    { types: ['call' as const, 'email' as const] },
    { tag: 'mentor' },
    { contactId: ada.id, types: ['coffee' as const] },
  ];
  for (const filter of filters) {
    const shown = (await call('timeline.page', { filter, offset: 0, limit: 200 })).entries.map((e) => e.id);
    expect(shown.length, JSON.stringify(filter)).toBeGreaterThan(0);
    for (const id of ids) {
      const { index } = await call('timeline.position', { filter, id });
      expect(index, `${JSON.stringify(filter)} ${id}`).toBe(shown.includes(id) ? shown.indexOf(id) : null);
    }
  }
  expect(await call('timeline.position', { filter: {}, id: 'no-such-entry' })).toEqual({ index: null });
});
