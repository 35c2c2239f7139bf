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

it('Enter after a name several people share chooses the first match, the one highlighted', async () => {
  renderInApp(<Filter />, { requests: picksFrom(people) });
  await typeInto('wang');
  const [first] = await screen.findAllByRole('option', { name: /Wang/ });
  await waitFor(() => expect(first!.getAttribute('aria-selected')).toBe('true'));
  expect(first).toBe(screen.getByRole('option', { name: /Hui Wang/ }));
  await userEvent.keyboard('{Enter}');
  await waitFor(() => expect(screen.getByLabelText('Chosen').textContent).toBe('hui'));
  expect(screen.getByRole('button', { name: /Person/ }).textContent).toContain('Hui Wang');
});

it('an arrow key moves the highlight, and Enter chooses the row it is on', async () => {
  renderInApp(<Filter />, { requests: picksFrom(people) });
  await typeInto('wang');
  await screen.findByRole('option', { name: /Jun Wang/ });
  await userEvent.keyboard('{ArrowDown}');
  expect(screen.getByRole('option', { selected: true })).toBe(screen.getByRole('option', { name: /Jing Wang/ }));
  await userEvent.keyboard('{Enter}');
  await waitFor(() => expect(screen.getByLabelText('Chosen').textContent).toBe('jing'));
});

it('Enter pressed before the answer arrives chooses the first match of that answer', async () => {
  const picks = picksFrom(people);
  let answerSlowly = false;
  const slow: typeof picks = {
    ...picks,
    'people.pick': async (input) => {
      if (answerSlowly) await new Promise((resolve) => setTimeout(resolve, 50));
      return picks['people.pick']!(input);
    },
  };
  renderInApp(<Filter />, { requests: slow });
  await userEvent.click(screen.getByRole('button', { name: /Person/ }));
  answerSlowly = true;
  await userEvent.type(await screen.findByPlaceholderText('Type a name'), 'wang{Enter}');
  expect(screen.queryByRole('option', { name: /Wang/ })).toBeNull();
  await waitFor(() => expect(screen.getByLabelText('Chosen').textContent).toBe('hui'));
});
