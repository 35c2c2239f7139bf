import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TodayView } from '../../../shared/domain/reminders/views.ts';
import { today } from '../failures/fixtures.ts';
import { renderInApp } from '../../test-support/render.tsx';
import { DueLanes } from './DueLanes.tsx';
import { UpcomingBirthdays } from './UpcomingBirthdays.tsx';

/** A Today whose overdue lane has more people than the core sends (it sends the first 100). */
const crowded: TodayView = {
  ...today,
  overdue: Array.from({ length: 100 }, (_, n) => ({ ...today.overdue[0]!, id: `p${n}`, displayName: `Person ${n}` })),
  totals: { ...today.totals, overdue: 2651 },
};

it('counts everyone in a lane, shows the rows it was sent, and says where the rest are', async () => {
  renderInApp(<DueLanes view={crowded} />);
  const lane = screen.getByRole('region', { name: 'Overdue (2651)' });
  expect(lane.querySelector('.count')?.textContent).toBe('2,651');
  expect(screen.getAllByRole('link', { name: /^Person \d+$/ })).toHaveLength(6);
  screen.getByRole('button', { name: 'Show the first 100' }).focus();
  await userEvent.keyboard('{Enter}');
  expect(screen.getAllByRole('link', { name: /^Person \d+$/ })).toHaveLength(100);
  expect(screen.getByText('The first 100 of 2,651. The People list filters by status to show everyone.')).toBeTruthy();
});

it('offers all of a lane the core sent whole, with no note', async () => {
  renderInApp(<DueLanes view={{ ...crowded, totals: { ...crowded.totals, overdue: 100 } }} />);
  screen.getByRole('button', { name: 'Show all 100' }).focus();
  await userEvent.keyboard('{Enter}');
  expect(screen.getAllByRole('link', { name: /^Person \d+$/ })).toHaveLength(100);
  expect(screen.queryByText(/The People list filters by status/)).toBeNull();
});

it('says how many birthdays it was not sent', () => {
  const birthdays = [{ personId: 'sam', displayName: 'Sam Okafor', on: '2026-03-18', inDays: 0 }];
  renderInApp(<UpcomingBirthdays birthdays={birthdays} total={3210} />);
  expect(screen.getByText('And 3,209 more in the next 30 days.')).toBeTruthy();
});

describe('what a row says under the name', () => {
  const onTrack = {
    state: 'on-track' as const,
    since: '2026-03-01',
    daysSince: 17,
    dueOn: '2027-05-05',
    overdueOn: '2027-06-05',
  };
  const due = { ...onTrack, state: 'due' as const, since: '2025-12-01', dueOn: '2026-03-01' };
  const askAbout = { kind: 'follow-up' as const, detailId: 'd1', followUpOn: '2026-03-18', text: 'her sabbatical' };
  const row = (item: TodayView['due'][number], lane: 'due' | 'thisWeek' = 'due') => {
    renderInApp(<DueLanes view={{ ...today, overdue: [], due: [], [lane]: [item] }} />);
    return screen.getByRole('link', { name: item.displayName }).nextElementSibling!;
  };

  it('in Due now for a follow-up, says why, and no "On track" for a rhythm not yet due', () => {
    const reason = row({ id: 'mia', displayName: 'Mia Hughes', status: onTrack, reasons: [askAbout] });
    expect(reason.textContent).toBe('Ask about: her sabbatical');
    expect(reason.className).toBe('due-reason');
  });

  it('says the reason first, then a rhythm that is due as well, in the rhythm’s colour', () => {
    const reason = row({
      id: 'mia',
      displayName: 'Mia Hughes',
      status: due,
      reasons: [{ kind: 'due', status: due }, askAbout],
    });
    expect(reason.textContent).toBe('Ask about: her sabbatical · Due since 1 Mar 2026');
    expect(reason.className).toContain('status-due');
  });

  it('in This week, where the rhythm is the reason, says when it comes due', () => {
    const reason = row({ id: 'ola', displayName: 'Ola Berg', status: onTrack, reasons: [] }, 'thisWeek');
    expect(reason.textContent).toMatch(/^On track · next by 5 May 2027$/);
  });
});

it('keeps focus in the lane when the row holding it goes (Done, Later), on the row now in its place', async () => {
  const person = (id: string, displayName: string) => ({ ...today.overdue[0]!, id, displayName });
  const three: TodayView = { ...today, overdue: [person('a', 'Ann'), person('b', 'Ben'), person('c', 'Cy')] };
  const { rerender } = renderInApp(<DueLanes view={three} />);
  screen.getByRole('button', { name: 'Log an interaction with Ben' }).focus();
  rerender(<DueLanes view={{ ...three, overdue: [person('a', 'Ann'), person('c', 'Cy')] }} />);
  expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Cy' }));
  // Focus the user moved elsewhere stays there.
  const elsewhere = screen.getByRole('button', { name: 'Log an interaction with Ann' });
  elsewhere.focus();
  screen.getByRole('link', { name: 'Cy' }).focus();
  elsewhere.focus();
  rerender(<DueLanes view={{ ...three, overdue: [person('a', 'Ann')] }} />);
  expect(document.activeElement).toBe(elsewhere);
});
