import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it } from 'vitest';
import type { Contact, ContactFields } from '../../../shared/domain/contact.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { samContact } from '../failures/fixtures.ts';
import { PersonNetwork } from './PersonNetwork.tsx';

const fieldsOf = ({ id: _i, createdAt: _c, updatedAt: _u, ...fields }: Contact): ContactFields => fields;

it('keeps keyboard focus in the relationships as the form opens and closes', async () => {
  renderInApp(<PersonNetwork contact={samContact} fields={fieldsOf(samContact)} />, {
    subscriptions: { 'network.watchPerson': (_input, push) => push({ relationships: [], intros: [] }) },
  });
  const add = await screen.findByRole('button', { name: 'Add a relationship' });
  add.focus();
  await userEvent.keyboard('{Enter}');
  // The button went with the form's opening: its first field has focus, not the page.
  expect(document.activeElement).toBe(screen.getByRole('combobox', { name: `${samContact.displayName}…` }));
  screen.getByRole('button', { name: 'Cancel' }).focus();
  await userEvent.keyboard('{Enter}');
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add a relationship' }));
});
