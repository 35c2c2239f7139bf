import { describe, expect, it } from 'vitest';
import { practiceInteractionNotes } from './notes.ts';
import { attempt, finished, ladder, planned, TODAY } from './practice-builders.ts';
import { beliefChange, otherPractices, practiceProgress, weekStartOf, weeklyGoalProgress } from './progress.ts';

describe('weekStartOf', () => {
  it.each([
    ['2026-03-09', '2026-03-09'], // a Monday is its own week start
    ['2026-03-15', '2026-03-09'], // Sunday belongs to the week that began on Monday
    ['2026-03-16', '2026-03-16'],
    ['2026-01-01', '2025-12-29'], // across a year boundary
    ['2028-03-01', '2028-02-28'], // across a leap day
  ])('the week of %s starts on %s', (day, start) => {
    expect(weekStartOf(day)).toBe(start);
  });
});

describe('weeklyGoalProgress', () => {
  it.each([
    ['nothing yet this week', [], 2, { done: 0, remaining: 2, met: false }, /A fresh week.*one small step counts/],
    ['part way', ['2026-03-16'], 3, { done: 1, remaining: 2, met: false }, /1 of 3 this week\. 2 more if it suits you/],
    [
      'goal reached',
      ['2026-03-16', '2026-03-17'],
      2,
      { done: 2, remaining: 0, met: true },
      /^2 practices this week: your goal of 2 is reached/,
    ],
    [
      'beyond the goal is a bonus, not a new target',
      ['2026-03-16', '2026-03-17', '2026-03-18'],
      2,
      { done: 3, remaining: 0, met: true },
      /bonus/,
    ],
    [
      'last week does not count towards this week',
      ['2026-03-15', '2026-03-09'],
      2,
      { done: 0, remaining: 2, met: false },
      /fresh week/,
    ],
    [
      'a later day this week does not count yet',
      ['2026-03-20'],
      1,
      { done: 0, remaining: 1, met: false },
      /fresh week/,
    ],
    ['no goal set', ['2026-03-16'], 0, { done: 1, remaining: 0, met: false }, /No goal set/],
  ] as const)('%s', (_label, days, goal, expected, message) => {
    const progress = weeklyGoalProgress(days, TODAY, goal);
    expect(progress).toMatchObject(expected);
    expect(progress.message).toMatch(message);
  });

  it('never speaks of streaks, failure or missed weeks, whatever happened before', () => {
    const histories = [[], ['2026-01-05'], ['2026-03-16'], ['2026-03-16', '2026-03-17', '2026-03-18']];
    for (const days of histories) {
      for (const goal of [0, 1, 2, 5, 7]) {
        expect(weeklyGoalProgress(days, TODAY, goal).message).not.toMatch(/streak|fail|miss|behind|broke|only/i);
      }
    }
  });
});

describe('beliefChange', () => {
  it('says what will appear before any finished practice, leaving planned ones out', () => {
    const change = beliefChange([planned('p')]);
    expect(change).toMatchObject({ points: [], averageBefore: null, averageAfter: null, happened: 0 });
    expect(change.summary).toMatch(/^No finished practices yet/);
  });

  it('lists each prediction oldest first with its belief before and after, and averages both', () => {
    const change = beliefChange([
      finished('b', '2026-03-10', { beliefAfter: 30, predictionHappened: true }, { beliefBefore: 60 }),
      finished('a', '2026-03-05', { beliefAfter: 10 }, { beliefBefore: 80 }),
      planned('later'),
    ]);
    expect(change.points.map((p) => [p.id, p.before, p.after, p.happened])).toEqual([
      ['a', 80, 10, false],
      ['b', 60, 30, true],
    ]);
    expect(change).toMatchObject({ averageBefore: 70, averageAfter: 20, happened: 1 });
    expect(change.summary).toBe(
      'Across 2 practices, you believed your prediction 70% on average beforehand and 20% afterwards. It came true 1 time out of 2.',
    );
  });

  it('averages only re-rated practices when older ones were never re-rated, and says so', () => {
    const change = beliefChange([
      finished('old', '2026-01-05', { beliefAfter: undefined }, { beliefBefore: 90 }),
      finished('new', '2026-03-05', { beliefAfter: 25 }, { beliefBefore: 50 }),
    ]);
    expect(change.points[0]).not.toHaveProperty('after');
    expect(change).toMatchObject({ averageBefore: 50, averageAfter: 25 });
    expect(change.summary).toBe(
      'Across the 1 practice you re-rated, you believed your prediction 50% on average beforehand and 25% afterwards. It came true 0 times out of 2.',
    );
  });

  it('gives the belief before alone when no practice was re-rated', () => {
    const change = beliefChange([finished('old', '2026-01-05', { beliefAfter: undefined }, { beliefBefore: 65 })]);
    expect(change).toMatchObject({ averageBefore: 65, averageAfter: null });
    expect(change.summary).toBe(
      'Across 1 practice, you believed your prediction 65% on average beforehand. It came true 0 times out of 1.',
    );
  });
});

describe('otherPractices', () => {
  it('charts finished practices that are not on a current ladder step, oldest first', () => {
    const points = otherPractices(
      [
        finished('free', '2026-03-10'),
        attempt('on-step', 1, '2026-03-09'),
        finished('gone-step', '2026-03-08', {}, { ladderId: 'calls', stepId: 'deleted-step' }),
        finished('gone-ladder', '2026-03-07', {}, { ladderId: 'deleted', stepId: 'deleted-1' }),
        planned('planned'),
      ],
      [ladder()],
    );
    expect(points.map((p) => p.id)).toEqual(['gone-ladder', 'gone-step', 'free']);
    expect(points[0]).toEqual({
      id: 'gone-ladder',
      completedOn: '2026-03-07',
      task: 'Task gone-ladder',
      before: 6,
      peak: 7,
      end: 3,
    });
  });
});

describe('practiceProgress', () => {
  it('counts this week by completion day and lists every ladder, tried or not', () => {
    const progress = practiceProgress(
      [attempt('a', 1, '2026-03-16'), finished('b', '2026-03-02'), planned('c', { date: '2026-03-18' })],
      [ladder(), ladder('talks', [['Ask a question', 8]])],
      2,
      TODAY,
    );
    expect(progress.goal).toMatchObject({ done: 1, remaining: 1 });
    expect(progress.ladders.map((l) => [l.name, l.steps.map((s) => s.attempts.length)])).toEqual([
      ['Phone calls', [1, 0]],
      ['Ladder talks', [0]],
    ]);
    expect(progress.otherPractices.map((p) => p.id)).toEqual(['b']);
    expect(progress.beliefs.points).toHaveLength(2);
  });
});

describe('practiceInteractionNotes', () => {
  it('summarises the task, outcome and lesson without anxiety ratings', () => {
    const notes = practiceInteractionNotes(
      { task: 'Ask Sam about the course ' },
      { outcome: 'Sam was glad I asked', learned: 'People like being asked' },
    );
    expect(notes).toBe(
      'Practice: Ask Sam about the course\nWhat happened: Sam was glad I asked\nWhat I learned: People like being asked',
    );
  });

  it('leaves out an empty lesson and caps very long notes', () => {
    expect(practiceInteractionNotes({ task: 'Call' }, { outcome: 'Went fine', learned: ' ' })).not.toContain('learned');
    expect(practiceInteractionNotes({ task: 'Call' }, { outcome: 'x'.repeat(3000), learned: '' }).length).toBe(2000);
  });
});
