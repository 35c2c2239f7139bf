import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_REMINDER_SETTINGS } from '../../../shared/domain/reminders/settings.ts';
import type { TodayView } from '../../../shared/domain/reminders/views.ts';
import { installFakeRapport, ok } from '../../test-support/fake-rapport.ts';
import { NudgeCard } from './NudgeCard.tsx';
import { ReminderSettings } from './ReminderSettings.tsx';

const info = vi.fn(async () =>
  ok({ version: 't', mode: 'desktop', dataDir: '/data', persistent: true, today: '2026-03-01' }),
);

describe('ReminderSettings', () => {
  it('says reminders come as notifications only when the desktop has no tray', async () => {
    installFakeRapport({
      reminders: {
        getSettings: vi.fn(async () =>
          ok({ ...DEFAULT_REMINDER_SETTINGS, host: { notifications: true, tray: false } }),
        ),
      },
      app: { info },
    });
    render(<ReminderSettings />);
    expect(await screen.findByText(/no tray area.*notifications only/)).toBeTruthy();
    expect(screen.getByLabelText(/Open Rapport when I log in/)).toBeTruthy();
  });

  it('saves the digest time and quiet hours the user picked', async () => {
    const setSettings = vi.fn(async (s: typeof DEFAULT_REMINDER_SETTINGS) =>
      ok({ ...s, host: { notifications: false, tray: null } }),
    );
    installFakeRapport({
      reminders: {
        getSettings: vi.fn(async () =>
          ok({ ...DEFAULT_REMINDER_SETTINGS, host: { notifications: false, tray: null } }),
        ),
        setSettings,
      },
      app: { info },
    });
    render(<ReminderSettings />);
    expect(await screen.findByText(/only in the desktop app/)).toBeTruthy();
    const time = screen.getByLabelText('At') as HTMLInputElement;
    await userEvent.clear(time);
    await userEvent.type(time, '07:30');
    await userEvent.click(screen.getByLabelText('No notifications'));
    await userEvent.click(screen.getByRole('button', { name: 'Save reminder settings' }));
    expect(setSettings).toHaveBeenCalledWith({
      ...DEFAULT_REMINDER_SETTINGS,
      digestTime: '07:30',
      quietHours: { ...DEFAULT_REMINDER_SETTINGS.quietHours, enabled: false },
    });
    expect(await screen.findByText('Saved.')).toBeTruthy();
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

  it('shows the two-line draft and answers Done, Tonight and Skip', async () => {
    const done = vi.fn(async () => ok({ interactionId: 'i' }));
    const act = vi.fn(async () => ok({}));
    installFakeRapport({ reminders: { done, nudge: act } });
    render(<NudgeCard nudge={nudge} />);
    expect(screen.getByLabelText('Drafted message').textContent).toBe('Hi Sam,How did the half marathon go?');
    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    await userEvent.click(screen.getByRole('button', { name: 'Tonight' }));
    await userEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(done).toHaveBeenCalledWith({ personId: 'sam' });
    expect(act.mock.calls).toEqual([[{ action: 'tonight' }], [{ action: 'skip' }]]);
  });

  it('shows what was decided instead of the buttons', () => {
    installFakeRapport({});
    render(<NudgeCard nudge={{ ...nudge, outcome: 'tonight' }} />);
    expect(screen.getByText('We will remind you this evening.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Done' })).toBeNull();
  });
});
