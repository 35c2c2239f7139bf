import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import type { PersonListItem } from '../../../shared/domain/views.ts';
import { peopleWindowOf } from '../../test-support/people-window.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { PeopleScreen } from './PeopleScreen.tsx';
import { withBoxesMeasuring } from '../../test-support/layout.ts';

const person = (id: string, displayName: string): PersonListItem => ({
  id,
  displayName,
  tags: [],
  archived: false,
  status: { state: 'untracked' },
});

withBoxesMeasuring();

/** The People screen over a main that archives and deletes, and pushes the list again after each, as the core does. */
function peopleScreen(people: PersonListItem[]) {
  const watchers = new Set<() => void>();
  const changed = () => setTimeout(() => watchers.forEach((push) => push()));
  renderInApp(<PeopleScreen />, {
    requests: {
      'contacts.archive': ({ ids, archived }) => {
        people = people.map((p) => (ids.includes(p.id) ? { ...p, archived } : p));
        changed();
        return { changed: ids.length };
      },
      'contacts.delete': ({ ids }) => {
        people = people.filter((p) => !ids.includes(p.id));
        changed();
        return { undoToken: 'undo', removed: ids.length };
      },
    },
    subscriptions: {
      'people.watchWindow': (input, push) => {
        const again = () => peopleWindowOf(people)(input, push);
        watchers.add(again);
        again();
        return () => watchers.delete(again);
      },
    },
  });
}

const list = () => screen.getByRole('list', { name: /^People/ });
const bar = () => screen.getByRole('toolbar', { name: /^Actions for/ });

async function select(name: string) {
  screen.getByRole('checkbox', { name: `Select ${name}` }).focus();
  await userEvent.keyboard(' ');
}

it('after archiving or deleting the selected people, or clearing the selection, focus is on the list', async () => {
  peopleScreen([person('ana', 'Ana Ruiz'), person('bo', 'Bo Li'), person('cy', 'Cy Park'), person('di', 'Di Moss')]);
  await screen.findByRole('checkbox', { name: 'Select Ana Ruiz' });

  await select('Ana Ruiz');
  within(bar()).getByRole('button', { name: 'Archive' }).focus();
  await userEvent.keyboard('{Enter}');
  await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'Select Ana Ruiz' })).toBeNull());
  expect(document.activeElement).toBe(list());

  await select('Bo Li');
  within(bar()).getByRole('button', { name: 'Delete' }).focus();
  await userEvent.keyboard('{Enter}');
  const confirm = await screen.findByRole('dialog', { name: 'Delete 1 person?' });
  within(confirm).getByRole('button', { name: 'Delete' }).focus();
  await userEvent.keyboard('{Enter}');
  await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'Select Bo Li' })).toBeNull());
  await waitFor(() => expect(document.activeElement).toBe(list()));

  await select('Cy Park');
  within(bar()).getByRole('button', { name: 'Clear selection' }).focus();
  await userEvent.keyboard('{Enter}');
  expect(screen.queryByRole('toolbar')).toBeNull();
  expect(document.activeElement).toBe(list());
});

it('when nobody is left after a bulk delete, focus is on the heading', async () => {
  peopleScreen([person('ana', 'Ana Ruiz')]);
  await screen.findByRole('checkbox', { name: 'Select Ana Ruiz' });
  await select('Ana Ruiz');
  within(bar()).getByRole('button', { name: 'Delete' }).focus();
  await userEvent.keyboard('{Enter}');
  within(await screen.findByRole('dialog'))
    .getByRole('button', { name: 'Delete' })
    .focus();
  await userEvent.keyboard('{Enter}');
  await screen.findByText('Nobody here yet');
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'People' })));
});
