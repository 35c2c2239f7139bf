import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { expect, it } from 'vitest';
import { picksFrom } from '../test-support/people-picks.ts';
import { renderInApp } from '../test-support/render.tsx';
import { PersonSelect } from './PersonSelect.tsx';

const people = [
  { id: 'hui', displayName: 'Hui Wang' },
  { id: 'jun', displayName: 'Jun Wang' },
  { id: 'jing', displayName: 'Jing Wang' },
];

function Filter() {
  const [value, setValue] = useState('');
  return (
    <>
      <PersonSelect label="Person" emptyLabel="Everyone" value={value} onChange={(id) => setValue(id)} />
      <output aria-label="Chosen">{value || 'nobody'}</output>
    </>
  );
}

async function typeInto(text: string) {
  await userEvent.click(screen.getByRole('button', { name: /Person/ }));
  const box = await screen.findByPlaceholderText('Type a name');
  await userEvent.type(box, text);
  return box;
}

it('Enter after a name that only one person has chooses them, not "Everyone"', async () => {
  renderInApp(<Filter />, { requests: picksFrom(people) });
  await typeInto('hui w');
  await screen.findByRole('option', { name: /Hui Wang/ });
  await userEvent.keyboard('{Enter}');
  await waitFor(() => expect(screen.getByLabelText('Chosen').textContent).toBe('hui'));
});

it('Enter after a name several people share chooses none of them; an arrow key then picks one', async () => {
  renderInApp(<Filter />, { requests: picksFrom(people) });
  await typeInto('wang');
  await screen.findByRole('option', { name: /Jun Wang/ });
  await userEvent.keyboard('{Enter}');
  expect(screen.getByLabelText('Chosen').textContent).toBe('nobody');
  await typeInto('wang');
  await screen.findByRole('option', { name: /Jun Wang/ });
  await userEvent.keyboard('{ArrowDown}{Enter}');
  await waitFor(() => expect(['hui', 'jun', 'jing']).toContain(screen.getByLabelText('Chosen').textContent));
});
