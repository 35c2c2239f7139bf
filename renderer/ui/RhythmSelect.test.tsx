import { screen, within } from '@testing-library/react';
import { act } from 'react';
import { expect, it } from 'vitest';
import { DEFAULT_KEEP_IN_TOUCH, type KeepInTouchSettings } from '../../shared/domain/settings.ts';
import { renderInApp } from '../test-support/render.tsx';
import { RhythmSelect } from './RhythmSelect.tsx';

const options = () =>
  within(screen.getByRole('combobox', { name: 'Rhythm' }))
    .getAllByRole('option')
    .map((o) => o.textContent);

it('says each tier’s interval as set now, and follows a change made while it is open', async () => {
  let push: (value: KeepInTouchSettings) => void = () => {};
  renderInApp(<RhythmSelect id="r" label="Rhythm" name="tier" defaultValue="close" noneLabel="No rhythm" />, {
    subscriptions: { 'settings.watchKeepInTouch': (_i, p) => void (push = p) },
  });
  // Before the rhythms are read: the names alone, never the defaults' intervals.
  expect(options()).toEqual(['No rhythm', 'Close', 'Regular', 'Occasional', 'Yearly']);
  act(() => push({ tiers: { ...DEFAULT_KEEP_IN_TOUCH.tiers, close: { idealDays: 14, maxDays: 28 } } }));
  await screen.findByRole('option', { name: 'Close (every 2 weeks)' });
  expect(options()).toEqual([
    'No rhythm',
    'Close (every 2 weeks)',
    'Regular (every 2 months)',
    'Occasional (every 6 months)',
    'Yearly',
  ]);
  act(() => push({ tiers: { ...DEFAULT_KEEP_IN_TOUCH.tiers, regular: { idealDays: 30, maxDays: 45 } } }));
  await screen.findByRole('option', { name: 'Regular (every month)' });
  expect(screen.getByRole('option', { name: 'Close (every 3 weeks)' })).toBeTruthy();
  expect((screen.getByRole('combobox', { name: 'Rhythm' }) as HTMLSelectElement).value).toBe('close');
});

it('says so under the choice when the rhythms cannot be read, keeping the names', async () => {
  renderInApp(<RhythmSelect id="r" label="Rhythm" name="tier" defaultValue="" noneLabel="No rhythm" />, {
    failing: ['settings.watchKeepInTouch'],
  });
  expect((await screen.findByRole('alert')).textContent).toMatch(/^Could not load how often each rhythm is: /);
  expect(options()).toEqual(['No rhythm', 'Close', 'Regular', 'Occasional', 'Yearly']);
});
