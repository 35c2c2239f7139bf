import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/domain/views.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { Timeline } from './Timeline.tsx';
import { withBoxesMeasuring } from '../../test-support/layout.ts';

const sam = { id: 'sam', displayName: 'Sam Okafor' };
// With someone else too, each row starts with a link to them: focus must skip it for the menu.
const ana = { id: 'ana', displayName: 'Ana Ruiz' };
const call = (id: string, date: string): TimelineEntry => ({
  id,
  type: 'call',
  date,
  contactIds: [sam.id, ana.id],
  gave: [],
  asked: [],
  mutual: false,
  people: [sam, ana],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

withBoxesMeasuring();

/** Sam's page with his timeline, over a main that deletes entries and says so, as the core does. */
function samsTimeline(entries: TimelineEntry[]) {
  let push: (meta: { total: number; revision: number }) => void = () => {};
  let revision = 1;
  renderInApp(
    <main id="main">
      <ScreenHeading>Sam Okafor</ScreenHeading>
      <Timeline inPage filter={{ contactId: sam.id }} label="Timeline with Sam" emptyText="Nothing logged yet." />
    </main>,
    {
      requests: {
        'timeline.page': () => ({ entries, hasMore: false }),
        'interactions.delete': ({ id }) => {
          entries = entries.filter((e) => e.id !== id);
          setTimeout(() => push({ total: entries.length, revision: ++revision }));
          return { undoToken: `undo-${id}` };
        },
      },
      subscriptions: {
        'timeline.watch': (_input, next) => {
          push = next;
          next({ total: entries.length, revision });
        },
      },
    },
  );
}

const menuOf = (date: string) =>
  screen.getByRole('button', { name: `Actions for Call with Sam Okafor and Ana Ruiz on ${date}` });

/** Deletes an entry the way a keyboard user does: its menu, then Delete. */
async function deleteWithKeyboard(date: string) {
  menuOf(date).focus();
  await userEvent.keyboard('{Enter}');
  await screen.findByRole('menuitem', { name: 'Delete' });
  await userEvent.keyboard('{ArrowDown}{Enter}');
}

it('deleting an entry moves focus to the menu of the entry now in its place, and after the last to the heading', async () => {
  samsTimeline([call('a', '2026-03-11'), call('b', '2026-03-10'), call('c', '2026-03-09')]);
  await screen.findByRole('button', { name: /on 11 Mar 2026$/ });

  await deleteWithKeyboard('11 Mar 2026');
  await waitFor(() => expect(document.activeElement).toBe(menuOf('10 Mar 2026')));

  // The last row: the one before it takes its place.
  await deleteWithKeyboard('9 Mar 2026');
  await waitFor(() => expect(document.activeElement).toBe(menuOf('10 Mar 2026')));

  await deleteWithKeyboard('10 Mar 2026');
  await screen.findByText('Nothing logged yet.');
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Sam Okafor' })));
});
