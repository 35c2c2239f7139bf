import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PracticeProgress } from '../../../shared/domain/practice/model.ts';
import {
  completionsPerWeek,
  predictionCalibration,
  weeklyGoalProgress,
} from '../../../shared/domain/practice/progress.ts';
import { ProgressPanel } from './ProgressPanel.tsx';

const TODAY = '2026-03-18';
function progressOf(points: PracticeProgress['points']): PracticeProgress {
  const days = points.map((p) => p.completedOn);
  return {
    today: TODAY,
    goal: weeklyGoalProgress(days, TODAY, 2),
    weeks: completionsPerWeek(days, TODAY, 4),
    points,
    calibration: predictionCalibration(points),
  };
}
const call = {
  id: 's1',
  completedOn: '2026-03-17',
  task: 'Call the library',
  before: 6,
  peak: 7,
  after: 2,
  likelihood: 70,
  happened: false,
};

describe('ProgressPanel', () => {
  it('gives every chart a text summary and a table with the same numbers', async () => {
    render(<ProgressPanel progress={progressOf([call])} />);
    const suds = screen.getByRole('figure', { name: 'Anxiety before and after' });
    expect(suds.textContent).toContain(
      '1 practice so far. Most recent, 17 Mar 2026, “Call the library”: anxiety 6 before, 7 at its highest, 2 after.',
    );
    await userEvent.click(within(suds).getByText('Show “Anxiety before and after” as a table'));
    const row = within(suds).getByRole('row', { name: /Call the library/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['17 Mar 2026', 'Call the library', '6', '7', '2']);

    const weeks = screen.getByRole('figure', { name: 'Practices per week' });
    expect(weeks.textContent).toContain('1 practice in the last 4 weeks, 1 this week.');
    const predictions = screen.getByRole('figure', { name: 'What you expected and what happened' });
    expect(predictions.textContent).toContain('70% likely on average. It happened 0 times out of 1 (0%).');
  });

  it('explains what will appear before the first practice, without empty charts', () => {
    render(<ProgressPanel progress={progressOf([])} />);
    expect(screen.getByRole('figure', { name: 'Anxiety before and after' }).textContent).toContain(
      'No finished practices yet',
    );
    expect(screen.getByRole('figure', { name: 'What you expected and what happened' }).textContent).toContain(
      'No finished practices yet',
    );
  });
});
