import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../test-support/render.tsx';
import { AddPersonDialog } from './AddPersonDialog.tsx';

const keepInTouch = {
  tiers: {
    close: { idealDays: 14, maxDays: 21 },
    regular: { idealDays: 60, maxDays: 90 },
    occasional: { idealDays: 120, maxDays: 180 },
    yearly: { idealDays: 365, maxDays: 450 },
  },
  defaultTier: 'regular' as const,
};

describe('Add person', () => {
  it('starts with the default rhythm once it is read, and keeps what was typed when closed', async () => {
    const view = renderInApp(<AddPersonDialog open onClose={vi.fn()} />, {
      requests: { 'settings.getKeepInTouch': () => keepInTouch },
    });
    const rhythm = () => screen.getByLabelText('Rhythm') as HTMLSelectElement;
    await vi.waitFor(() => expect(rhythm().value).toBe('regular'));
    await userEvent.type(screen.getByRole('textbox', { name: /^Name/ }), 'Ngozi Adeyemi');
    await userEvent.type(screen.getByRole('textbox', { name: 'Organisation' }), 'Kiln Studio');
    // Escape; the dialog stays mounted, so the default rhythm is known from the start next time.
    view.rerender(<AddPersonDialog open={false} onClose={vi.fn()} />);
    view.rerender(<AddPersonDialog open onClose={vi.fn()} />);
    expect(await screen.findByText(/Restored what you typed before/)).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveProperty('value', 'Ngozi Adeyemi');
    expect(screen.getByRole('textbox', { name: 'Organisation' })).toHaveProperty('value', 'Kiln Studio');
    expect(rhythm().value).toBe('regular');
  });

  it('after a restart, brings back the rhythm chosen, and Start over gives the default again', async () => {
    const first = renderInApp(<AddPersonDialog open onClose={vi.fn()} />, {
      requests: { 'settings.getKeepInTouch': () => keepInTouch },
    });
    const rhythm = async () => (await screen.findByLabelText('Rhythm')) as HTMLSelectElement;
    await userEvent.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Ngozi Adeyemi');
    await userEvent.selectOptions(await rhythm(), 'close');
    first.unmount();

    renderInApp(<AddPersonDialog open onClose={vi.fn()} />, {
      requests: { 'settings.getKeepInTouch': () => keepInTouch },
    });
    expect(await screen.findByText(/Restored what you typed before/)).toBeTruthy();
    expect((await rhythm()).value).toBe('close');
    await userEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect((await rhythm()).value).toBe('regular');
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveProperty('value', '');
  });
});
