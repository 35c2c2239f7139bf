import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, expect, it } from 'vitest';
import type { Detail } from '../../../shared/domain/detail.ts';
import type { SearchHitView, TimelineEntry } from '../../../shared/domain/views.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { AskAboutChips } from '../person/AskAboutChips.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { SearchPalette } from './SearchPalette.tsx';
import { withBoxesMeasuring } from '../../test-support/layout.ts';

const at = '2026-01-01T00:00:00.000Z';
const sam = { id: 'sam', displayName: 'Sam Okafor' };
/**
 * Sam's timeline: a call a week, newest first. An entry further down, which the virtual list has
 * not rendered, needs a real layout to scroll to: test/e2e/keyboard-focus.spec.ts.
 */
const calls: TimelineEntry[] = Array.from({ length: 3 }, (_, n) => ({
  id: `call-${n}`,
  type: 'call',
  date: new Date(Date.UTC(2026, 2, 1) - n * 7 * 86_400_000).toISOString().slice(0, 10),
  contactIds: [sam.id],
  gave: [],
  asked: [],
  mutual: false,
  notes: `Call number ${n}`,
  people: [sam],
  createdAt: at,
  updatedAt: at,
}));
const marathon: Detail = {
  id: 'd1',
  contactId: sam.id,
  text: 'Marathon',
  learnedOn: '2026-02-01',
  sensitivity: 'normal',
  status: 'open',
  createdAt: at,
  updatedAt: at,
};
const hit = (kind: SearchHitView['kind'], id: string, snippet: string): SearchHitView => ({
  kind,
  id,
  personIds: [sam.id],
  title: sam.displayName,
  field: kind === 'person' ? 'name' : 'notes',
  snippet,
  highlights: [],
});
const HITS = [
  hit('person', sam.id, sam.displayName),
  hit('detail', marathon.id, marathon.text),
  hit('interaction', 'call-1', 'Call number 1'),
];

withBoxesMeasuring();
beforeEach(() => {
  window.location.hash = '#/people/sam';
});

/** Sam's page (as far as hits go: the name, a detail, the timeline) and the palette, opened by its button. */
function SamsPageWithPalette() {
  const [searching, setSearching] = useState(false);
  return (
    <main id="main">
      <button type="button" onClick={() => setSearching(true)}>
        Search
      </button>
      <ScreenHeading>Sam Okafor</ScreenHeading>
      <AskAboutChips level={2} details={[marathon]} onResolve={() => {}} />
      <Timeline inPage filter={{ contactId: sam.id }} label="Timeline with Sam" emptyText="none" />
      <SearchPalette open={searching} onClose={() => setSearching(false)} />
    </main>
  );
}

function render() {
  renderInApp(<SamsPageWithPalette />, {
    requests: {
      'search.query': () => HITS,
      'timeline.page': ({ offset, limit }) => ({ entries: calls.slice(offset, offset + limit), hasMore: false }),
    },
    subscriptions: { 'timeline.watch': (_input, push) => push({ total: calls.length, revision: 1 }) },
  });
}

/** Searches from the palette and presses Enter on the hit whose text matches. */
async function choose(text: RegExp) {
  await userEvent.click(screen.getByRole('button', { name: 'Search' }));
  await userEvent.keyboard('sam');
  const option = await screen.findByRole('option', { name: text });
  while (screen.getByRole('option', { selected: true }) !== option) await userEvent.keyboard('{ArrowDown}');
  await userEvent.keyboard('{Enter}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

it('an interaction on the page on screen: the palette closes and the entry takes focus', async () => {
  render();
  await screen.findByRole('article', { name: 'Call on 22 Feb 2026' });
  await choose(/Call number 1$/);
  await waitFor(() =>
    expect(document.activeElement).toBe(screen.getByRole('article', { name: 'Call on 22 Feb 2026' })),
  );
  expect(window.location.hash).toBe('#/people/sam');
});

it('a detail on the page on screen takes focus; the person whose page it is focuses the heading', async () => {
  render();
  await choose(/Marathon/);
  expect(document.activeElement).toBe(screen.getByText('Marathon').closest('li'));
  await choose(/^Sam Okafor$/);
  expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Sam Okafor' }));
});

it('a hit on another page opens that page and, once it shows the hit, focuses it', async () => {
  window.location.hash = '#/people/ana';
  render();
  await choose(/Marathon/);
  expect(window.location.hash).toBe('#/people/sam');
  // (This test's page is Sam's whatever the address: what the opened page shows is there.)
  await waitFor(() => expect(document.activeElement).toBe(screen.getByText('Marathon').closest('li')));
});

it('going to the screen already on screen focuses its heading, as a fresh visit would', async () => {
  window.location.hash = '#/people';
  function PeopleWithPalette() {
    const [searching, setSearching] = useState(false);
    return (
      <>
        <button type="button" onClick={() => setSearching(true)}>
          Search
        </button>
        <ScreenHeading>People</ScreenHeading>
        <SearchPalette open={searching} onClose={() => setSearching(false)} />
      </>
    );
  }
  renderInApp(<PeopleWithPalette />);
  await userEvent.click(screen.getByRole('button', { name: 'Search' }));
  const people = await screen.findByRole('option', { name: 'People' });
  while (screen.getByRole('option', { selected: true }) !== people) await userEvent.keyboard('{ArrowDown}');
  await userEvent.keyboard('{Enter}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'People' }));
});
