import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../test-support/render.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';

describe('restoring over people already here', () => {
  it('asks first, with focus on keeping them, and replaces only when told to', async () => {
    const run = vi.fn(async (overwrite: boolean) =>
      overwrite
        ? ({ ok: true, value: { counts: { contacts: 3 } } } as const)
        : ({ ok: false, error: { code: 'conflict', message: 'This profile is not empty (202 people).' } } as const),
    );
    renderInApp(<RestoreDialog job={{ label: 'the backup of 3 Dec', run }} onClose={vi.fn()} />);
    const dialog = await screen.findByRole('dialog', { name: 'Restore the backup of 3 Dec' });
    await within(dialog).findByText(/Safety copies/);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep what is here' }));
    await userEvent.keyboard('{Tab}{Enter}');
    await waitFor(() => expect(run).toHaveBeenLastCalledWith(true));
  });
});
