import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { renderInApp } from '../../test-support/render.tsx';
import { SyncSetupForm } from './SyncSetupForm.tsx';

/** What main answers; the form reads nothing from it (Settings shows the live state). */
const OFF = { status: { state: 'off' as const }, keyKept: false, secretsPersist: false };

async function fill(passphrase: string, again: string) {
  await userEvent.type(screen.getByLabelText(/^Server address/), 'https://couch.example.org/');
  await userEvent.type(screen.getByLabelText(/^User name/), 'sam');
  await userEvent.type(screen.getByLabelText(/^Password/), 'secret');
  await userEvent.type(screen.getByLabelText(/^Sync passphrase/), passphrase);
  if (again) await userEvent.type(screen.getByLabelText(/^Passphrase again/), again);
}

it('sets up a new sync only with the passphrase typed the same twice', async () => {
  const setUp = vi.fn(() => OFF);
  renderInApp(<SyncSetupForm />, { requests: { 'sync.setUp': setUp } });
  await fill('a long sync passphrase', 'a long sync pasphrase');
  await userEvent.click(screen.getByRole('button', { name: 'Set up a new sync' }));
  expect(setUp).not.toHaveBeenCalled();
  expect(screen.getByLabelText(/^Passphrase again/).getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByText('The two passphrases differ: type the same one twice')).toBeTruthy();
  await userEvent.clear(screen.getByLabelText(/^Passphrase again/));
  await userEvent.type(screen.getByLabelText(/^Passphrase again/), 'a long sync passphrase');
  await userEvent.click(screen.getByRole('button', { name: 'Set up a new sync' }));
  expect(setUp).toHaveBeenCalledWith(expect.objectContaining({ passphrase: 'a long sync passphrase' }));
});

it('joins with the passphrase once: it is checked against the sync itself', async () => {
  const join = vi.fn(() => OFF);
  renderInApp(<SyncSetupForm />, { requests: { 'sync.join': join } });
  await fill('a long sync passphrase', '');
  await userEvent.click(screen.getByRole('button', { name: 'Join an existing sync' }));
  expect(join).toHaveBeenCalledWith(expect.objectContaining({ passphrase: 'a long sync passphrase' }));
});
