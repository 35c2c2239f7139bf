import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { attempt, finished, ladder, TODAY } from '../../../shared/domain/practice/practice-builders.ts';
import { practiceProgress } from '../../../shared/domain/practice/progress.ts';
import { ProgressPanel } from './ProgressPanel.tsx';

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);

async function openTable(figure: HTMLElement) {
  await userEvent.click(within(figure).getByText(/^Show (“.*” )?as a table/));
}

describe('ProgressPanel', () => {
  it('charts each ladder step by its own tries, with a summary and a table of the same numbers', async () => {
    const progress = practiceProgress(
      [
        attempt('a', 1, '2026-03-05', { sudsPeak: 6, sudsEnd: 3 }),
        attempt('b', 1, '2026-03-09', { sudsPeak: 3, sudsEnd: 1 }),
        // Climbing to a harder step starts its own line: it is not "worse" than the last try of step 1.
        attempt('c', 2, '2026-03-12', { sudsPeak: 8, sudsEnd: 4, stayed: 'left-early' }),
      ],
      [ladder()],
      2,
      TODAY,
    );
    render(<ProgressPanel progress={progress} />);
    const figure = screen.getByRole('figure', { name: 'Anxiety on each step of “Phone calls”' });
    expect(figure.textContent).toContain(
      '2 of 2 steps tried. Step 1, “Call a shop”: 2 tries, highest anxiety from 6 to 3. Step 2, “Call a friend”: 1 try, highest anxiety 8.',
    );
    // The title quotes the ladder already: the table's toggle does not quote it again.
    expect(within(figure).getByText('Show as a table: Anxiety on each step of “Phone calls”')).toBeTruthy();
    await openTable(figure);
    expect(within(figure).getAllByRole('row').slice(1).map(cells)).toEqual([
      ['1. Call a shop', '1', '5 Mar 2026', '6', '3', 'Stayed'],
      ['1. Call a shop', '2', '9 Mar 2026', '3', '1', 'Stayed'],
      ['2. Call a friend', '1', '12 Mar 2026', '8', '4', 'Left early'],
    ]);
    expect(screen.queryByRole('figure', { name: 'Practices outside a ladder' })).toBeNull();
  });

  it('shows belief before and after each prediction, and says when an old practice was never re-rated', async () => {
    const progress = practiceProgress(
      [
        finished('old', '2026-01-05', { beliefAfter: undefined }, { beliefBefore: 90, task: 'Call the library' }),
        finished('new', '2026-03-17', { beliefAfter: 20 }, { beliefBefore: 70, task: 'Ask a question at the talk' }),
      ],
      [],
      2,
      TODAY,
    );
    render(<ProgressPanel progress={progress} />);
    const figure = screen.getByRole('figure', { name: 'Belief in your predictions, before and after' });
    expect(figure.textContent).toContain(
      'Across the 1 practice you re-rated, you believed your prediction 70% on average beforehand and 20% afterwards.',
    );
    await openTable(figure);
    expect(cells(within(figure).getByRole('row', { name: /Ask a question/ }))).toEqual([
      '17 Mar 2026',
      'Ask a question at the talk',
      'They will sound annoyed within a minute',
      '70%',
      'No',
      '20%',
    ]);
    expect(cells(within(figure).getByRole('row', { name: /Call the library/ })).at(-1)).toBe('Not asked');

    const other = screen.getByRole('figure', { name: 'Practices outside a ladder' });
    expect(other.textContent).toContain(
      '2 practices so far. Most recent, 17 Mar 2026, “Ask a question at the talk”: anxiety 6 before, 7 at its highest, 3 at the end.',
    );
  });

  it('explains what will appear before the first practice, with no empty charts and nothing counted by week', () => {
    render(<ProgressPanel progress={practiceProgress([], [ladder()], 2, TODAY)} />);
    expect(screen.getAllByRole('figure')).toHaveLength(1);
    expect(screen.getByRole('figure', { name: 'Belief in your predictions, before and after' }).textContent).toContain(
      'No finished practices yet',
    );
    expect(document.body.textContent).not.toMatch(/per week|streak/i);
  });
});
