import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import type { SearchHitView } from '../../../shared/domain/views.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { SearchPalette } from './SearchPalette.tsx';

const HITS: SearchHitView[] = [
  {
    kind: 'person',
    id: 'sam',
    personIds: ['sam'],
    title: 'Sam Okafor',
    field: 'name',
    snippet: 'Sam Okafor',
    highlights: [[0, 3]],
  },
  {
    kind: 'interaction',
    id: 'i1',
    personIds: ['sam'],
    title: 'Sam Okafor',
    field: 'notes',
    snippet: 'Coffee with Sam about the charity app',
    highlights: [[12, 15]],
    date: '2026-11-20',
  },
];

it('a name that matched is highlighted in the title and not repeated; other hits keep their snippet', async () => {
  renderInApp(<SearchPalette open onClose={() => {}} />, { requests: { 'search.query': () => HITS } });
  await userEvent.keyboard('sam');
  const [person, interaction] = await screen.findAllByRole('option');
  expect(person!.textContent!.match(/Sam Okafor/g)).toHaveLength(1);
  expect(within(person!).getByText('Sam', { selector: 'mark' })).toBeTruthy();
  expect(interaction!.textContent).toContain('Coffee with Sam about the charity app');
  expect(within(interaction!).getByText('Sam', { selector: 'mark' })).toBeTruthy();
});

it('Enter opens the first hit of the latest answer, after the rows of an earlier answer have gone', async () => {
  window.location.hash = '#/today';
  const call = (id: string, person: string, snippet: string): SearchHitView => ({
    kind: 'interaction',
    id,
    personIds: [person],
    title: person,
    field: 'notes',
    snippet,
    highlights: [],
  });
  // Every call matches until the whole number is typed; the rows change in one answer.
  const everyCall = [call('c0', 'ana', 'Call number 0'), call('c1', 'bo', 'Call number 1')];
  renderInApp(<SearchPalette open onClose={() => {}} />, {
    requests: {
      'search.query': ({ q }) => (q === 'call number 35' ? [call('c35', 'cy', 'Call number 35')] : everyCall),
    },
  });
  await userEvent.keyboard('call');
  await screen.findByRole('option', { name: /Call number 0/ });
  await userEvent.keyboard(' number 35');
  await screen.findByRole('option', { name: /Call number 35/ });
  expect(screen.queryByRole('option', { name: /Call number 0/ })).toBeNull();
  await userEvent.keyboard('{Enter}');
  expect(window.location.hash).toBe('#/people/cy');
});

it('says search is being prepared while the index is built, how far it has read, and answers once it is done', async () => {
  let push: (state: { building: boolean; done: number; total: number }) => void = () => {};
  let answer: (hits: SearchHitView[]) => void = () => {};
  renderInApp(<SearchPalette open onClose={() => {}} />, {
    requests: { 'search.query': () => new Promise<SearchHitView[]>((resolve) => (answer = resolve)) },
    subscriptions: {
      'search.watchIndex': (_input, p) => {
        push = p;
        p({ building: true, done: 12_000, total: 50_000 });
      },
    },
  });
  // The live region is there from the start, empty until the first push.
  await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Preparing search/));
  const bar = screen.getByRole('progressbar', { name: '12,000 of 50,000 people, details and interactions read' });
  expect(bar.getAttribute('value')).toBe('12000');
  await userEvent.keyboard('sam');
  push({ building: true, done: 49_000, total: 50_000 });
  expect(
    await screen.findByRole('progressbar', { name: '49,000 of 50,000 people, details and interactions read' }),
  ).toBeTruthy();
  push({ building: false, done: 50_000, total: 50_000 });
  answer(HITS);
  expect(await screen.findAllByRole('option')).toHaveLength(2);
  expect(screen.queryByRole('progressbar')).toBeNull();
  expect(screen.queryByText(/Preparing search/)).toBeNull();
  // The same live region says it is over.
  expect(screen.getByRole('status').textContent).toBe('Search is ready.');
});

it('has its live region in place, empty, before any build, so what it says later is announced', async () => {
  renderInApp(<SearchPalette open onClose={() => {}} />, { requests: { 'search.query': () => HITS } });
  await userEvent.keyboard('sam');
  await screen.findAllByRole('option');
  expect(screen.getByRole('status').textContent).toBe('');
});
