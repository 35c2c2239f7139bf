import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { DEFAULT_KEEP_IN_TOUCH } from '../../../shared/domain/settings.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { CadenceSettings } from './CadenceSettings.tsx';

it('shows every wrong rhythm beside its field at once, in words, focuses the first, and saves nothing', async () => {
  const save = vi.fn(async () => DEFAULT_KEEP_IN_TOUCH);
  renderInApp(<CadenceSettings />, {
    requests: { 'settings.getKeepInTouch': async () => DEFAULT_KEEP_IN_TOUCH, 'settings.setKeepInTouch': save },
  });
  const close = await screen.findByRole('group', { name: 'Close' });
  const regular = screen.getByRole('group', { name: 'Regular' });
  await userEvent.clear(within(close).getByLabelText('Maximum (days)'));
  await userEvent.type(within(close).getByLabelText('Maximum (days)'), '2.5');
  await userEvent.clear(within(regular).getByLabelText('Ideal (days)'));
  await userEvent.click(screen.getByRole('button', { name: 'Save rhythms' }));

  const closeMax = within(close).getByLabelText('Maximum (days)');
  expect(closeMax.getAttribute('aria-invalid')).toBe('true');
  expect(within(close).getByRole('alert').textContent).toBe('Use a whole number of days from 1 to 3,650');
  expect(within(regular).getByLabelText('Ideal (days)').getAttribute('aria-invalid')).toBe('true');
  expect(within(regular).getByRole('alert').textContent).toBe('Use a whole number of days from 1 to 3,650');
  expect(document.activeElement).toBe(closeMax);
  expect(save).not.toHaveBeenCalled();
});
