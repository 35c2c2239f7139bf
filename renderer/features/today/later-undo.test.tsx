import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ReminderChange } from '../../../shared/ipc/channels/reminders.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { LaterMenu } from './LaterMenu.tsx';
import { NudgeCard } from './NudgeCard.tsx';

const notifications = () => screen.getByRole('region', { name: /Notifications/ });
const toastSaying = async (text: string) => (await within(notifications()).findByText(text)).closest('li')!;

/** Sam was snoozed until tomorrow already; a week's snooze or a skip replaces that. */
const tomorrow = { snoozedUntil: '2026-03-19' };
const week: ReminderChange = { kind: 'hold', personId: 'sam', before: tomorrow, after: { snoozedUntil: '2026-03-25' } };
const skip: ReminderChange = { kind: 'hold', personId: 'sam', before: tomorrow, after: { skippedOn: '2026-03-18' } };

async function choose(item: string) {
  await userEvent.click(screen.getByRole('button', { name: 'Later for Sam Okafor' }));
  await userEvent.click(await screen.findByRole('menuitem', { name: item }));
}

describe('Later on Today', () => {
  it('offers Undo for a snooze, and Ctrl+Z sends back exactly what it replaced', async () => {
    const undo = vi.fn(() => ({}));
    renderInApp(<LaterMenu personId="sam" name="Sam Okafor" />, {
      requests: {
        'reminders.snooze': () => ({ until: '2026-03-25', change: week }),
        'reminders.undo': undo,
      },
    });
    await choose('Snooze 1 week');
    const toast = await toastSaying('Snoozed Sam Okafor until 25 Mar');
    expect(within(toast).getByRole('button', { name: 'Undo' })).toBeTruthy();

    await userEvent.keyboard('{Control>}z{/Control}');
    await within(notifications()).findByText('Undone: snoozed Sam Okafor until 25 Mar');
    expect(undo).toHaveBeenCalledWith(week);
  });

  it('offers Undo for a skip; one that changed since says so and changes nothing', async () => {
    const undo = vi.fn(() => ({ code: 'conflict' as const, message: 'That changed again since.' }));
    renderInApp(<LaterMenu personId="sam" name="Sam Okafor" />, {
      requests: { 'reminders.skip': () => ({ change: skip }), 'reminders.undo': undo },
    });
    await choose('Skip this cycle');
    await userEvent.click(
      within(await toastSaying('Skipped Sam Okafor this cycle')).getByRole('button', { name: 'Undo' }),
    );
    const error = await toastSaying('Could not undo');
    expect(error.textContent).toContain('That changed again since.');
    expect(undo).toHaveBeenCalledWith(skip);
  });
});

describe('the nudge', () => {
  const nudge = {
    personId: 'sam',
    displayName: 'Sam Okafor',
    lines: ['Hi Sam,', 'How are you?'] as [string, string],
    step: 'Send Sam a message today.',
    smallerStep: false,
  };
  const before = { day: '2026-03-18', personId: 'sam', skipsInARow: 1, lastSkippedId: 'ana' };

  it.each([
    ['Tonight', 'Put Sam Okafor off until this evening', { outcome: 'tonight', remindAt: '2026-03-18T19:00:00.000Z' }],
    ['Skip', 'Skipped Sam Okafor for today', { outcome: 'skipped', skipsInARow: 2, lastSkippedId: 'sam' }],
  ] as const)('offers Undo for %s, which puts the nudge back as it was', async (button, title, answered) => {
    const change: ReminderChange = { kind: 'nudge', before, after: { ...before, ...answered } };
    const undo = vi.fn(() => ({}));
    renderInApp(<NudgeCard nudge={nudge} />, {
      requests: { 'reminders.nudge': () => ({ change }), 'reminders.undo': undo },
    });
    await userEvent.click(screen.getByRole('button', { name: button }));
    await userEvent.click(within(await toastSaying(title)).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(undo).toHaveBeenCalledWith(change));
    await within(notifications()).findByText(`Undone: ${title.charAt(0).toLowerCase()}${title.slice(1)}`);
  });
});
