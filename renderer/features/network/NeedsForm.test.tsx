import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Contact, ContactFields } from '../../../shared/domain/contact.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { samContact } from '../failures/fixtures.ts';
import { NeedsForm } from './NeedsForm.tsx';

const sam = (lookingFor: string): Contact => ({ ...samContact, lookingFor });
const fieldsOf = ({ id: _i, createdAt: _c, updatedAt: _u, ...fields }: Contact): ContactFields => fields;
const form = (contact: Contact) => <NeedsForm contact={contact} fields={fieldsOf(contact)} />;
const editButton = () => screen.getByRole('button', { name: /Edit what Sam Okafor is looking for/ });
const lookingFor = () => screen.getByLabelText('Looking for') as HTMLTextAreaElement;

describe('NeedsForm: what is typed and not saved', () => {
  it('reopens the editor with it on the next visit, saying so', async () => {
    renderInApp(form(sam('a mentor')));
    await userEvent.click(editButton());
    await userEvent.type(lookingFor(), ' in design');
    cleanup(); // another screen

    renderInApp(form(sam('a mentor')));
    expect(screen.getByText(/Restored what you typed before/)).toBeTruthy();
    expect(lookingFor().value).toBe('a mentor in design');
    await userEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect(lookingFor().value).toBe('a mentor');
  });

  it('leaves nothing behind once saved, when the person page then shows the saved person', async () => {
    const update = vi.fn(() => sam('a mentor in design'));
    const view = renderInApp(form(sam('a mentor')), { requests: { 'contacts.update': update } });
    await userEvent.click(editButton());
    await userEvent.type(lookingFor(), ' in design');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    await waitFor(() => expect(screen.queryByLabelText('Looking for')).toBeNull());
    view.rerender(form(sam('a mentor in design')));
    expect(window.localStorage.getItem('rapport.form-drafts')).toBeNull();
    cleanup();
    renderInApp(form(sam('a mentor in design')));
    expect(screen.queryByLabelText('Looking for')).toBeNull();
    expect(screen.getByText('a mentor in design')).toBeTruthy();
  });
});
