import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../test-support/render.tsx';
import { SafetyCopies } from './SafetyCopies.tsx';

const copy = {
  name: 'rapport-20260318T090000Z.sqlite',
  createdAt: '2026-03-18T09:00:00.000Z',
  reason: 'Before restoring the backup of 17 Mar 2026',
  people: 212,
  bytes: 4096,
};

describe('safety copies in Settings', () => {
  it('lists them and puts one back after asking, saying what happened', async () => {
    const putBack = vi.fn(() => ({ people: 212 }));
    renderInApp(<SafetyCopies busy={false} />, {
      requests: { 'recovery.safetyCopies': () => [copy], 'recovery.restoreSafetyCopy': putBack },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Show safety copies' }));
    const list = await screen.findByRole('list', { name: 'Safety copies' });
    expect(list.textContent).toContain('Before restoring the backup of 17 Mar 2026 · 212 people');
    await userEvent.click(within(list).getByRole('button', { name: 'Put back…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Put back a safety copy' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep what is here' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Put it back' }));
    await waitFor(() => expect(putBack).toHaveBeenCalledWith({ name: copy.name }));
    expect(await screen.findByText('Put the safety copy back')).toBeTruthy();
  });

  it('says when there are none', async () => {
    renderInApp(<SafetyCopies busy={false} />, { requests: { 'recovery.safetyCopies': () => [] } });
    await userEvent.click(screen.getByRole('button', { name: 'Show safety copies' }));
    expect(await screen.findByText('No safety copies yet.')).toBeTruthy();
  });
});
