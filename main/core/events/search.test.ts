import { expect, it } from 'vitest';
import type { SearchHitView } from '../../../shared/domain/views.ts';
import { openTestCore } from '../testing/test-core.ts';

async function withEvents() {
  const t = await openTestCore({ now: '2026-03-18T09:00:00Z' });
  const create = (name: string, startsOn: string, more: { place?: string; notes?: string } = {}) =>
    t.call('events.create', { fields: { kind: 'conference', name, startsOn, ...more } });
  await create('Bacon Summit', '2026-01-10', { place: 'Leeds Dock' });
  await create('Zürich Design Week', '2026-02-01', { place: 'Kongresshaus' });
  await create('Frontend North', '2026-03-01', {
    place: 'Sheffield',
    notes: `${'Long day of talks about accessibility and performance. '.repeat(3)}Ask Priya about the conference app.`,
  });
  const events = async (q: string) =>
    (await t.call('search.query', { q, limit: 10 })).filter((hit: SearchHitView) => hit.kind === 'event');
  return { t, events };
}

/** The highlighted parts of a hit's snippet. */
const marked = (hit: SearchHitView) => hit.highlights.map(([start, end]) => hit.snippet.slice(start, end));

it('matches events by word prefix, as people are matched, not anywhere inside a word', async () => {
  const { events } = await withEvents();
  expect((await events('summ')).map((h) => h.title)).toEqual(['Bacon Summit']);
  // "con" is inside "Bacon": no match by the prefix rule.
  expect((await events('con')).map((h) => h.title)).toEqual(['Frontend North']);
});

it('folds case and accents, and needs every word somewhere in the name, place or notes', async () => {
  const { events } = await withEvents();
  expect((await events('ZURICH')).map((h) => h.title)).toEqual(['Zürich Design Week']);
  expect((await events('zur kongress')).map((h) => h.title)).toEqual(['Zürich Design Week']);
  expect(await events('zur sheffield')).toEqual([]);
});

it('takes the snippet from the first field that matches and highlights every word matched', async () => {
  const { events } = await withEvents();
  const [place] = await events('bacon leeds');
  expect(place).toMatchObject({ field: 'name', snippet: 'Bacon Summit', date: '2026-01-10' });
  expect(marked(place!)).toEqual(['Bacon']);

  const [notes] = await events('priya conf');
  expect(notes!.field).toBe('notes');
  expect(notes!.snippet.startsWith('…')).toBe(true);
  expect(marked(notes!)).toEqual(['Priya', 'conf']);
});

it('lists the newest events first, at most the limit', async () => {
  const { t } = await withEvents();
  const hits = (await t.call('search.query', { q: 'd', limit: 2 })).filter((h) => h.kind === 'event');
  expect(hits.map((h) => h.title)).toEqual(['Frontend North', 'Zürich Design Week']);
});
