import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/ipc/result.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { RestoreDialog } from './RestoreDialog.tsx';

describe('restoring over people already here', () => {
  it('asks first, with focus on keeping them, and replaces only when told to', async () => {
    const run = vi.fn(async (overwrite: boolean): Promise<Result<{ counts: Record<string, number> }>> =>
      overwrite
        ? { ok: true, value: { counts: { contacts: 3 } } }
        : {
            ok: false,
            error: {
              code: 'conflict',
              message: 'This profile is not empty (202 people).',
              details: [{ path: ['overwrite'], message: 'Replace the 202 people here' }],
            },
          },
    );
    renderInApp(<RestoreDialog job={{ label: 'the backup of 3 Dec', run }} onClose={vi.fn()} />);
    const dialog = await screen.findByRole('dialog', { name: 'Restore the backup of 3 Dec' });
    await within(dialog).findByText(/Safety copies/);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep what is here' }));
    await userEvent.keyboard('{Tab}{Enter}');
    await waitFor(() => expect(run).toHaveBeenLastCalledWith(true));
  });

  it('says another conflict as a failure, never as the question to replace', async () => {
    const run = vi.fn(
      async () =>
        ({
          ok: false,
          error: { code: 'conflict', message: 'Another restore is already running. Wait for it to finish.' },
        }) as const,
    );
    renderInApp(<RestoreDialog job={{ label: 'the backup of 3 Dec', run }} onClose={vi.fn()} />);
    const dialog = await screen.findByRole('dialog', { name: 'Restore the backup of 3 Dec' });
    expect(await within(dialog).findByRole('alert')).toHaveProperty(
      'textContent',
      'Could not restore: Another restore is already running. Wait for it to finish.',
    );
    expect(within(dialog).queryByRole('button', { name: 'Replace everything' })).toBeNull();
  });

  it('closes on Cancel with a word that nothing changed, not with the question to replace', async () => {
    let answer: (r: Result<never>) => void = () => {};
    const run = vi.fn(() => new Promise<never>((resolve) => (answer = resolve as never)));
    const onClose = vi.fn();
    const cancelOperation = vi.fn(async () => {
      answer({
        ok: false,
        error: {
          code: 'conflict',
          message: 'The restore was cancelled; nothing was changed.',
          details: [{ path: ['cancelled'], message: 'Cancelled' }],
        },
      });
      return { cancelled: true };
    });
    renderInApp(<RestoreDialog job={{ label: 'the backup of 3 Dec', run }} onClose={onClose} />, {
      requests: { 'app.cancelOperation': cancelOperation },
    });
    const dialog = await screen.findByRole('dialog', { name: 'Restore the backup of 3 Dec' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(await screen.findByText('Restore cancelled')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Replace everything' })).toBeNull();
  });
});
