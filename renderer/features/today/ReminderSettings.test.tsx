import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_REMINDER_SETTINGS,
  type ReminderSettings as Settings,
} from '../../../shared/domain/reminders/settings.ts';
import type { TodayView } from '../../../shared/domain/reminders/views.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { NudgeCard } from './NudgeCard.tsx';
import { ReminderSettings } from './ReminderSettings.tsx';

describe('ReminderSettings', () => {
  it('says reminders come as notifications only when the desktop has no tray', async () => {
    renderInApp(<ReminderSettings />, {
      requests: {
        'reminders.getSettings': () => ({ ...DEFAULT_REMINDER_SETTINGS, host: { notifications: true, tray: false } }),
      },
    });
    expect(await screen.findByText(/no tray area.*notifications only/)).toBeTruthy();
    expect(screen.getByLabelText(/Open Rapport when I log in/)).toBeTruthy();
  });

  it('saves the digest time and quiet hours the user picked, and says so once', async () => {
    const setSettings = vi.fn((s: Settings) => ({ ...s, host: { notifications: false, tray: null } }));
    renderInApp(<ReminderSettings />, {
      requests: {
        'reminders.getSettings': () => ({ ...DEFAULT_REMINDER_SETTINGS, host: { notifications: false, tray: null } }),
        'reminders.setSettings': setSettings,
      },
    });
    expect(await screen.findByText(/only in the desktop app/)).toBeTruthy();
    const time = screen.getByLabelText('At') as HTMLInputElement;
    await userEvent.clear(time);
    await userEvent.type(time, '07:30');
    await userEvent.click(screen.getByLabelText('No notifications'));
    await userEvent.click(screen.getByRole('button', { name: 'Save reminder settings' }));
    await waitFor(() =>
      expect(setSettings).toHaveBeenCalledWith({
        ...DEFAULT_REMINDER_SETTINGS,
        digestTime: '07:30',
        quietHours: { ...DEFAULT_REMINDER_SETTINGS.quietHours, enabled: false },
      }),
    );
    expect(await screen.findByText('Saved the reminder settings')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the time a message is about, and refuses quiet hours that start and end together', async () => {
    const setSettings = vi.fn((s: Settings) => ({ ...s, host: { notifications: false, tray: null } }));
    renderInApp(<ReminderSettings />, {
      requests: {
        'reminders.getSettings': () => ({ ...DEFAULT_REMINDER_SETTINGS, host: { notifications: false, tray: null } }),
        'reminders.setSettings': setSettings,
      },
    });
    const from = (await screen.findByLabelText('from')) as HTMLInputElement;
    fireEvent.change(from, { target: { value: '07:00' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save reminder settings' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Quiet hours start and end at the same time/);
    fireEvent.change(screen.getByLabelText('until'), { target: { value: '' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save reminder settings' }));
    expect(screen.getByRole('alert').textContent).toBe('Quiet hours until: Use a time like 08:30.');
    expect(setSettings).not.toHaveBeenCalled();
  });
});

describe('NudgeCard', () => {
  const nudge: NonNullable<TodayView['nudge']> = {
    personId: 'sam',
    displayName: 'Sam Okafor',
    lines: ['Hi Sam,', 'How did the half marathon go?'],
    step: 'Send Sam a message today.',
    smallerStep: false,
  };

  it('shows the two-line draft; Done asks how, Tonight and Skip say what they did', async () => {
    const done = vi.fn(() => ({ interactionId: 'i1', changes: [] }));
    const before = { day: '2026-03-18', personId: 'sam', skipsInARow: 0 };
    const act = vi.fn(() => ({
      change: { kind: 'nudge' as const, before, after: { ...before, outcome: 'skipped' as const } },
    }));
    renderInApp(<NudgeCard nudge={nudge} />, {
      requests: { 'reminders.done': done, 'reminders.nudge': act },
    });
    expect(screen.getByLabelText('Drafted message').textContent).toBe('Hi Sam,How did the half marathon go?');
    await userEvent.click(screen.getByRole('button', { name: 'Done: I got in touch with Sam Okafor' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Call' }));
    await waitFor(() => expect(done).toHaveBeenCalledWith({ personId: 'sam', type: 'call' }));
    expect(await screen.findByText('Logged a call with Sam Okafor')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Tonight' }));
    await userEvent.click(screen.getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(act.mock.calls).toEqual([[{ action: 'tonight' }], [{ action: 'skip' }]]));
  });

  it('shows what was decided; put off until tonight, it can still be done or copied now', () => {
    const { rerender } = renderInApp(<NudgeCard nudge={{ ...nudge, outcome: 'tonight', remindBy: 'notification' }} />);
    expect(screen.getByText('We will remind you this evening.')).toBeTruthy();
    rerender(
      <NudgeCard
        nudge={{ ...nudge, outcome: 'tonight', remindBy: 'notification', notifiesAt: '2026-03-19T07:00:00Z' }}
      />,
    );
    expect(screen.getByText(/^Your quiet hours start first: we will remind you at 19 Mar 2026, 0?7:00/)).toBeTruthy();
    rerender(<NudgeCard nudge={{ ...nudge, outcome: 'tonight', remindBy: 'today' }} />);
    expect(screen.getByText(/^Kept here for this evening\. No notification will come/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Done/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy message' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tonight' })).toBeNull();
    rerender(<NudgeCard nudge={{ ...nudge, outcome: 'skipped' }} />);
    expect(screen.getByText('Skipped for today. Tomorrow is another chance.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Done/ })).toBeNull();
  });
});
